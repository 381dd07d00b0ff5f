// Render benchmark (not a test): the built renderer in Debian's Chromium, fed by an in-page fake api
// (scripts/bench-render-page.ts), timed from a DayView of 10 (and 40) schedules arriving to the board painted (two
// animation frames after every column has drawn the day), and from `]` pressed on day D to D+1 painted (the next
// day's data warm: answered at once, as main answers from its prefetch of the days either side). Each time is also
// divided by a baseline measured in the same page: one FullCalendar timeGrid drawing as many events, moved a day
// (scripts/bench-baseline-page.ts), so the figure holds on any machine.
import { chromium, type Browser } from 'playwright-core'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromiumArgs } from '../playwright.config'
import { addDays } from '../src/shared/time'
import { serveStatic, type StaticServer } from '../test/e2e/helpers/static-server'
import {
  baselineEvents,
  baselinePage,
  dayView,
  fakeMain,
  locationOf,
  median,
  pageApi,
  paintedAfter,
  ZONE,
  type PageGlobals,
} from './bench-render-page'

const SCHEDULES = 10
/** A big clinic's location (issue 9): every column drawn at once. */
const BIG_SCHEDULES = 40
const RUNS = 7
const TARGET_MS = 100
/** The 10-schedule day may take at most this many times one FullCalendar drawing as many events. */
const TARGET_RATIO = 1.5
/** Moving a day (issue 9: "moving a day stays ≤ 50 ms"). */
const MOVE_TARGET_MS = 50

/**
 * Median times of one board size: a day arriving, the same day refreshed, a day moved to by `]`, and the
 * one-calendar baseline moving a day beside each (the arrivals' and the moves').
 */
interface BoardTimes {
  readonly arrival: number
  readonly refresh: number
  readonly baseline: number
  readonly move: number
  readonly moveBaseline: number
  readonly events: number
}

/** Times the board of `schedules` columns (a new day arriving, the same day refreshed, `]`) and the baseline. */
async function timeBoard(
  browser: Browser,
  server: StaticServer,
  schedules: number,
): Promise<BoardTimes> {
  const details = locationOf(schedules)
  const start = '2030-03-04'
  // Days for the arrivals, then as many more for the moves.
  const dates = Array.from({ length: 2 * RUNS + 1 }, (_, index) => addDays(start, index))
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
    await paintedAfter(page, start, perDay, '__benchArrived')

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
    for (const date of dates.slice(1, RUNS + 1)) {
      const painted = paintedAfter(page, date, perDay, '__benchArrived')
      await page.getByRole('button', { name: 'Next day' }).click()
      arrivals.push(await painted)
      baseline.push(await showBaseline(date))
    }
    const updates: number[] = []
    const last = dates[RUNS]!
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
    // `]` with the focus on the page (not in the date field, where keys are typing): the next day, drawn.
    await page.evaluate(() =>
      (
        globalThis as unknown as { document: { activeElement: { blur?: () => void } | null } }
      ).document.activeElement?.blur?.(),
    )
    const moves: number[] = []
    const moveBaseline: number[] = []
    for (const date of dates.slice(RUNS + 1)) {
      const painted = paintedAfter(page, date, perDay, '__benchPressed')
      await page.keyboard.press(']')
      moves.push(await painted)
      moveBaseline.push(await showBaseline(date))
    }
    const drawn = await page.locator('#bench-baseline .fc-bg-event').count()
    if (drawn !== perDay) throw new Error(`the baseline drew ${drawn} events, not ${perDay}`)
    return {
      arrival: median(arrivals),
      refresh: median(updates),
      baseline: median(baseline),
      move: median(moves),
      moveBaseline: median(moveBaseline),
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
        name: `move a day: \`]\` on a day of ${SCHEDULES} schedules → the next painted, data warm ${of}`,
        value: small.move,
        unit: 'ms',
        target: MOVE_TARGET_MS,
      },
      {
        name: `move ratio: \`]\` to the next day of ${SCHEDULES} schedules ÷ baseline moving a day`,
        value: small.move / small.moveBaseline,
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
