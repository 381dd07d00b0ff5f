// What happened to a booking the server did not answer with a booking. A POST is never repeated: an unanswered one
// may have booked (OUTCOME_UNKNOWN), so the desk looks at the time instead, at once and again a little later, and
// says in the journal what it saw and when.
import type { BookingDraft, DayView, Instant } from '../../shared/domain'
import { AppFailure, type AppError } from '../../shared/result'
import { covers, overlaps } from '../../shared/intervals'
import { formatClock } from '../../shared/time'
import type { ClientProvider } from '../clinic/service'
import type { Logger } from '../ipc/handle'
import type { BookingJournal } from './journal'
import { bookableTime, conflict, ownUnconfirmed, type BookingClient, type Checked } from './check'
import { isCode } from './reference'
import { probablyOwn } from '../../shared/unconfirmed'
import { outcomeMessages, RECHECK_DELAYS_MS, type Seen } from './outcome-messages'

/** What following up a booking's outcome needs. */
export interface OutcomeDeps {
  readonly getClient: ClientProvider<BookingClient>
  readonly journal: Pick<BookingJournal, 'settle' | 'revise' | 'list' | 'markSeenTaken'>
  readonly now: () => Instant
  readonly log?: Logger
  /** After an unanswered booking seen free, when to look again (default 5 s and 20 s). */
  readonly recheckDelaysMs?: readonly number[]
  /** Reloads the board's day of a draft. */
  readonly refresh: (draft: BookingDraft) => Promise<void>
}

/** Settles the journal entry of a booking that was not answered with a booking, and says what the desk knows. */
export class BookingOutcomes {
  readonly #deps: OutcomeDeps
  #generation = 0
  readonly #rechecks = new Set<NodeJS.Timeout>()

  constructor(deps: OutcomeDeps) {
    this.#deps = deps
  }

  /**
   * The error a receptionist reads for a POST that threw: OUTCOME_UNKNOWN with what the desk saw of the time, a
   * CONFLICT with what is free now, or the server's own refusal; the journal entry settled to match.
   */
  async failed(checked: Checked, journalId: string, thrown: unknown): Promise<unknown> {
    const journal = this.#deps.journal
    if (isCode(thrown, 'OUTCOME_UNKNOWN')) {
      const seen = await this.#whatHappened(checked)
      const message = outcomeMessages[seen](this.#clock(checked))
      await journal.settle(journalId, {
        outcome: 'unknown',
        message,
        ...(seen === 'taken' && { seenTakenAt: this.#deps.now() }),
      })
      void this.#deps.refresh(checked.draft)
      if (seen !== 'taken') this.#recheckLater(checked, journalId, 0)
      return new AppFailure({ code: 'OUTCOME_UNKNOWN', message })
    }
    const error: AppError | null = thrown instanceof AppFailure ? thrown.error : null
    await journal.settle(journalId, {
      outcome: 'failed',
      message: error?.message ?? String(thrown),
    })
    if (error?.code === 'CONFLICT') {
      // spec §7.1 step 12: someone booked it between our check and the POST. Offer what is free now.
      void this.#deps.refresh(checked.draft)
      try {
        const client = this.#deps.getClient()
        const now = await bookableTime(client, checked)
        return await conflict(
          this.#deps,
          client,
          checked,
          now.read,
          (await ownUnconfirmed(this.#deps, checked)) ??
            'That time was booked by someone else a moment ago.',
        )
      } catch {
        // What is free now could not be read: the server's own refusal is all there is to say.
      }
    }
    return thrown
  }

  /**
   * A day the board reloaded: this desk's unanswered bookings whose time now shows busy there are marked in the
   * journal as probably this desk's own (unconfirmed), saying when that was seen.
   */
  async noticeDay(view: DayView): Promise<void> {
    const busy = new Map(view.schedules.map((day) => [day.scheduleId, day.busy]))
    const at = formatClock(this.#deps.now(), view.timeZone)
    await this.#deps.journal.markSeenTaken(
      (entry) => {
        const where = { locationId: view.locationId, scheduleId: entry.draft.scheduleId }
        return probablyOwn([entry], where, busy.get(entry.draft.scheduleId) ?? []).length > 0
      },
      this.#deps.now(),
      () => outcomeMessages.taken(at),
    )
  }

  /** The session changed (or the app closes): no more looking again for the old one. */
  reset(): void {
    this.#generation++
    for (const timer of this.#rechecks) clearTimeout(timer)
    this.#rechecks.clear()
  }

  /** After an unanswered POST (never repeated): is the time now taken on the schedule? */
  async #whatHappened(checked: Checked): Promise<Seen> {
    try {
      const now = await bookableTime(this.#deps.getClient(), checked)
      const slot = { start: checked.draft.start, end: checked.draft.end }
      if (now.busy.some((busy) => overlaps(busy, slot))) return 'taken'
      if (covers(now.schedule, slot)) return 'free'
      return 'unclear'
    } catch (thrown) {
      this.#deps.log?.warn('booking: could not check an unanswered booking', {
        error: String(thrown),
      })
      return 'unclear'
    }
  }

  /**
   * A server may save a booking after the desk stopped waiting: look at the time again a little later,
   * by itself, and say in the journal what was seen then. Stops once the time shows as taken.
   */
  #recheckLater(checked: Checked, journalId: string, attempt: number): void {
    const delays = this.#deps.recheckDelaysMs ?? RECHECK_DELAYS_MS
    const delay = delays[attempt]
    if (delay === undefined) return
    const generation = this.#generation
    const timer = setTimeout(() => {
      this.#rechecks.delete(timer)
      void (async () => {
        const seen = await this.#whatHappened(checked)
        if (generation !== this.#generation) return
        const last = attempt + 1 >= delays.length
        const message = seen === 'free' && last ? outcomeMessages.stillFree : outcomeMessages[seen]
        await this.#deps.journal.revise(
          journalId,
          message(this.#clock(checked)),
          seen === 'taken' ? this.#deps.now() : undefined,
        )
        if (seen === 'taken') void this.#deps.refresh(checked.draft)
        else this.#recheckLater(checked, journalId, attempt + 1)
      })().catch((error: unknown) =>
        this.#deps.log?.warn('booking: looking again failed', { error: String(error) }),
      )
    }, delay)
    timer.unref()
    this.#rechecks.add(timer)
  }

  /** The clinic's wall-clock time now, `HH:mm:ss`: when the desk saw what it reports. */
  #clock({ details }: Checked): string {
    return formatClock(this.#deps.now(), details.location.timeZone)
  }
}
