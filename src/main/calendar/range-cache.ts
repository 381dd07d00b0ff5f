// Ranged free/busy answers, kept briefly and shared: the fortnight strip, next-available and the waitlist scan ask
// for the same schedules over the same weeks, and one ranged request per schedule (and per clinician) serves them
// all. An answer is reused for any range it covers (cut to that range), a request still on its way is shared, and
// everything is dropped when the board refreshes, after a write and when the session changes.
import type { Instant, Range } from '../../shared/domain'
import type { ScheduleFreeBusy, ScheduleRange } from '../../shared/availability'
import { clip, contains, overlaps } from '../../shared/intervals'
import type { OpenVpmsClient } from '../openvpms/client'

/** The client calls the cache makes. */
export type RangeClient = Pick<OpenVpmsClient, 'scheduleFreeBusy' | 'userFreeBusy'>

/** A clinician's ranged free/busy at one location (spec §6): free per schedule, busy possibly past the range. */
export interface UserFreeBusy {
  readonly free: readonly ScheduleRange[]
  readonly busy: readonly ScheduleRange[]
}

/** What the cache is built from. */
export interface RangeCacheDeps {
  /** The client of the current session (throws NOT_CONNECTED without one). */
  readonly getClient: () => RangeClient
  readonly now: () => Instant
  /** Answers kept at most; the least recently used go first. Default 200 (40 schedules × a few ranges). */
  readonly maxEntries?: number
  /** An answer older than this is asked again; default 30 s, the board's own refresh. */
  readonly maxAgeMs?: number
}

/** Asks the server again instead of reusing a kept answer (the answer then replaces the kept one). */
export interface RangeOptions {
  readonly refresh?: boolean
}

interface Entry<T> {
  readonly key: string
  readonly subject: string
  readonly range: Range
  readonly answer: Promise<T>
  readonly fetchedAt: Instant
}

const DEFAULT_MAX_ENTRIES = 200
const DEFAULT_MAX_AGE_MS = 30_000

/** Ranged free/busy of schedules and clinicians, fetched once per subject and range and reused while fresh. */
export class FreeBusyRangeCache {
  readonly #deps: RangeCacheDeps
  readonly #entries = new Map<string, Entry<unknown>>()
  #requests = 0

  constructor(deps: RangeCacheDeps) {
    this.#deps = deps
  }

  /** One schedule's free and busy over `range` (spec §5): from a kept answer covering it, else one request. */
  scheduleFreeBusy(
    scheduleId: number,
    range: Range,
    options: RangeOptions = {},
  ): Promise<ScheduleFreeBusy> {
    return this.#get(`schedule/${scheduleId}`, range, options, async (client) => {
      const answer = await client.scheduleFreeBusy(scheduleId, range.start, range.end)
      return { free: answer.free, busy: answer.busy }
    }).then(({ answer, exact }) =>
      exact ? answer : { free: clip(answer.free, range), busy: clip(answer.busy, range) },
    )
  }

  /**
   * A clinician's free and busy at a location over `range` (spec §6): from a kept answer covering it, else one
   * request. A NOT_FOUND (no longer bookable there, spec §3.3) is passed on to the caller, never kept.
   */
  userFreeBusy(
    userId: number,
    locationId: number,
    range: Range,
    options: RangeOptions = {},
  ): Promise<UserFreeBusy> {
    return this.#get(`user/${userId}@${locationId}`, range, options, async (client) => {
      const answer = await client.userFreeBusy(userId, locationId, range.start, range.end)
      return { free: answer.free, busy: answer.busy }
    }).then(({ answer, exact }) => (exact ? answer : cutUserAnswer(answer, range)))
  }

  /** Forgets every answer: the board refreshed, something was booked or cancelled, or the session changed. */
  clear(): void {
    this.#entries.clear()
  }

  /** Requests sent to the server so far (for tests and the bench). */
  get requestCount(): number {
    return this.#requests
  }

  /** Answers kept now. */
  get size(): number {
    return this.#entries.size
  }

  async #get<T>(
    subject: string,
    range: Range,
    options: RangeOptions,
    fetch: (client: RangeClient) => Promise<T>,
  ): Promise<{ answer: T; exact: boolean }> {
    const found = options.refresh === true ? undefined : this.#find<T>(subject, range)
    if (found) {
      // Least recently used goes first: an answer read again moves to the back of the eviction queue.
      this.#entries.delete(found.key)
      this.#entries.set(found.key, found)
      const exact = found.range.start === range.start && found.range.end === range.end
      return { answer: await found.answer, exact }
    }
    const client = this.#deps.getClient()
    this.#requests++
    const key = `${subject}/${range.start}-${range.end}`
    const entry: Entry<T> = {
      key,
      subject,
      range,
      answer: fetch(client),
      fetchedAt: this.#deps.now(),
    }
    // A refreshed answer replaces every older one it covers: they could only be staler.
    for (const [otherKey, other] of this.#entries) {
      if (other.subject === subject && contains(range, other.range)) this.#entries.delete(otherKey)
    }
    this.#entries.set(key, entry)
    entry.answer.catch(() => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key)
    })
    this.#evict()
    return { answer: await entry.answer, exact: true }
  }

  #find<T>(subject: string, range: Range): Entry<T> | undefined {
    const oldest = this.#deps.now() - (this.#deps.maxAgeMs ?? DEFAULT_MAX_AGE_MS)
    let best: Entry<unknown> | undefined
    for (const entry of this.#entries.values()) {
      if (entry.subject !== subject || entry.fetchedAt < oldest || !contains(entry.range, range))
        continue
      // The newest answer that covers the range.
      if (!best || entry.fetchedAt >= best.fetchedAt) best = entry
    }
    return best as Entry<T> | undefined
  }

  #evict(): void {
    const max = this.#deps.maxEntries ?? DEFAULT_MAX_ENTRIES
    for (const key of this.#entries.keys()) {
      if (this.#entries.size <= max) break
      this.#entries.delete(key)
    }
  }
}

// Free is cut to the range; busy ranges that reach into it are kept whole, as the server itself sends them past the
// range (spec §6.5); their parts outside are ignored by every reader (clinicianDay cuts busy to the day).
function cutUserAnswer(answer: UserFreeBusy, range: Range): UserFreeBusy {
  return {
    free: answer.free.flatMap((r) => {
      const start = Math.max(r.start, range.start)
      const end = Math.min(r.end, range.end)
      return start < end ? [{ scheduleId: r.scheduleId, start, end }] : []
    }),
    busy: answer.busy.filter((r) => overlaps(r, range)),
  }
}
