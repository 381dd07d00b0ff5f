// The desk watching the book for the callers on the waitlist. Two looks: every day the board loads or refreshes (no
// request of its own), and a ranged scan of the waitlist's whole window every few minutes — one ranged free/busy per
// schedule and one per clinician concerned, never one per day, never more often than the board refreshes. A time
// that fits an entry and was not free at the previous look is told once: an event to the window, and a notification
// from the operating system through whatever `notify` the host gives (Electron's, in the app).
import type { DayView, Instant, Range } from '../../shared/domain'
import { subtract, union } from '../../shared/intervals'
import { addDays, BOARD_REFRESH_MS, dayBounds, formatDateTime, todayIn } from '../../shared/time'
import { waitlistWho, type WaitlistEntry, type WaitlistMatch } from '../../shared/waitlist'
import { AppFailure } from '../../shared/result'
import { availabilityByDay } from '../calendar/next-available'
import type { Emit } from '../calendar/service'
import type { ClinicService } from '../clinic/service'
import type { Logger } from '../ipc/handle'
import type { FreeBusyRangeCache } from '../calendar/range-cache'
import { fittingStarts, inside, suggestionOf, type BookView } from './match'
import type { StoredWaitlistEntry, WaitlistStore } from './store'

/**
 * Where the scan reads ranged free/busy: the calendar's shared cache (range-cache.ts), so a scan over weeks the
 * fortnight strip or a search just read asks nothing again, and never reads an answer older than a board refresh.
 */
export type RangeSource = Pick<FreeBusyRangeCache, 'scheduleFreeBusy' | 'userFreeBusy'>

/** What the operating system is asked to show. */
export interface Notice {
  readonly title: string
  readonly body: string
}

/** The watcher's collaborators. */
export interface WatcherDeps {
  /** The waitlist of the current connection. */
  readonly waitlist: () => WaitlistStore
  readonly source: () => RangeSource
  readonly clinic: Pick<ClinicService, 'loadLocation' | 'knownLocations'>
  readonly emit: Emit
  readonly now: () => Instant
  /** Shows an operating-system notification (Electron's Notification in the app; absent in tests). */
  readonly notify?: (notice: Notice) => void
  readonly log?: Logger
  /** How often the whole window is scanned; default 3 minutes, never less than the board's refresh. */
  readonly scanEveryMs?: number
}

/** How often the waitlist's whole window is scanned by default. */
export const DEFAULT_SCAN_MS = 3 * 60_000

const MINUTE = 60_000

/** The operating-system notification for a match: who, what and when. */
export function noticeOf(match: WaitlistMatch): Notice {
  const { opening, labels } = match
  const zone = labels.timeZone
  const withWhom = opening.names.clinician ? ` with ${opening.names.clinician}` : ''
  const more = match.more > 0 ? ` (and ${match.more} more)` : ''
  return {
    title: `Waitlist: a time for ${waitlistWho(match.customer)}`,
    body: `${opening.names.type}${withWhom}, ${formatDateTime(opening.start, zone)} at ${opening.names.location}, ${opening.names.schedule}${more}.`,
  }
}

/** Watches the book for the waitlist of the current connection. */
export class WaitlistWatcher {
  readonly #deps: WatcherDeps
  /** Per entry, per schedule: the starts that fitted at the last look, as runs. */
  readonly #seen = new Map<string, Map<number, Range[]>>()
  #generation = 0
  #scanning: Promise<void> | null = null
  #lastScanAt = Number.NEGATIVE_INFINITY
  #timer: NodeJS.Timeout | null = null
  #pending: NodeJS.Timeout | null = null
  #checks: Promise<void> = Promise.resolve()

  constructor(deps: WatcherDeps) {
    this.#deps = deps
  }

  /** Scans every few minutes until stopped (the first scan at once). */
  start(): void {
    if (this.#timer) return
    const every = Math.max(this.#deps.scanEveryMs ?? DEFAULT_SCAN_MS, BOARD_REFRESH_MS)
    // A scan asked for after an edit may just have run: the timer's is then skipped, never doubled.
    this.#timer = setInterval(() => {
      if (Date.now() - this.#lastScanAt >= BOARD_REFRESH_MS) void this.scan()
    }, every)
    this.#timer.unref()
    void this.scan()
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer)
    if (this.#pending) clearTimeout(this.#pending)
    this.#timer = null
    this.#pending = null
  }

  /** An entry was added or changed: scan soon, but never sooner than a board refresh after the last scan. */
  requestScan(): void {
    if (this.#pending) return
    const wait = this.#lastScanAt + BOARD_REFRESH_MS - Date.now()
    if (wait <= 0) {
      void this.scan()
      return
    }
    this.#pending = setTimeout(() => {
      this.#pending = null
      void this.scan()
    }, wait)
    this.#pending.unref()
  }

  /** Forgets what was seen: the connection (and so the waitlist) changed, or an entry's wishes did. */
  reset(entryId?: string): void {
    if (entryId !== undefined) {
      this.#seen.delete(entryId)
      return
    }
    this.#generation++
    this.#seen.clear()
  }

  /** A day the board loaded or refreshed: checked against the waitlist with no request of its own. Never rejects. */
  checkDay(view: DayView): Promise<void> {
    const generation = this.#generation
    return this.#queue(async () => {
      const entries = await this.#deps.waitlist().waiting()
      if (entries.length === 0) return
      // The location's details are cached: the board loaded them before the day.
      const details = await this.#deps.clinic.loadLocation(view.locationId)
      const book: BookView = {
        details,
        covered: view.bounds,
        free: new Map(view.schedules.map((s) => [s.scheduleId, subtract(s.free, s.busy)])),
        clinicians: new Map(view.clinicians.map((c) => [c.clinicianId, c.available])),
      }
      if (generation === this.#generation) await this.#check([book], entries)
    }, 'day check')
  }

  /** The ranged scan of the waitlist's whole window (one at a time). Never rejects. */
  scan(): Promise<void> {
    this.#scanning ??= this.#scan()
      .catch((thrown: unknown) =>
        this.#deps.log?.debug('waitlist: scan failed', {
          error: thrown instanceof Error ? thrown.message : String(thrown),
        }),
      )
      .finally(() => (this.#scanning = null))
    return this.#scanning
  }

  /** Resolves when every look started so far has finished (tests, shutdown). */
  async whenIdle(): Promise<void> {
    await this.#scanning
    await this.#checks
  }

  async #scan(): Promise<void> {
    this.#lastScanAt = Date.now()
    const generation = this.#generation
    const entries = await this.#deps.waitlist().waiting()
    if (entries.length === 0) return
    const source = this.#deps.source()
    const byLocation = await this.#entriesByLocation(entries)
    const views = await Promise.all(
      [...byLocation].map(([locationId, concerned]) => this.#read(source, locationId, concerned)),
    )
    if (generation !== this.#generation) return
    await this.#queue(
      () =>
        this.#check(
          views.filter((view) => view !== null),
          entries,
        ),
      'scan check',
    )
  }

  async #entriesByLocation(
    entries: readonly WaitlistEntry[],
  ): Promise<Map<number, WaitlistEntry[]>> {
    const anywhere = entries.some((entry) => entry.locationId === null)
    const known = anywhere ? await this.#deps.clinic.knownLocations() : []
    const byLocation = new Map<number, WaitlistEntry[]>()
    for (const entry of entries) {
      const ids = entry.locationId === null ? known.map((l) => l.id) : [entry.locationId]
      for (const id of ids) byLocation.set(id, [...(byLocation.get(id) ?? []), entry])
    }
    return byLocation
  }

  /**
   * One location's book over the concerned entries' window: one ranged request per schedule taking one of their
   * types (every schedule when a clinician is named: spec §6.5, their appointment may hide in another's free list)
   * and one per clinician named.
   */
  async #read(
    source: RangeSource,
    locationId: number,
    entries: readonly WaitlistEntry[],
  ): Promise<BookView | null> {
    const details = await this.#deps.clinic.loadLocation(locationId)
    const zone = details.location.timeZone
    const types = new Set(entries.map((entry) => entry.appointmentTypeId))
    const clinicians = [
      ...new Set(
        entries.flatMap((entry) => (entry.clinicianId === null ? [] : [entry.clinicianId])),
      ),
    ].filter((id) => details.clinicians.some((c) => c.id === id))
    const typed = details.schedules.filter((s) => s.appointmentTypes.some((t) => types.has(t.id)))
    const asked = clinicians.length > 0 && typed.length > 0 ? details.schedules : typed
    const today = todayIn(zone, this.#deps.now())
    const first = entries.reduce((min, e) => (e.fromDate < min ? e.fromDate : min), '9999-12-31')
    const last = entries.reduce((max, e) => (e.toDate > max ? e.toDate : max), '0000-01-01')
    const from = first < today ? today : first
    if (asked.length === 0 || from > last) return null
    const covered = {
      start: dayBounds(from, zone).start,
      end: dayBounds(addDays(last, 1), zone).start,
    }
    const [schedules, users] = await Promise.all([
      Promise.all(asked.map((s) => source.scheduleFreeBusy(s.id, covered))),
      Promise.all(
        clinicians.map((id) => source.userFreeBusy(id, locationId, covered).catch(unlessNotFound)),
      ),
    ])
    const freeBusy = new Map(asked.map((s, i) => [s.id, schedules[i] ?? { free: [], busy: [] }]))
    return {
      details,
      covered,
      free: new Map([...freeBusy].map(([id, answer]) => [id, subtract(answer.free, answer.busy)])),
      clinicians: new Map(
        clinicians.map((id, i) => [
          id,
          availabilityByDay(id, users[i] ?? NO_ROSTER, freeBusy, covered, zone),
        ]),
      ),
    }
  }

  // Looks run one after another, so two never judge "new" against the same previous look.
  #queue(work: () => Promise<void>, what: string): Promise<void> {
    const next = this.#checks.then(work).catch((thrown: unknown) =>
      this.#deps.log?.debug(`waitlist: ${what} failed`, {
        error: thrown instanceof Error ? thrown.message : String(thrown),
      }),
    )
    this.#checks = next
    return next
  }

  /** Tells each entry its earliest new opening, if any, and remembers what fitted for the next look. */
  async #check(views: readonly BookView[], entries: readonly StoredWaitlistEntry[]): Promise<void> {
    const now = this.#deps.now()
    // Entries gone (removed, done, expired) take what was seen for them along.
    const ids = new Set(entries.map((entry) => entry.id))
    for (const id of this.#seen.keys()) if (!ids.has(id)) this.#seen.delete(id)
    for (const entry of entries) {
      const seen = this.#seen.get(entry.id) ?? new Map<number, Range[]>()
      const openings: { view: BookView; scheduleId: number; start: Instant; order: number }[] = []
      for (const view of views) {
        for (const [order, fitting] of fittingStarts(entry, view, now).entries()) {
          const { schedule } = fitting
          const before = seen.get(schedule.id) ?? []
          const offered = new Set(
            entry.offered.filter((o) => o.scheduleId === schedule.id).map((o) => o.start),
          )
          // An opening: the first start of each run of starts that did not fit at the last look.
          let previous = Number.NEGATIVE_INFINITY
          for (const start of fitting.starts) {
            const isNew = !inside(before, start) && !offered.has(start)
            const continues = start - previous <= schedule.slotSize * MINUTE
            if (isNew && !continues) openings.push({ view, scheduleId: schedule.id, start, order })
            previous = isNew ? start : Number.NEGATIVE_INFINITY
          }
          seen.set(schedule.id, union(subtract(before, [view.covered]), fitting.runs))
        }
      }
      this.#seen.set(entry.id, seen)
      openings.sort((a, b) => a.start - b.start || a.order - b.order)
      const first = openings[0]
      if (!first) continue
      const schedule = first.view.details.schedules.find((s) => s.id === first.scheduleId)
      if (!schedule) continue
      const match: WaitlistMatch = {
        entryId: entry.id,
        customer: entry.customer,
        labels: entry.labels,
        opening: suggestionOf(entry, first.view.details, schedule, first.start),
        more: openings.length - 1,
        foundAt: now,
      }
      await this.#deps
        .waitlist()
        .recordOffered(entry.id, [{ scheduleId: schedule.id, start: first.start }])
      this.#deps.emit('waitlist:matched', match)
      try {
        this.#deps.notify?.(noticeOf(match))
      } catch (thrown) {
        this.#deps.log?.warn('waitlist: notification failed', { error: String(thrown) })
      }
    }
  }
}

const NO_ROSTER = { free: [], busy: [] }

// spec §3.3: a user who is no longer online-bookable at the location answers 404: nothing fits with them there.
function unlessNotFound(thrown: unknown): typeof NO_ROSTER {
  if (thrown instanceof AppFailure && thrown.error.code === 'NOT_FOUND') return NO_ROSTER
  throw thrown
}
