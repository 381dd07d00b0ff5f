// The day board and next-available search. A day costs one round trip: one free/busy per schedule and one per
// clinician, all at once. Days are cached, revalidated in the background, and their neighbours prefetched, so moving
// one day forward or back answers at once.
import type {
  ClinicianDay,
  DayView,
  Instant,
  IsoDate,
  LocationDetails,
  NextAvailableResult,
  Schedule,
  ScheduleDay,
} from '../../shared/domain'
import type {
  EventName,
  FindNextAvailableRequest,
  LoadDayRequest,
  PayloadOf,
} from '../../shared/ipc-contract'
import { AppFailure } from '../../shared/result'
import { clinicianDay, type ScheduleFreeBusy, type ScheduleRange } from '../../shared/availability'
import { clip } from '../../shared/intervals'
import { addDays, dayBounds, daysBetween, isSaneDate } from '../../shared/time'
import type { Logger } from '../ipc/handle'
import type { OpenVpmsClient } from '../openvpms/client'
import { sessionChanged, type ClientProvider, type ClinicService } from '../clinic/service'
import { searchNextAvailable } from './next-available'

/** The client calls the calendar makes. */
export type CalendarClient = Pick<OpenVpmsClient, 'scheduleFreeBusy' | 'userFreeBusy'>

/** Sends a main→renderer event. */
export type Emit = <E extends EventName>(event: E, payload: PayloadOf<E>) => void

/** The calendar service's collaborators. */
export interface CalendarDeps {
  readonly getClient: ClientProvider<CalendarClient>
  readonly clinic: Pick<ClinicService, 'loadLocation' | 'knownLocations'>
  readonly emit: Emit
  readonly now: () => Instant
  readonly log?: Logger
  /** A cached day older than this is answered at once and revalidated in the background; default 30 s. */
  readonly staleAfterMs?: number
  /** Days kept in the cache; default 60. */
  readonly maxDays?: number
}

interface CachedDay {
  readonly key: string
  readonly locationId: number
  readonly date: IsoDate
  /** As requested, sorted; empty = every schedule of the location. */
  readonly scheduleIds: readonly number[]
  readonly view: Promise<DayView>
  /** Starts a prefetch still waiting for the user's own requests to finish (no-op once decided). */
  readonly start: () => void
  revalidating: boolean
}

const DEFAULT_STALE_MS = 30_000
const DEFAULT_MAX_DAYS = 60

const dayPrefix = (locationId: number, date: IsoDate): string => `${locationId}/${date}/`
const dayKey = (locationId: number, date: IsoDate, scheduleIds: readonly number[]): string =>
  `${dayPrefix(locationId, date)}${scheduleIds.join(',') || '*'}`

const sameContent = (a: DayView, b: DayView): boolean =>
  JSON.stringify([a.schedules, a.clinicians]) === JSON.stringify([b.schedules, b.clinicians])

const notFound = (message: string, field: string): AppFailure =>
  new AppFailure({ code: 'NOT_FOUND', message, fieldErrors: [{ field, message }] })

/** Day views and next-available search for the board. */
export class CalendarService {
  readonly #deps: CalendarDeps
  readonly #days = new Map<string, CachedDay>()
  readonly #background = new Set<Promise<unknown>>()
  #generation = 0
  #busy = 0
  readonly #idleWaiters: (() => void)[] = []
  #lastViewed: { locationId: number; date: IsoDate } | null = null

  constructor(deps: CalendarDeps) {
    this.#deps = deps
  }

  /** A day of a location's board: from the cache when there (revalidated if old), else fetched in one round trip. */
  async loadDay(request: LoadDayRequest): Promise<DayView> {
    const { locationId, date } = request
    const scheduleIds = [...new Set(request.scheduleIds)].sort((a, b) => a - b)
    this.#lastViewed = { locationId, date }
    const cached = request.refresh
      ? undefined
      : this.#days.get(dayKey(locationId, date, scheduleIds))
    if (cached) {
      // Least recently used goes first: a day looked at again moves to the back of the eviction queue.
      this.#days.delete(cached.key)
      this.#days.set(cached.key, cached)
      cached.start()
    }
    const entry = cached ?? this.#load(locationId, date, scheduleIds)
    const view = await this.#foreground(() => entry.view)
    if (
      cached &&
      this.#deps.now() - view.loadedAt > (this.#deps.staleAfterMs ?? DEFAULT_STALE_MS)
    ) {
      this.#revalidate(cached)
    }
    this.#prefetchNeighbours(locationId, date, scheduleIds)
    return view
  }

  /** Loads the days either side in the background; a day that cannot be (out of range, a bug) is only logged. */
  #prefetchNeighbours(locationId: number, date: IsoDate, scheduleIds: readonly number[]): void {
    try {
      for (const neighbour of [addDays(date, -1), addDays(date, 1)]) {
        if (!isSaneDate(neighbour) || this.#days.has(dayKey(locationId, neighbour, scheduleIds)))
          continue
        const prefetch = this.#load(locationId, neighbour, scheduleIds, 'whenIdle')
        this.#inBackground(prefetch.view, 'prefetch')
      }
    } catch (thrown) {
      this.#deps.log?.warn('calendar: prefetch not started', { date, error: String(thrown) })
    }
  }

  /** Forgets a day (after a write), so the next load fetches it. */
  invalidate(locationId: number, date: IsoDate): void {
    for (const key of [...this.#days.keys()]) {
      if (key.startsWith(dayPrefix(locationId, date))) this.#days.delete(key)
    }
  }

  /**
   * Reloads a day after a write and sends each new view as `calendar:dayUpdated` (for every schedule selection the
   * cache held for that day, or the whole location). Resolves when done; never rejects.
   */
  refreshDay(locationId: number, date: IsoDate): Promise<void> {
    const prefix = dayPrefix(locationId, date)
    const selections = [...this.#days.values()]
      .filter((entry) => entry.key.startsWith(prefix))
      .map((entry) => entry.scheduleIds)
    this.invalidate(locationId, date)
    const generation = this.#generation
    const reloads = (selections.length > 0 ? selections : [[]]).map((scheduleIds) =>
      this.#load(locationId, date, scheduleIds).view.then((view) => {
        if (generation === this.#generation) this.#deps.emit('calendar:dayUpdated', view)
      }),
    )
    return this.#inBackground(Promise.all(reloads), 'refresh')
  }

  /** Refreshes the day the board last showed (after a write whose day is unknown), and forgets every other day. */
  refreshLastViewed(): Promise<void> {
    const last = this.#lastViewed
    const lastPrefix = last ? dayPrefix(last.locationId, last.date) : null
    for (const key of [...this.#days.keys()]) {
      if (lastPrefix === null || !key.startsWith(lastPrefix)) this.#days.delete(key)
    }
    return last ? this.refreshDay(last.locationId, last.date) : Promise.resolve()
  }

  /**
   * The bookable times of a type that fit the caller's words (see FindNextAvailableRequest), grouped by day: one
   * ranged free/busy per schedule and one per clinician and location, all at once, whatever the range.
   */
  findNextAvailable(request: FindNextAvailableRequest): Promise<NextAvailableResult> {
    const generation = this.#generation
    return this.#foreground(() =>
      searchNextAvailable(
        {
          client: this.#deps.getClient(),
          clinic: this.#deps.clinic,
          now: this.#deps.now(),
          checkCurrent: () => {
            if (generation !== this.#generation) throw sessionChanged()
          },
        },
        request,
      ),
    )
  }

  /** Forgets every day: the session changed. Answers still on their way for the old session are dropped. */
  reset(): void {
    this.#generation++
    this.#days.clear()
    this.#lastViewed = null
  }

  /** Resolves when every background load, prefetch and refresh started so far has settled (for tests and shutdown). */
  async whenIdle(): Promise<void> {
    while (this.#background.size > 0) await Promise.allSettled([...this.#background])
  }

  /**
   * Starts loading a day into the cache. A prefetch (`whenIdle`) waits until no load or search of the user's is in
   * flight, so it never competes with what the user is waiting for; asking for that day starts it at once.
   */
  #load(
    locationId: number,
    date: IsoDate,
    scheduleIds: readonly number[],
    when: 'now' | 'whenIdle' = 'now',
  ): CachedDay {
    const key = dayKey(locationId, date, scheduleIds)
    const generation = this.#generation
    let decide: (fetch: boolean) => void = () => undefined
    const decided = new Promise<boolean>((resolve) => (decide = resolve))
    const view = decided
      .then((fetch) => {
        if (!fetch) throw new Error('prefetch dropped: the board moved on')
        if (generation !== this.#generation) throw sessionChanged()
        return this.#fetchDay(locationId, date, scheduleIds)
      })
      .then((loaded) => {
        if (generation !== this.#generation) throw sessionChanged()
        return loaded
      })
    const entry: CachedDay = {
      key,
      locationId,
      date,
      scheduleIds,
      view,
      start: () => decide(true),
      revalidating: false,
    }
    this.#days.delete(key)
    this.#days.set(key, entry)
    view.catch(() => {
      if (this.#days.get(key) === entry) this.#days.delete(key)
    })
    this.#evict()
    if (when === 'now') entry.start()
    else void this.#foregroundIdle().then(() => decide(this.#isNearLastViewed(locationId, date)))
    return entry
  }

  /** Counts a load or search the user is waiting for. */
  async #foreground<T>(work: () => Promise<T>): Promise<T> {
    this.#busy++
    try {
      return await work()
    } finally {
      this.#busy--
      if (this.#busy === 0) for (const wake of this.#idleWaiters.splice(0)) wake()
    }
  }

  // A macrotask after each wait: a caller that awaits one request and at once makes another gets in first.
  async #foregroundIdle(): Promise<void> {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 0))
      if (this.#busy === 0) return
      await new Promise<void>((resolve) => this.#idleWaiters.push(resolve))
    }
  }

  // A prefetch is for the day on the board; once the user has jumped elsewhere it would only cost requests.
  #isNearLastViewed(locationId: number, date: IsoDate): boolean {
    const last = this.#lastViewed
    return (
      last !== null && last.locationId === locationId && Math.abs(daysBetween(last.date, date)) <= 1
    )
  }

  #revalidate(entry: CachedDay): void {
    if (entry.revalidating) return
    entry.revalidating = true
    const generation = this.#generation
    const work = Promise.all([
      entry.view,
      this.#fetchDay(entry.locationId, entry.date, entry.scheduleIds),
    ]).then(([before, after]) => {
      if (generation !== this.#generation || this.#days.get(entry.key) !== entry) return
      this.#days.set(entry.key, { ...entry, view: Promise.resolve(after), revalidating: false })
      if (!sameContent(before, after)) this.#deps.emit('calendar:dayUpdated', after)
    })
    this.#inBackground(
      work.finally(() => (entry.revalidating = false)),
      'revalidate',
    )
  }

  async #fetchDay(
    locationId: number,
    date: IsoDate,
    scheduleIds: readonly number[],
  ): Promise<DayView> {
    const details = await this.#deps.clinic.loadLocation(locationId)
    const zone = details.location.timeZone
    const bounds = dayBounds(date, zone)
    const schedules = selectSchedules(details, scheduleIds)
    const client = this.#deps.getClient()
    const [scheduleAnswers, clinicianAnswers] = await Promise.all([
      Promise.all(schedules.map((s) => client.scheduleFreeBusy(s.id, bounds.start, bounds.end))),
      Promise.all(
        details.clinicians.map((c) =>
          client.userFreeBusy(c.id, locationId, bounds.start, bounds.end).catch(unlessNotFound),
        ),
      ),
    ])
    const scheduleDays: ScheduleDay[] = schedules.map((schedule, index) => {
      const answer = scheduleAnswers[index] ?? { free: [], busy: [] }
      return {
        scheduleId: schedule.id,
        free: clip(answer.free, bounds),
        busy: clip(answer.busy, bounds),
      }
    })
    const freeBusy = new Map<number, ScheduleFreeBusy>(
      scheduleDays.map((day) => [day.scheduleId, day]),
    )
    const clinicians: ClinicianDay[] = details.clinicians.map((clinician, index) =>
      clinicianDay(clinician.id, clinicianAnswers[index] ?? NO_ROSTER, freeBusy, bounds),
    )
    return {
      locationId,
      date,
      timeZone: zone,
      bounds,
      schedules: scheduleDays,
      clinicians,
      loadedAt: this.#deps.now(),
    }
  }

  #inBackground<T>(work: Promise<T>, what: string): Promise<void> {
    const settled = work.then(
      () => undefined,
      (thrown: unknown) => {
        this.#deps.log?.debug(`calendar: background ${what} failed`, {
          error: thrown instanceof Error ? thrown.message : String(thrown),
        })
      },
    )
    this.#background.add(settled)
    void settled.finally(() => this.#background.delete(settled))
    return settled
  }

  #evict(): void {
    const max = this.#deps.maxDays ?? DEFAULT_MAX_DAYS
    for (const key of this.#days.keys()) {
      if (this.#days.size <= max) break
      this.#days.delete(key)
    }
  }
}

const NO_ROSTER: { free: ScheduleRange[]; busy: ScheduleRange[] } = { free: [], busy: [] }

// spec §3.3: a user who is no longer online-bookable at the location answers 404; show them with no roster.
function unlessNotFound(thrown: unknown): { free: ScheduleRange[]; busy: ScheduleRange[] } {
  if (thrown instanceof AppFailure && thrown.error.code === 'NOT_FOUND') return NO_ROSTER
  throw thrown
}

function selectSchedules(details: LocationDetails, scheduleIds: readonly number[]): Schedule[] {
  if (scheduleIds.length === 0) return [...details.schedules]
  return scheduleIds.map((id) => {
    const schedule = details.schedules.find((s) => s.id === id)
    if (!schedule)
      throw notFound(`Schedule ${id} is not one of this location's schedules.`, 'scheduleIds')
    return schedule
  })
}
