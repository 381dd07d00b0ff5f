// The render benchmark's page (scripts/bench-render.ts): the bench clinic and its days, the in-page fake main
// process the built renderer talks to, and the in-page timing of a day drawn.
import type { EventInput } from '@fullcalendar/core'
import type { Page } from 'playwright-core'
import { buildSync } from 'esbuild'
import { resolve } from 'node:path'
import { DateTime } from 'luxon'
import type { DayView, LocationDetails, Range } from '../src/shared/domain'
import { dayBounds } from '../src/shared/time'
import type { BaselinePage } from './bench-baseline-page'

export const ZONE = 'Australia/Sydney'

/** A location of `schedules` schedules (every third of 30-minute slots, the others of 15) and three clinicians. */
export const locationOf = (schedules: number): LocationDetails => ({
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
export function dayView(details: LocationDetails, date: string): DayView {
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

/** window.api as the e2e suite installs it, talking to the page's `__frontDeskCall`. */
export const pageApi = (): string => bundle('../test/e2e/helpers/page-api.ts')
/** The one-calendar baseline (scripts/bench-baseline-page.ts). */
export const baselinePage = (): string => bundle('./bench-baseline-page.ts')

/**
 * The in-page main process: answers at once (as main does from its cache, where the days either side of the shown
 * one are prefetched), marks when a day view is handed to the renderer, and when `]` (next day) is pressed.
 */
export function fakeMain({
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
    __benchPressed: number
    addEventListener(
      type: string,
      listener: (event: { key: string }) => void,
      capture: boolean,
    ): void
  }
  // Before any of the page's own listeners (capture on the window): when the receptionist's key went down.
  page.addEventListener(
    'keydown',
    (event) => {
      if (event.key === ']') page.__benchPressed = performance.now()
    },
    true,
  )
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
export interface PageGlobals {
  readonly document: {
    querySelectorAll(selector: string): ArrayLike<{ readonly dataset: { start?: string } }>
    querySelector(selector: string): { readonly value?: string } | null
  }
  requestAnimationFrame(callback: () => void): number
  __benchArrived: number
  __benchPressed: number
  __frontDeskEmit: (event: string, payload: unknown) => void
  __benchBaseline: BaselinePage
}

/**
 * Waits until the board shows `date` with `expected` background events of that day drawn (counted by the instants
 * they carry, so the day before's events, still on screen until the new ones replace them, never count), then two
 * animation frames (the frame drawn and painted); resolves with the ms since `since` (the day's data handed over,
 * or the key pressed).
 */
export async function paintedAfter(
  page: Page,
  date: string,
  expected: number,
  since: '__benchArrived' | '__benchPressed',
): Promise<number> {
  const bounds = dayBounds(date, ZONE)
  return page.evaluate(
    ([wanted, count, from, to, mark]) =>
      new Promise<number>((done) => {
        const page = globalThis as unknown as PageGlobals
        const check = (): void => {
          const events = page.document.querySelectorAll('.fd-column .fd-block[data-start]')
          let drawn = 0
          for (let index = 0; index < events.length; index++) {
            const start = Number(events[index]!.dataset.start)
            if (start >= from && start < to) drawn++
          }
          const shown = page.document.querySelector('input[type="date"]')?.value
          if (shown === wanted && drawn >= count)
            page.requestAnimationFrame(() =>
              page.requestAnimationFrame(() => done(performance.now() - page[mark])),
            )
          else page.requestAnimationFrame(check)
        }
        check()
      }),
    [date, expected, bounds.start, bounds.end, since] as const,
  )
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

/** The events the whole board draws for a day, as one calendar would draw them (free and busy alike). */
export function baselineEvents(view: DayView): EventInput[] {
  return view.schedules.flatMap((schedule) => [
    ...schedule.free.map((range) => ({ ...range, display: 'background', classNames: ['fd-free'] })),
    ...schedule.busy.map((range) => ({ ...range, display: 'background', classNames: ['fd-busy'] })),
  ])
}
