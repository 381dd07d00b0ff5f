// The day board and next-available search. A day costs one round trip: one free/busy per schedule and one per
// clinician, all at once (day-fetch.ts). Days are cached, revalidated in the background, and their neighbours
// prefetched, so moving one day forward or back answers at once. While the server cannot be reached, days come from
// the kept board (offline-board.ts) marked offline, and the server is asked again with growing pauses (reconnect.ts).
import type {
  DayView,
  Fortnight,
  Instant,
  IsoDate,
  NextAvailableResult,
  OfflineNote,
} from '../../shared/domain'
import type {
  EventName,
  FindNextAvailableRequest,
  GetFortnightRequest,
  LoadDayRequest,
  PayloadOf,
} from '../../shared/ipc-contract'
import { AppFailure } from '../../shared/result'
import { addDays, daysBetween, isSaneDate } from '../../shared/time'
import type { Logger } from '../ipc/handle'
import type { OpenVpmsClient } from '../openvpms/client'
import { sessionChanged, type ClientProvider, type ClinicService } from '../clinic/service'
import { fetchDayView } from './day-fetch'
import { searchNextAvailable } from './next-available'
import { unreachableFailure, type OfflineBoard } from './offline-board'
import { DEFAULT_RETRY_DELAYS_MS, Reconnect, type AttemptOutcome } from './reconnect'
import { loadFortnight } from './fortnight'
import { FreeBusyRangeCache } from './range-cache'

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
  /** The board as last loaded for this connection (null: none is kept, as for the demo clinic). */
  readonly offline?: () => OfflineBoard | null
  /** Pauses between attempts to reach the server again once it could not be; the last repeats. */
  readonly retryDelaysMs?: readonly number[]
  /** Told of every day fetched from the server (load, prefetch, periodic refresh): the waitlist looks at it. */
  readonly onDayLoaded?: (view: DayView) => void
  /** Told of every day read from the server (a load, refresh, prefetch or revalidation); must not throw. */
  readonly onDayRead?: (view: DayView) => void
}

/** A day as the board asks for it. */
interface ViewedDay {
  readonly locationId: number
  readonly date: IsoDate
  /** Sorted; empty = every schedule of the location. */
  readonly scheduleIds: readonly number[]
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

/** Day views and next-available search for the board. */
export class CalendarService {
  readonly #deps: CalendarDeps
  readonly #days = new Map<string, CachedDay>()
  readonly #background = new Set<Promise<unknown>>()
  #generation = 0
  #busy = 0
  readonly #idleWaiters: (() => void)[] = []
  #lastViewed: ViewedDay | null = null
  /** Days asked for again while shown from the kept copy, by cache key. */
  readonly #asking = new Map<string, Promise<void>>()
  /** Set while the server cannot be reached: since when, and why. */
  #unreachable: OfflineNote | null = null
  /** Fetches started so far, and which of them last found the server unreachable (0: none). */
  #fetches = 0
  #failedFetch = 0
  readonly #reconnect: Reconnect
  /** Ranged free/busy shared by the fortnight strip, next-available and the waitlist scan. */
  readonly ranges: FreeBusyRangeCache

  constructor(deps: CalendarDeps) {
    this.#deps = deps
    this.ranges = new FreeBusyRangeCache({
      getClient: () => deps.getClient(),
      now: () => deps.now(),
      maxAgeMs: deps.staleAfterMs,
    })
    this.#reconnect = new Reconnect(
      () => this.#tryAgain(),
      deps.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    )
  }

  /**
   * A day of a location's board: from the cache when there (revalidated if old), else fetched in one round trip.
   * While the server cannot be reached, the day as last loaded (this run or an earlier one) marked `offline`.
   */
  async loadDay(request: LoadDayRequest): Promise<DayView> {
    const { locationId, date } = request
    const scheduleIds = [...new Set(request.scheduleIds)].sort((a, b) => a - b)
    const wanted = { locationId, date, scheduleIds }
    this.#lastViewed = wanted
    // Known to be unreachable: the kept copy at once, rather than after every attempt's time limit (a server behind
    // a dead link answers nothing for its whole timeout); the server is asked meanwhile, and its answer sent.
    const unreachable = this.#unreachable
    const keptNow = unreachable ? await this.#keptDay(wanted, unreachable) : null
    if (keptNow) {
      void this.#askAgain(wanted)
      return keptNow
    }
    try {
      const view = await this.#loadDay(request, scheduleIds)
      const note = this.#unreachable
      // A day from memory, loaded before the server went: it says so like a kept one.
      return note && view.loadedAt <= note.since ? { ...view, offline: note } : view
    } catch (thrown) {
      const failure = unreachableFailure(thrown)
      const note = failure && (this.#unreachable ?? noteOf(failure, this.#deps.now()))
      const kept = note ? await this.#keptDay(wanted, note) : null
      if (kept) return kept
      throw thrown
    }
  }

  async #loadDay(request: LoadDayRequest, scheduleIds: readonly number[]): Promise<DayView> {
    const { locationId, date } = request
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
    // A ranged answer spans many days and schedules: after a write none of them can be trusted.
    this.ranges.clear()
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
    this.ranges.clear()
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
          ranges: this.ranges,
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

  /**
   * The bookable time left on each day of a range, for the shown schedules or a clinician on them (the fortnight
   * strip): one ranged free/busy per schedule and one for the clinician, all at once, shared with next-available.
   */
  getFortnight(request: GetFortnightRequest): Promise<Fortnight> {
    const generation = this.#generation
    return this.#foreground(() =>
      loadFortnight(
        {
          clinic: this.#deps.clinic,
          ranges: this.ranges,
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
    this.ranges.clear()
    this.#lastViewed = null
    this.#unreachable = null
    this.#reconnect.stop()
  }

  /** The kept copy of a day, marked offline; null when none is kept. */
  async #keptDay(day: ViewedDay, note: OfflineNote): Promise<DayView | null> {
    const board = this.#deps.offline?.()
    if (!board) return null
    const generation = this.#generation
    const kept = await board.day(day.locationId, day.date, day.scheduleIds)
    return kept && generation === this.#generation ? { ...kept, offline: note } : null
  }

  /**
   * Asks the server for a day shown from the kept copy; when it answers, the day goes into the cache and to the
   * board (`calendar:dayUpdated`), and the day the board shows by then too. One ask per day at a time.
   */
  #askAgain(day: ViewedDay): Promise<void> {
    const key = dayKey(day.locationId, day.date, day.scheduleIds)
    const pending = this.#asking.get(key)
    if (pending) return pending
    const generation = this.#generation
    const asked = this.#fetchDay(day.locationId, day.date, day.scheduleIds).then((view) => {
      if (generation !== this.#generation) return
      this.#days.delete(key)
      this.#days.set(key, {
        ...day,
        key,
        view: Promise.resolve(view),
        start: () => undefined,
        revalidating: false,
      })
      this.#evict()
      this.#deps.emit('calendar:dayUpdated', view)
      const shown = this.#lastViewed
      if (shown && dayKey(shown.locationId, shown.date, shown.scheduleIds) !== key)
        void this.#askAgain(shown)
    })
    this.#asking.set(key, asked)
    void this.#inBackground(asked, 'ask again').finally(() => this.#asking.delete(key))
    return asked
  }

  /** One attempt of the reconnect loop: the day the board shows, asked for again. */
  async #tryAgain(): Promise<AttemptOutcome> {
    const shown = this.#lastViewed
    if (!shown || !this.#unreachable) return 'done'
    try {
      await this.#askAgain(shown)
      this.#deps.log?.info('calendar: the server answers again', { date: shown.date })
      return 'done'
    } catch (thrown) {
      return unreachableFailure(thrown) ? 'unreachable' : 'done'
    }
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
        return this.#fetchDay(locationId, date, scheduleIds, when === 'now')
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

  /**
   * Fetches a day and notes what that says of the server: answered (the day is kept for offline use, and the
   * reconnect loop ends) or unreachable (the loop starts).
   */
  async #fetchDay(
    locationId: number,
    date: IsoDate,
    scheduleIds: readonly number[],
    asked = true,
  ): Promise<DayView> {
    const generation = this.#generation
    const board = this.#deps.offline?.() ?? null
    const fetch = ++this.#fetches
    try {
      const view = await fetchDayView(
        {
          clinic: this.#deps.clinic,
          client: () => this.#deps.getClient(),
          now: this.#deps.now,
        },
        { locationId, date, scheduleIds },
      )
      if (generation === this.#generation) {
        // Only a day asked for (a load, refresh or the reconnect loop's attempt) started after the last failure says
        // the server is back; a prefetch's answer can come from what is kept for a few seconds, and proves nothing.
        if (asked && fetch > this.#failedFetch) {
          this.#unreachable = null
          this.#reconnect.stop()
        }
        board?.keepDay(view, scheduleIds)
        this.#deps.onDayLoaded?.(view)
      }
      this.#deps.onDayRead?.(view)
      return view
    } catch (thrown) {
      const failure = unreachableFailure(thrown)
      if (failure && generation === this.#generation) {
        this.#failedFetch = Math.max(this.#failedFetch, fetch)
        this.#unreachable ??= noteOf(failure, this.#deps.now())
        this.#reconnect.start()
      }
      throw thrown
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

/** Why the desk shows a kept day: the server unreachable since now, in the client's words. */
const noteOf = (failure: AppFailure, now: Instant): OfflineNote => ({
  since: now,
  reason: failure.error.message,
})
