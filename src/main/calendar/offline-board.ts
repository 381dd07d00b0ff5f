// The board as last loaded, kept in the user-data folder per clinic server and account, so a desk opened while the
// server is down (or left open when it goes) can still show the day read-only. Free/busy and what draws it only:
// locations, schedules with their types, clinicians and day views; never a customer, a booking or a password.
// One JSON file, rewritten atomically, bounded in days, age and bytes.
import { readFile, rm } from 'node:fs/promises'
import { z } from 'zod'
import type { DayView, Instant, IsoDate, Location, LocationDetails } from '../../shared/domain'
import { AppFailure, isUnreachable } from '../../shared/result'
import { writeFileAtomic } from '../atomic-file'
import type { Logger } from '../ipc/handle'

/** How much the file may hold. */
export interface OfflineBoardLimits {
  /** Days kept (the most recently loaded win); default 14. */
  readonly maxDays: number
  /** A day loaded longer ago than this is dropped; default 7 days. */
  readonly maxAgeMs: number
  /** The file's size at most; the oldest days go first to keep under it. Default 2 MB. */
  readonly maxBytes: number
}

/** The offline board's collaborators. */
export interface OfflineBoardDeps {
  readonly file: string
  readonly now: () => Instant
  readonly log?: Logger
  readonly limits?: Partial<OfflineBoardLimits>
  /**
   * A day whose free/busy did not change is written again only when the copy on disk is older than this (default
   * 5 min): the periodic refresh would otherwise rewrite the file every 30 s for nothing. Memory is always current.
   */
  readonly rewriteAfterMs?: number
  /** Writes wait this long so that a burst of loads (a day and its neighbours) costs one write; default 1 s. */
  readonly writeDelayMs?: number
}

const DAY_MS = 86_400_000
const DEFAULT_LIMITS: OfflineBoardLimits = {
  maxDays: 14,
  maxAgeMs: 7 * DAY_MS,
  maxBytes: 2_000_000,
}
/** Locations whose details are kept; more than a practice group has. */
const MAX_LOCATIONS = 50

interface StoredDay {
  /** As loaded: sorted, empty = every schedule of the location. */
  readonly scheduleIds: readonly number[]
  readonly view: DayView
}

interface Stored {
  readonly locations: readonly Location[] | null
  readonly details: readonly LocationDetails[]
  readonly days: readonly StoredDay[]
}

const EMPTY: Stored = { locations: null, details: [], days: [] }

const id = z.number().int()
const range = z.object({ start: z.number(), end: z.number() })
const rangesBySchedule = z.record(z.string(), z.array(range))
const locationSchema = z.object({ id, name: z.string(), timeZone: z.string() })
const detailsSchema = z.object({
  location: locationSchema,
  schedules: z.array(
    z.object({
      id,
      name: z.string(),
      slotSize: z.number(),
      appointmentTypes: z.array(z.object({ id, name: z.string(), slots: z.number() })),
    }),
  ),
  clinicians: z.array(z.object({ id, name: z.string() })),
})
const viewSchema = z.object({
  locationId: id,
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  timeZone: z.string(),
  bounds: range,
  schedules: z.array(z.object({ scheduleId: id, free: z.array(range), busy: z.array(range) })),
  clinicians: z.array(
    z.object({
      clinicianId: id,
      free: rangesBySchedule,
      busy: z.array(range),
      available: rangesBySchedule,
    }),
  ),
  loadedAt: z.number(),
})
const fileSchema = z.object({
  version: z.literal(1),
  locations: z.array(locationSchema).nullable(),
  details: z.array(detailsSchema),
  days: z.array(z.object({ scheduleIds: z.array(id), view: viewSchema })),
})

const sameDay = (a: StoredDay, locationId: number, date: IsoDate): boolean =>
  a.view.locationId === locationId && a.view.date === date

const sameFreeBusy = (a: DayView, b: DayView): boolean =>
  JSON.stringify([a.schedules, a.clinicians]) === JSON.stringify([b.schedules, b.clinicians])

/** The last-loaded board of one clinic server and account, in memory and in its file. */
export class OfflineBoard {
  readonly #deps: OfflineBoardDeps
  readonly #limits: OfflineBoardLimits
  #state: Promise<Stored> | null = null
  /** The text last written (or read): nothing to write while the state serialises to it. */
  #written = ''
  /** When the file was last written (by the deps' clock). */
  #writtenAt = 0
  #timer: NodeJS.Timeout | null = null
  #writing: Promise<void> = Promise.resolve()
  /** Set by close(): the app is going, and nothing is written any more. */
  #closed = false

  constructor(deps: OfflineBoardDeps) {
    this.#deps = deps
    this.#limits = { ...DEFAULT_LIMITS, ...deps.limits }
  }

  /** Remembers the locations as the server listed them. */
  keepLocations(locations: readonly Location[]): void {
    this.#update((state) => ({ next: { ...state, locations: [...locations] }, changed: true }))
  }

  /** Remembers a location's schedules, types and clinicians. */
  keepLocation(details: LocationDetails): void {
    this.#update((state) => {
      const others = state.details.filter((each) => each.location.id !== details.location.id)
      const next = { ...state, details: [...others.slice(-(MAX_LOCATIONS - 1)), details] }
      return { next, changed: true }
    })
  }

  /** Remembers a day as loaded from the server (a copy marked offline is never kept). */
  keepDay(view: DayView, scheduleIds: readonly number[]): void {
    if (view.offline) return
    this.#update((state) => {
      const previous = state.days.find((day) => sameDay(day, view.locationId, view.date))
      const others = state.days.filter((day) => day !== previous)
      const changed =
        !previous ||
        previous.scheduleIds.join() !== scheduleIds.join() ||
        !sameFreeBusy(previous.view, view)
      return {
        next: { ...state, days: [...others, { scheduleIds: [...scheduleIds], view }] },
        changed,
      }
    })
  }

  /** The locations last listed, or null when none were kept. */
  async locations(): Promise<readonly Location[] | null> {
    return (await this.#current()).locations
  }

  /** A location's details as last loaded, or null. */
  async location(locationId: number): Promise<LocationDetails | null> {
    const state = await this.#current()
    return state.details.find((each) => each.location.id === locationId) ?? null
  }

  /**
   * The day as last loaded with at least these schedules (empty = every schedule: only a copy of the whole
   * location will do), trimmed to them; null when none is kept.
   */
  async day(
    locationId: number,
    date: IsoDate,
    scheduleIds: readonly number[],
  ): Promise<DayView | null> {
    const stored = (await this.#current()).days.find((day) => sameDay(day, locationId, date))
    if (!stored) return null
    if (scheduleIds.length === 0) return stored.scheduleIds.length === 0 ? stored.view : null
    const held = new Set(stored.view.schedules.map((day) => day.scheduleId))
    if (!scheduleIds.every((scheduleId) => held.has(scheduleId))) return null
    const wanted = new Set(scheduleIds)
    return {
      ...stored.view,
      schedules: stored.view.schedules.filter((day) => wanted.has(day.scheduleId)),
    }
  }

  /** The days of a location it holds, in date order (to say what can be shown instead). */
  async days(locationId: number): Promise<IsoDate[]> {
    const state = await this.#current()
    return state.days
      .filter((day) => day.view.locationId === locationId)
      .map((day) => day.view.date)
      .sort()
  }

  /** Writes what is not on disk yet, now; resolves when written (or when the write failed, which is logged). */
  async flushed(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer)
      this.#timer = null
    }
    if (this.#state) this.#write()
    await this.#writing
  }

  /** Writes what is not on disk yet and stops writing (the app is closing): a late load must not touch the file. */
  async close(): Promise<void> {
    const last = this.flushed()
    this.#closed = true
    await last
  }

  /**
   * Forgets the board and deletes its file (signing out of its server and account): a write under way ends first,
   * and a load still answering later cannot write it again. A file that cannot be deleted is logged.
   */
  async forget(): Promise<void> {
    this.#closed = true
    if (this.#timer) {
      clearTimeout(this.#timer)
      this.#timer = null
    }
    this.#state = Promise.resolve(EMPTY)
    await this.#writing
    try {
      await rm(this.#deps.file, { force: true })
    } catch (error) {
      this.#deps.log?.warn('offline board: could not delete', { error: String(error) })
    }
  }

  #current(): Promise<Stored> {
    this.#state ??= this.#read()
    return this.#state
  }

  // Memory always takes the change; the file is written for a change of free/busy or schedules, or when its copy
  // is older than rewriteAfterMs (a refresh that only moves `loadedAt` on).
  #update(change: (state: Stored) => { next: Stored; changed: boolean }): void {
    let write = false
    this.#state = this.#current().then((state) => {
      const { next, changed } = change(state)
      write =
        changed || this.#deps.now() - this.#writtenAt >= (this.#deps.rewriteAfterMs ?? 5 * 60_000)
      return next
    })
    void this.#state.then(() => {
      if (write) this.#schedule()
    })
  }

  #schedule(): void {
    if (this.#timer || this.#closed) return
    this.#timer = setTimeout(() => {
      this.#timer = null
      this.#write()
    }, this.#deps.writeDelayMs ?? 1_000)
  }

  #write(): void {
    const state = this.#state
    if (!state || this.#closed) return
    this.#writing = this.#writing.then(async () => {
      const text = this.#serialise(await state)
      if (text === this.#written) return
      try {
        await writeFileAtomic(this.#deps.file, text)
        this.#written = text
        this.#writtenAt = this.#deps.now()
      } catch (error) {
        // Only a copy: the board works without it, so a full disk or a locked file is logged, not shown.
        this.#deps.log?.warn('offline board: could not save', { error: String(error) })
      }
    })
  }

  /** The state within the limits, as the file's text: old days dropped, then the oldest until it fits. */
  #serialise(state: Stored): string {
    const now = this.#deps.now()
    let days = state.days
      .filter((day) => now - day.view.loadedAt <= this.#limits.maxAgeMs)
      .slice(-this.#limits.maxDays)
    const text = (kept: readonly StoredDay[]): string => {
      const locationIds = new Set(kept.map((day) => day.view.locationId))
      const details = state.details.filter((each) => locationIds.has(each.location.id))
      return JSON.stringify({ version: 1, locations: state.locations, details, days: kept })
    }
    let serialised = text(days)
    while (days.length > 0 && Buffer.byteLength(serialised) > this.#limits.maxBytes) {
      days = days.slice(1)
      serialised = text(days)
    }
    return serialised
  }

  async #read(): Promise<Stored> {
    let text: string
    try {
      text = await readFile(this.#deps.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        this.#deps.log?.warn('offline board: could not read', { error: String(error) })
      return EMPTY
    }
    if (Buffer.byteLength(text) > this.#limits.maxBytes * 2) {
      this.#deps.log?.warn('offline board: file too large, not used', { bytes: text.length })
      return EMPTY
    }
    try {
      const parsed = fileSchema.parse(JSON.parse(text))
      this.#written = text
      const now = this.#deps.now()
      return {
        locations: parsed.locations,
        details: parsed.details,
        days: parsed.days.filter((day) => now - day.view.loadedAt <= this.#limits.maxAgeMs),
      }
    } catch (error) {
      // Only a copy: a damaged one is replaced by the next good load.
      this.#deps.log?.warn('offline board: damaged file, not used', { error: String(error) })
      return EMPTY
    }
  }
}

/** The failure when it says the server could not be reached (no answer at all, or none in time); else null. */
export function unreachableFailure(thrown: unknown): AppFailure | null {
  return thrown instanceof AppFailure && isUnreachable(thrown.error.code) ? thrown : null
}
