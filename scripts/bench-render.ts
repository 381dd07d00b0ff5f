// Render benchmark (not a test): the built renderer in Debian's Chromium, fed by an in-page fake api, timed from a
// DayView of 10 schedules arriving to the board painted (two animation frames after the last column is drawn).
import { chromium, type Page } from 'playwright-core'
import { buildSync } from 'esbuild'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { DateTime } from 'luxon'
import { chromiumArgs } from '../playwright.config'
import type { DayView, LocationDetails, Range } from '../src/shared/domain'
import { addDays, dayBounds } from '../src/shared/time'
import { serveStatic } from '../test/e2e/helpers/static-server'

const ZONE = 'Australia/Sydney'
const SCHEDULES = 10
const RUNS = 7
const TARGET_MS = 100

const details: LocationDetails = {
  location: { id: 1, name: 'Bench Clinic', timeZone: ZONE },
  schedules: Array.from({ length: SCHEDULES }, (_, index) => ({
    id: 100 + index,
    name: `Room ${index + 1}`,
    slotSize: index % 3 === 0 ? 30 : 15,
    appointmentTypes: [{ id: 1, name: 'Consult', slots: 1 }],
  })),
  clinicians: [1, 2, 3].map((id) => ({ id, name: `Clinician ${id}` })),
}

/** A busy day: 08:00–18:00, alternating 30 free and 15 booked minutes on every schedule. */
function dayView(date: string): DayView {
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

function pageApi(): string {
  return buildSync({
    entryPoints: [resolve(__dirname, '../test/e2e/helpers/page-api.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
  }).outputFiles[0]!.text
}

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

/** Times the board: a new day of 10 schedules arriving, and the same day refreshed in the background. */
export async function runRenderBench(): Promise<{ name: string; ms: number; target: number }[]> {
  const rendererDir = resolve(process.env.FRONT_DESK_RENDERER_DIR ?? 'out/renderer')
  if (!existsSync(resolve(rendererDir, 'index.html')))
    throw new Error(`${rendererDir} has no built renderer: run \`npx electron-vite build\` first`)
  const start = '2030-03-04'
  const dates = Array.from({ length: RUNS + 1 }, (_, index) => addDays(start, index))
  const days = Object.fromEntries(dates.map((date) => [date, dayView(date)]))
  const perDay =
    SCHEDULES * (days[start]!.schedules[0]!.free.length + days[start]!.schedules[0]!.busy.length)

  const server = await serveStatic(rendererDir)
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
  })
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } })
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

    const arrivals: number[] = []
    for (const date of dates.slice(1)) {
      const painted = paintedAfterArrival(page, date, perDay)
      await page.getByRole('button', { name: 'Next day' }).click()
      arrivals.push(await painted)
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
    return [
      {
        name: `render: day of ${SCHEDULES} schedules arriving → painted (median of ${RUNS})`,
        ms: median(arrivals),
        target: TARGET_MS,
      },
      {
        name: `render: background refresh of ${SCHEDULES} schedules → painted (median of ${RUNS})`,
        ms: median(updates),
        target: TARGET_MS,
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
        console.log(`${row.name}: ${row.ms.toFixed(1)} ms (target ≤ ${row.target} ms)`)
    },
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
