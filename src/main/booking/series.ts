// Booking a course of appointments. Every appointment is checked before anything is sent, against free/busy read
// fresh with one ranged request per schedule and clinician for the whole span; then they are sent one POST at a time
// in date order, never in parallel, and sending stops at the first that does not come back booked: an unanswered POST
// may have booked (spec §7.1), so nothing is repeated or carried on past it by itself.
import { randomUUID } from 'node:crypto'
import type {
  BookingDraft,
  Instant,
  Range,
  SeriesCancelOutcome,
  SeriesOccurrenceCheck,
  SeriesOccurrenceOutcome,
  SeriesOutcome,
} from '../../shared/domain'
import {
  clinicianAvailability,
  clinicianDay,
  type ScheduleFreeBusy,
} from '../../shared/availability'
import { clip, covers, overlaps } from '../../shared/intervals'
import { AppFailure } from '../../shared/result'
import { occurrencesOf, seriesLimits, type SeriesRule } from '../../shared/series'
import { bookableStarts, typeDuration } from '../../shared/slots'
import { dayBounds, formatTime, isoDateOf } from '../../shared/time'
import type { ClientProvider } from '../clinic/service'
import type { Logger } from '../ipc/handle'
import type { BookingClient, BookingService, Checked } from './service'
import type { BookingJournal } from './journal'

/** The series service's collaborators. */
export interface SeriesDeps {
  readonly getClient: ClientProvider<BookingClient>
  readonly booking: Pick<BookingService, 'check' | 'send' | 'cancel'>
  readonly journal: Pick<BookingJournal, 'laterInSeries'>
  readonly now: () => Instant
  readonly log?: Logger
}

/** Checks, books and cancels courses of appointments. */
export class SeriesService {
  readonly #deps: SeriesDeps

  constructor(deps: SeriesDeps) {
    this.#deps = deps
  }

  /** The course a rule makes from the draft's time, each appointment checked (nothing is sent). */
  async check(draft: BookingDraft, rule: SeriesRule): Promise<SeriesOccurrenceCheck[]> {
    const checked = await this.#deps.booking.check(draft)
    const zone = checked.details.location.timeZone
    let occurrences: Range[]
    try {
      occurrences = occurrencesOf(checked.draft, rule, zone)
    } catch (thrown) {
      throw new AppFailure({
        code: 'VALIDATION',
        message: thrown instanceof Error ? thrown.message : String(thrown),
      })
    }
    return this.#checkAll(checked, occurrences)
  }

  /**
   * Books the appointments starting at `starts` (the receptionist's list, nearest free times taken): all are checked
   * again first and nothing is sent if one is no longer free; then one at a time, stopping at the first not booked.
   */
  async create(draft: BookingDraft, starts: readonly Instant[]): Promise<SeriesOutcome> {
    const first = await this.#deps.booking.check({
      ...draft,
      start: starts[0] ?? draft.start,
      end: (starts[0] ?? draft.start) + (draft.end - draft.start),
    })
    const length = first.draft.end - first.draft.start
    const occurrences = checkStarts(starts).map((start) => ({ start, end: start + length }))
    const zone = first.details.location.timeZone
    const checks = await this.#checkAll(first, occurrences)
    const clashes = checks.filter((check) => !check.free)
    if (clashes.length > 0) {
      const days = clashes.map(
        (clash) => `${isoDateOf(clash.start, zone)} ${formatTime(clash.start, zone)}`,
      )
      throw new AppFailure({
        code: 'CONFLICT',
        message: `Nothing was sent: ${days.join(', ')} ${clashes.length === 1 ? 'is' : 'are'} no longer free. Check the dates again.`,
      })
    }

    const seriesId = randomUUID()
    const client = this.#deps.getClient()
    const outcomes: SeriesOccurrenceOutcome[] = []
    let stopped = false
    for (const [index, occurrence] of occurrences.entries()) {
      if (stopped) {
        outcomes.push({ ...occurrence, status: 'notSent', reference: null, message: null })
        continue
      }
      // A course is sent to the server it was checked against: a connection changed mid-way stops it.
      if (this.#deps.getClient() !== client) {
        stopped = true
        outcomes.push({
          ...occurrence,
          status: 'notSent',
          reference: null,
          message: 'The connection changed while the course was being sent.',
        })
        continue
      }
      const checked: Checked = { ...first, draft: { ...first.draft, ...occurrence } }
      try {
        const reference = await this.#deps.booking.send(checked, {
          id: seriesId,
          index: index + 1,
          count: occurrences.length,
        })
        outcomes.push({ ...occurrence, status: 'booked', reference, message: null })
      } catch (thrown) {
        stopped = true
        const error = thrown instanceof AppFailure ? thrown.error : null
        outcomes.push({
          ...occurrence,
          status: error?.code === 'OUTCOME_UNKNOWN' ? 'unknown' : 'refused',
          reference: null,
          message: error?.message ?? String(thrown),
        })
        if (!error)
          this.#deps.log?.error('series: unexpected send failure', { error: String(thrown) })
      }
    }
    return { seriesId, draft: first.draft, occurrences: outcomes }
  }

  /**
   * Cancels the booking with this reference and every later booked appointment of its course, one at a time in date
   * order; stops at the first that fails for another reason than being gone already.
   */
  async cancelFrom(reference: string): Promise<SeriesCancelOutcome> {
    const entries = await this.#deps.journal.laterInSeries(reference.trim())
    if (entries.length === 0) {
      throw new AppFailure({
        code: 'NOT_FOUND',
        message: 'This booking is not part of a course booked at this desk: cancel it on its own.',
      })
    }
    const occurrences: SeriesCancelOutcome['occurrences'][number][] = []
    let stopped = false
    for (const entry of entries) {
      const ref = entry.reference ?? ''
      const base = { reference: ref, start: entry.draft.start }
      if (stopped) {
        occurrences.push({ ...base, status: 'notTried', message: null })
        continue
      }
      try {
        await this.#deps.booking.cancel(ref)
        occurrences.push({ ...base, status: 'cancelled', message: null })
      } catch (thrown) {
        const error = thrown instanceof AppFailure ? thrown.error : null
        if (error?.code === 'NOT_FOUND') {
          occurrences.push({ ...base, status: 'gone', message: error.message })
          continue
        }
        stopped = true
        occurrences.push({ ...base, status: 'failed', message: error?.message ?? String(thrown) })
      }
    }
    return { occurrences }
  }

  /** Every occurrence against one ranged read of the schedule (and, with a clinician, every schedule and them). */
  async #checkAll(
    checked: Checked,
    occurrences: readonly Range[],
  ): Promise<SeriesOccurrenceCheck[]> {
    const { details, schedule, draft } = checked
    const zone = details.location.timeZone
    const firstOccurrence = occurrences[0]
    const lastOccurrence = occurrences[occurrences.length - 1]
    if (!firstOccurrence || !lastOccurrence) return []
    const span = {
      start: dayBounds(isoDateOf(firstOccurrence.start, zone), zone).start,
      end: dayBounds(isoDateOf(lastOccurrence.start, zone), zone).end,
    }
    const client = this.#deps.getClient()
    // spec §6.5: with a clinician, their appointment on another schedule may be listed free on this one; only the
    // other schedules' busy time tells it apart, so every schedule is read, once each, for the whole span.
    const schedules = draft.clinicianId === null ? [schedule] : details.schedules
    const [answers, clinician] = await Promise.all([
      Promise.all(
        schedules.map(
          async (each) =>
            [each.id, await client.scheduleFreeBusy(each.id, span.start, span.end)] as const,
        ),
      ),
      draft.clinicianId === null
        ? Promise.resolve(null)
        : client.userFreeBusy(draft.clinicianId, draft.locationId, span.start, span.end),
    ])
    const freeBusy = new Map<number, ScheduleFreeBusy>(answers)
    const clinicianName =
      details.clinicians.find((c) => c.id === draft.clinicianId)?.name ?? 'The clinician'

    return occurrences.map((occurrence) => {
      const bounds = dayBounds(isoDateOf(occurrence.start, zone), zone)
      const day = new Map<number, ScheduleFreeBusy>(
        [...freeBusy].map(([id, answer]) => [
          id,
          { free: clip(answer.free, bounds), busy: clip(answer.busy, bounds) },
        ]),
      )
      const own = day.get(schedule.id) ?? { free: [], busy: [] }
      const scheduleFree = clinicianAvailability(own.free, own, [])
      const bookable =
        clinician && draft.clinicianId !== null
          ? (clinicianDay(draft.clinicianId, clinician, day, bounds).available[schedule.id] ?? [])
          : scheduleFree
      let problem: string | null = null
      if (occurrence.start <= this.#deps.now()) problem = 'That time has already passed.'
      else if (own.busy.some((busy) => overlaps(busy, occurrence)))
        problem = 'Taken on this schedule.'
      else if (!covers(scheduleFree, occurrence))
        problem = 'The schedule is closed then, or not open for online booking.'
      else if (!covers(bookable, occurrence)) problem = `${clinicianName} is not available then.`
      return {
        ...occurrence,
        free: problem === null,
        problem,
        nearest: problem === null ? null : this.#nearest(checked, bookable, occurrence),
      }
    })
  }

  /** The bookable start nearest to the occurrence's on its day (earlier on a tie), as a range. */
  #nearest(checked: Checked, bookable: readonly Range[], occurrence: Range): Range | null {
    const { schedule, type, details } = checked
    const starts = bookableStarts(bookable, schedule, type, details.location.timeZone, {
      after: this.#deps.now(),
    })
    let best: Instant | null = null
    for (const start of starts) {
      if (best === null || Math.abs(start - occurrence.start) < Math.abs(best - occurrence.start))
        best = start
    }
    return best === null ? null : { start: best, end: best + typeDuration(schedule, type) }
  }
}

/** The starts of a course to send: 2 to 52, in strictly increasing order. */
function checkStarts(starts: readonly Instant[]): Instant[] {
  const ordered = starts.every((start, index) => index === 0 || start > (starts[index - 1] ?? 0))
  if (starts.length < 2 || starts.length > seriesLimits.occurrences || !ordered) {
    throw new AppFailure({
      code: 'VALIDATION',
      message: `A course is 2 to ${seriesLimits.occurrences} appointments, each after the one before.`,
    })
  }
  return [...starts]
}
