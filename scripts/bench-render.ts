// Render benchmark (not a test): the built renderer in Debian's Chromium, fed by an in-page fake api, timed from a
// DayView of 10 (and 40) schedules arriving to the board painted (two animation frames after the last column is
// drawn). Each time is also divided by a baseline measured in the same page: one FullCalendar timeGrid drawing as many
// events (scripts/bench-baseline-page.ts), so the figure holds on any machine.
import type { EventInput } from '@fullcalendar/core'
import { chromium, type Browser, type Page } from 'playwright-core'
import { buildSync } from 'esbuild'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { DateTime } from 'luxon'
import { chromiumArgs } from '../playwright.config'
import type { DayView, LocationDetails, Range } from '../src/shared/domain'
import { addDays, dayBounds } from '../src/shared/time'
import { serveStatic, type StaticServer } from '../test/e2e/helpers/static-server'
import type { BaselinePage } from './bench-baseline-page'

const ZONE = 'Australia/Sydney'
const SCHEDULES = 10
/** A big clinic's location (issue 9): every column drawn at once. */
const BIG_SCHEDULES = 40
const RUNS = 7
const TARGET_MS = 100
/** The 10-schedule day may take at most this many times one FullCalendar drawing as many events. */
const TARGET_RATIO = 1.5

const locationOf = (schedules: number): LocationDetails => ({
  location: { id: 1, name: 'Bench Clinic', timeZone: ZONE },
  schedules: Array.from({ length: schedules }, (_, index) => ({
    id: 100 + index,
    name: `Room ${index + 1}`,
    slotSize: index % 3 === 0 ? 30 : 15,
    appointmentTypes: [{ id: 1, name: 'Consult', slots: 1 }],
  })),
  clinicians: [1, 2, 3].map((id) => ({ id, name: `Clinician ${id}` })),
})

/** A busy day: 08:00–18:00, alternating 30 free and 15 booked minutes on every schedule. */
function dayView(details: LocationDetails, date: string): DayView {
  const at = (minutes: number): number =>
    DateTime.fromISO(date, { zone: ZONE }).plus({ minutes }).toMillis()
  const free: Range[] = []
  const busy: Range[] = []
  for (let minute = 8 * 60; minute < 18 * 60; minute += 45) {
    free.push({ start: at(minute), end: at(minute + 30) })
    busy.push({ start: at(minute + 30), end: at(minute + 45) })
  }
  const available = Object.fromEntries(
    details.schedules.map((schedule) => [schedule.id, free.slice(0, 6)]),
  )
  return {
    locationId: 1,
    date,
    timeZone: ZONE,
    bounds: dayBounds(date, ZONE),
    schedules: details.schedules.map((schedule) => ({ scheduleId: schedule.id, free, busy })),
    clinicians: details.clinicians.map((clinician) => ({
      clinicianId: clinician.id,
      free: available,
      busy: [],
      available,
    })),
    loadedAt: Date.now(),
  }
}

const bundle = (entry: string): string =>
  buildSync({
    entryPoints: [resolve(__dirname, entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
  }).outputFiles[0]!.text

const pageApi = (): string => bundle('../test/e2e/helpers/page-api.ts')
const baselinePage = (): string => bundle('./bench-baseline-page.ts')

/** The in-page main process: answers at once, and marks when a day view is handed to the renderer. */
function fakeMain({
  location,
  days,
}: {
  location: LocationDetails
  days: Record<string, DayView>
}): void {
  const ok = (data: unknown): unknown => ({ ok: true, data })
  const status = {
    mode: 'demo',
    serverUrl: null,
    username: null,
    connected: true,
    keychain: 'available',
    passwordRemembered: false,
    notice: null,
  }
  const page = globalThis as unknown as {
    __frontDeskCall: (channel: string, request: { date?: string }) => Promise<unknown>
    __benchArrived: number
  }
  page.__frontDeskCall = async (channel, request) => {
    switch (channel) {
      case 'session:getStatus':
        return ok(status)
      case 'clinic:listLocations':
        return ok([location.location])
      case 'clinic:loadLocation':
        return ok(location)
      case 'calendar:loadDay': {
        const view = days[request.date ?? '']
        page.__benchArrived = performance.now()
        return view
          ? ok({ ...view, loadedAt: Date.now() })
          : ok({ ...Object.values(days)[0], date: request.date })
      }
      case 'booking:listJournal':
        return ok([])
      default:
        return { ok: false, error: { code: 'UNEXPECTED', message: channel } }
    }
  }
}

/** The few page globals the timing code uses (this file is type-checked without the DOM library). */
interface PageGlobals {
  readonly document: {
    querySelectorAll(selector: string): { readonly length: number }
    querySelector(selector: string): { readonly value?: string } | null
  }
  requestAnimationFrame(callback: () => void): number
  __benchArrived: number
  __frontDeskEmit: (event: string, payload: unknown) => void
  __benchBaseline: BaselinePage
}

/** Waits until every column has drawn `expected` background events for the shown day, then two frames. */
async function paintedAfterArrival(page: Page, date: string, expected: number): Promise<number> {
  return page.evaluate(
    ([wanted, count]) =>
      new Promise<number>((done) => {
        const page = globalThis as unknown as PageGlobals
        const check = (): void => {
          const drawn = page.document.querySelectorAll('.fd-column .fc-bg-event[data-start]').length
          const shown = page.document.querySelector('input[type="date"]')?.value
          if (shown === wanted && drawn >= count)
            page.requestAnimationFrame(() =>
              page.requestAnimationFrame(() => done(performance.now() - page.__benchArrived)),
            )
          else page.requestAnimationFrame(check)
        }
        check()
      }),
    [date, expected] as const,
  )
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

/** The events the whole board draws for a day, as one calendar would draw them (free and busy alike). */
function baselineEvents(view: DayView): EventInput[] {
  return view.schedules.flatMap((schedule) => [
    ...schedule.free.map((range) => ({ ...range, display: 'background', classNames: ['fd-free'] })),
    ...schedule.busy.map((range) => ({ ...range, display: 'background', classNames: ['fd-busy'] })),
  ])
}

/** Median times of one board size: a day arriving, the same day refreshed, and the one-calendar baseline. */
interface BoardTimes {
  readonly arrival: number
  readonly refresh: number
  readonly baseline: number
  readonly events: number
}

/** Times the board of `schedules` columns (a new day arriving, the same day refreshed) and the baseline. */
async function timeBoard(
  browser: Browser,
  server: StaticServer,
  schedules: number,
): Promise<BoardTimes> {
  const details = locationOf(schedules)
  const start = '2030-03-04'
  const dates = Array.from({ length: RUNS + 1 }, (_, index) => addDays(start, index))
  const days = Object.fromEntries(dates.map((date) => [date, dayView(details, date)]))
  const perSchedule =
    days[start]!.schedules[0]!.free.length + days[start]!.schedules[0]!.busy.length
  const perDay = schedules * perSchedule

  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } })
  try {
    // tsx keeps function names with an `__name` helper; functions sent to the page need it there too.
    await context.addInitScript({ content: 'globalThis.__name = (target) => target' })
    await context.addInitScript(fakeMain, { location: details, days })
    await context.addInitScript({ content: pageApi() })
    const page = await context.newPage()
    page.on('pageerror', (error) => console.error('bench page error:', error.message))
    await page.goto(server.url)
    await page.locator('.fd-column').first().waitFor()
    await page.getByLabel('Date', { exact: true }).fill(start)
    await paintedAfterArrival(page, start, perDay)

    // The baseline, in the same page: one calendar on the board's hours, moved day by day as the board is, each
    // run right after the board's (so both see the same machine, however busy it is).
    const hours = await page.locator('.fd-time-axis-label').count()
    // Loaded now, not at start: FullCalendar reads the document as it loads.
    await page.evaluate(baselinePage())
    await page.evaluate(
      ({ zone, date, span }) =>
        (globalThis as unknown as PageGlobals).__benchBaseline.mount({
          zone,
          date,
          slotMinTime: '07:00:00',
          slotMaxTime: `${String(7 + span).padStart(2, '0')}:00:00`,
        }),
      { zone: ZONE, date: start, span: hours },
    )
    const showBaseline = (date: string): Promise<number> =>
      page.evaluate(
        ({ date, events }) =>
          (globalThis as unknown as PageGlobals).__benchBaseline.show(date, events),
        { date, events: baselineEvents(days[date]!) },
      )
    await showBaseline(start)

    const arrivals: number[] = []
    const baseline: number[] = []
    for (const date of dates.slice(1)) {
      const painted = paintedAfterArrival(page, date, perDay)
      await page.getByRole('button', { name: 'Next day' }).click()
      arrivals.push(await painted)
      baseline.push(await showBaseline(date))
    }
    const updates: number[] = []
    const last = dates[dates.length - 1]!
    for (let run = 0; run < RUNS; run++) {
      updates.push(
        await page.evaluate((view) => {
          const page = globalThis as unknown as PageGlobals
          return new Promise<number>((done) => {
            const began = performance.now()
            page.__frontDeskEmit('calendar:dayUpdated', { ...view, loadedAt: Date.now() })
            page.requestAnimationFrame(() =>
              page.requestAnimationFrame(() => done(performance.now() - began)),
            )
          })
        }, days[last]!),
      )
    }
    const drawn = await page.locator('#bench-baseline .fc-bg-event').count()
    if (drawn !== perDay) throw new Error(`the baseline drew ${drawn} events, not ${perDay}`)
    return {
      arrival: median(arrivals),
      refresh: median(updates),
      baseline: median(baseline),
      events: perDay,
    }
  } finally {
    await context.close()
  }
}

/** One row of the render benchmark: milliseconds, or a ratio to the baseline; no target = reported only. */
export interface RenderRow {
  readonly name: string
  readonly value: number
  readonly unit: 'ms' | '×baseline'
  readonly target: number | null
}

/** Times the board of 10 and of 40 schedules, each against its own one-calendar baseline. */
export async function runRenderBench(): Promise<RenderRow[]> {
  const rendererDir = resolve(process.env.FRONT_DESK_RENDERER_DIR ?? 'out/renderer')
  if (!existsSync(resolve(rendererDir, 'index.html')))
    throw new Error(`${rendererDir} has no built renderer: run \`npx electron-vite build\` first`)
  const server = await serveStatic(rendererDir)
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
  })
  try {
    const small = await timeBoard(browser, server, SCHEDULES)
    const big = await timeBoard(browser, server, BIG_SCHEDULES)
    const of = `(median of ${RUNS})`
    return [
      {
        name: `render: day of ${SCHEDULES} schedules arriving → painted ${of}`,
        value: small.arrival,
        unit: 'ms',
        target: TARGET_MS,
      },
      {
        name: `render: background refresh of ${SCHEDULES} schedules → painted ${of}`,
        value: small.refresh,
        unit: 'ms',
        target: TARGET_MS,
      },
      {
        name: `render baseline: one FullCalendar timeGrid, ${small.events} events ${of}`,
        value: small.baseline,
        unit: 'ms',
        target: null,
      },
      {
        name: `render ratio: day of ${SCHEDULES} schedules ÷ baseline`,
        value: small.arrival / small.baseline,
        unit: '×baseline',
        target: TARGET_RATIO,
      },
      {
        name: `render ratio: refresh of ${SCHEDULES} schedules ÷ baseline`,
        value: small.refresh / small.baseline,
        unit: '×baseline',
        target: null,
      },
      {
        name: `render: day of ${BIG_SCHEDULES} schedules arriving → painted ${of}`,
        value: big.arrival,
        unit: 'ms',
        target: null,
      },
      {
        name: `render baseline: one FullCalendar timeGrid, ${big.events} events ${of}`,
        value: big.baseline,
        unit: 'ms',
        target: null,
      },
      {
        name: `render ratio: day of ${BIG_SCHEDULES} schedules ÷ baseline`,
        value: big.arrival / big.baseline,
        unit: '×baseline',
        target: null,
      },
    ]
  } finally {
    await browser.close()
    await server.close()
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(__filename)) {
  runRenderBench().then(
    (rows) => {
      for (const row of rows)
        console.log(
          `${row.name}: ${row.value.toFixed(2)} ${row.unit}` +
            (row.target === null ? '' : ` (target ≤ ${row.target})`),
        )
    },
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
