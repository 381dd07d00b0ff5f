// Booking, looking up and cancelling, composed from its parts: check.ts (the draft against the location and free
// time read just now), send.ts (one POST, journalled) and outcome.ts (what the desk says and does when no booking
// came back). A POST is never repeated: an unanswered one may have booked (OUTCOME_UNKNOWN).
import type {
  BookingConfirmation,
  BookingDetails,
  BookingDraft,
  BookingNames,
  DayView,
  Instant,
  IsoDate,
  JournalEntry,
  JournalSearchResult,
  SeriesLink,
} from '../../shared/domain'
import { AppFailure } from '../../shared/result'
import { trimDraft } from '../../shared/booking-draft'
import { isoDateOf } from '../../shared/time'
import type { Logger } from '../ipc/handle'
import type { ClientProvider, ClinicService } from '../clinic/service'
import type { CalendarService } from '../calendar/service'
import type { BookingJournal } from './journal'
import { checkReference, isCode, withReferenceField } from './reference'
import { clashes, inProgress } from './in-flight'
import { outcomeMessages } from './outcome-messages'
import { journalCsv } from './journal-csv'
import { fromJournal } from '../../shared/journal-details'
import { fromServer, namesIn, withJournalDetails } from './details'
import type { CsvFile } from '../../shared/ipc-contract'
import { checkDraft, checkFreeTime, type BookingClient, type Checked } from './check'
import { sendBooking } from './send'
import { BookingOutcomes } from './outcome'

export type { BookingClient, Checked }
export { outcomeMessages }

/** The booking service's collaborators. */
export interface BookingDeps {
  readonly getClient: ClientProvider<BookingClient>
  readonly clinic: Pick<ClinicService, 'loadLocation' | 'loaded'>
  readonly calendar: Pick<CalendarService, 'refreshDay' | 'refreshLastViewed'>
  readonly journal: BookingJournal
  readonly now: () => Instant
  readonly log?: Logger
  /** After an unanswered booking seen free, when to look again (default 5 s and 20 s). */
  readonly recheckDelaysMs?: readonly number[]
}

/** Creates, looks up and cancels bookings, keeping the journal and the board in step. */
export class BookingService {
  readonly #deps: BookingDeps
  readonly #outcomes: BookingOutcomes
  #generation = 0
  /** Drafts being booked right now (spec §7.1: the server's overlap check is not locked, so two POSTs can both win). */
  readonly #inFlight = new Set<BookingDraft>()

  constructor(deps: BookingDeps) {
    this.#deps = deps
    this.#outcomes = new BookingOutcomes({ ...deps, refresh: (draft) => this.#refreshDraft(draft) })
  }

  /**
   * Validates a draft against the schedule's current free time, then books it (spec §7.1). A second booking of the
   * same time on the same schedule, or of the same customer and patient at the same time, is refused while the
   * first is still being sent.
   */
  async create(input: BookingDraft): Promise<BookingConfirmation> {
    const draft = trimDraft(input)
    const sending = [...this.#inFlight].find((other) => clashes(other, draft))
    if (sending) throw inProgress(sending, draft)
    this.#inFlight.add(draft)
    try {
      return await this.#create(draft)
    } finally {
      this.#inFlight.delete(draft)
    }
  }

  async #create(input: BookingDraft): Promise<BookingConfirmation> {
    const checked = await this.check(input)
    await checkFreeTime(this.#deps, this.#deps.getClient(), checked)
    const reference = await this.send(checked)
    return { reference, draft: checked.draft, createdAt: this.#deps.now() }
  }

  /** Checks a draft against the location (not yet against free time): what `create` does first. */
  check(input: BookingDraft): Promise<Checked> {
    return checkDraft(this.#deps, input)
  }

  /**
   * Sends one checked booking (one POST, never repeated), journalled before it goes and settled after; throws
   * OUTCOME_UNKNOWN (with what the desk found out) when no answer came, or the server's refusal.
   */
  send(checked: Checked, series?: SeriesLink): Promise<string> {
    return sendBooking(
      {
        ...this.#deps,
        outcomes: this.#outcomes,
        refresh: (sent) => this.#refreshDraft(sent.draft),
      },
      checked,
      series,
    )
  }

  /** A booking by reference (spec §7.3); on the known server defect, this desk's own copy when it has one. */
  async get(input: string): Promise<BookingDetails> {
    const reference = checkReference(input)
    try {
      const booking = fromServer(reference, await this.#deps.getClient().getBooking(reference))
      const [entry, names] = await Promise.all([
        this.#deps.journal.find(reference),
        this.#namesOf(booking),
      ])
      return withJournalDetails({ ...booking, ...(names && { names }) }, entry)
    } catch (thrown) {
      if (isCode(thrown, 'NOT_FOUND')) throw await this.#notFound(thrown, input, reference)
      if (!isCode(thrown, 'GET_DEFECT')) throw withReferenceField(thrown)
      const entry = await this.#deps.journal.find(reference)
      if (entry && entry.outcome !== 'failed') return fromJournal(reference, entry)
      throw new AppFailure({
        code: 'GET_DEFECT',
        message:
          'The server cannot show this booking (a known OpenVPMS defect), and it was not made at this desk: look it up in the appointment book.',
      })
    }
  }

  /**
   * The booking's names from its location's details (the clinic service's cache: one load per location, the board's
   * own location already held); undefined when the server cannot say, and the desk shows the ids.
   */
  async #namesOf(booking: BookingDetails): Promise<BookingNames | undefined> {
    try {
      return namesIn(await this.#deps.clinic.loadLocation(booking.locationId), booking)
    } catch (thrown) {
      this.#deps.log?.warn('booking: could not name a looked-up booking', {
        locationId: booking.locationId,
        error: String(thrown),
      })
      return undefined
    }
  }

  /** Cancels a pending booking (spec §7.4) and marks it cancelled in the journal. */
  async cancel(input: string): Promise<{ reference: string }> {
    const reference = checkReference(input)
    try {
      await this.#deps.getClient().cancelBooking(reference)
    } catch (thrown) {
      if (isCode(thrown, 'NOT_FOUND')) throw await this.#notFound(thrown, input, reference)
      if (isCode(thrown, 'NOT_PENDING')) {
        throw new AppFailure({
          ...(thrown as AppFailure).error,
          message:
            'This booking is no longer pending — the patient may be checked in; cancel it in OpenVPMS.',
        })
      }
      throw withReferenceField(thrown)
    }
    const entry = await this.#deps.journal.find(reference)
    await this.#deps.journal.markCancelled(reference, 'Cancelled at this desk.')
    if (entry) void this.#refreshDraft(entry.draft)
    else void this.#deps.calendar.refreshLastViewed()
    return { reference }
  }

  /**
   * spec §7.3: the server answers the same 404 for a reference that never existed, one misread, and a cancelled
   * booking. Only this desk's journal can tell that it was cancelled; otherwise the desk says what it searched for.
   */
  async #notFound(thrown: AppFailure, typed: string, reference: string): Promise<AppFailure> {
    const entry = await this.#deps.journal.find(reference)
    const asTyped = typed.trim() === reference ? '' : ` (typed as “${typed.trim()}”)`
    const message =
      entry?.outcome === 'cancelled'
        ? `Booking ${reference} is already cancelled: this desk’s journal records it${entry.message ? ` (${entry.message.replace(/\.$/, '')})` : ''}.`
        : `OpenVPMS has no booking ${reference}${asTyped}. The reference may have been misread or mistyped: check it with the caller, or find the booking by name.`
    return new AppFailure({
      ...thrown.error,
      message,
      fieldErrors: [{ field: 'reference', message }],
    })
  }

  /** The journal, newest first. */
  listJournal(filter: { readonly date?: string }): Promise<JournalEntry[]> {
    return this.#deps.journal.list(filter)
  }

  /** This desk's bookings whose customer, contact, patient or reference match what was typed. */
  searchJournal(query: string, limit?: number): Promise<JournalSearchResult> {
    return this.#deps.journal.search(query, limit)
  }

  /** This desk's bookings of one appointment day, by start time. */
  listJournalDay(date: IsoDate): Promise<JournalEntry[]> {
    return this.#deps.journal.listDay(date)
  }

  /** The journal (newest first), or one appointment day of it (by time), as a CSV file. */
  async exportJournal(date?: IsoDate): Promise<CsvFile> {
    const entries =
      date === undefined ? await this.#deps.journal.list() : await this.#deps.journal.listDay(date)
    return {
      fileName: `front-desk-bookings-${date ?? `to-${isoDateOf(this.#deps.now(), 'system')}`}.csv`,
      text: journalCsv(entries),
    }
  }

  /** A day the board reloaded: marks this desk's unanswered bookings whose time now shows busy (journal). */
  noticeDay(view: DayView): Promise<void> {
    return this.#outcomes.noticeDay(view)
  }

  /** The session changed (or the app closes): work still in flight for the old one no longer refreshes the board. */
  reset(): void {
    this.#generation++
    this.#outcomes.reset()
  }

  async #refreshDraft(draft: BookingDraft): Promise<void> {
    const generation = this.#generation
    try {
      const details = await this.#deps.clinic.loadLocation(draft.locationId)
      if (generation !== this.#generation) return
      await this.#deps.calendar.refreshDay(
        draft.locationId,
        isoDateOf(draft.start, details.location.timeZone),
      )
    } catch (thrown) {
      this.#deps.log?.debug('booking: board refresh failed', { error: String(thrown) })
    }
  }
}
