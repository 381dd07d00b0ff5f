// Booking, looking up and cancelling. The server checks little (spec §11.10: not the type's schedule or length, not
// opening hours, roster or clinician availability), so the desk checks all of it first, against free/busy fetched
// fresh at the moment of booking. A POST is never repeated: an unanswered one may have booked (OUTCOME_UNKNOWN).
import type {
  AppointmentType,
  BookingConfirmation,
  BookingDetails,
  BookingDraft,
  Instant,
  IsoDate,
  JournalEntry,
  JournalLabels,
  JournalSearchResult,
  LocationDetails,
  Range,
  Schedule,
  SeriesLink,
  SlotSuggestion,
} from '../../shared/domain'
import { AppFailure, type AppError, type FieldError } from '../../shared/result'
import { customerProblems, trimDraft } from '../../shared/booking-draft'
import {
  availabilityBySchedule,
  clinicianAvailability,
  type ScheduleFreeBusy,
} from '../../shared/availability'
import { covers, overlaps, union } from '../../shared/intervals'
import { bookableStarts, isOnSlotBoundary, typeDuration } from '../../shared/slots'
import { dayBounds, formatClock, formatTime, isoDateOf } from '../../shared/time'
import type { Logger } from '../ipc/handle'
import type { OpenVpmsClient } from '../openvpms/client'
import type { ClientProvider, ClinicService } from '../clinic/service'
import type { CalendarService } from '../calendar/service'
import type { BookingJournal } from './journal'
import { checkReference, isCode, withReferenceField } from './reference'
import { clashes, inProgress } from './in-flight'
import { outcomeMessages, RECHECK_DELAYS_MS, type Seen } from './outcome-messages'
import { journalCsv } from './journal-csv'
import { fromJournal } from '../../shared/journal-details'
import { fromServer, withJournalDetails } from './details'
import type { CsvFile } from '../../shared/ipc-contract'

/** The client calls the booking service makes. */
export type BookingClient = Pick<
  OpenVpmsClient,
  'scheduleFreeBusy' | 'userFreeBusy' | 'createBooking' | 'getBooking' | 'cancelBooking'
>

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

/** How many free starts a CONFLICT offers on each side of the time asked for. */
const ALTERNATIVES_EACH_SIDE = 2

/** A draft the desk has checked against the location's schedules, types and clinicians. */
export interface Checked {
  readonly details: LocationDetails
  readonly schedule: Schedule
  readonly type: AppointmentType
  readonly draft: BookingDraft
}

export { outcomeMessages }

/** Creates, looks up and cancels bookings, keeping the journal and the board in step. */
export class BookingService {
  readonly #deps: BookingDeps
  #generation = 0
  /** Drafts being booked right now (spec §7.1: the server's overlap check is not locked, so two POSTs can both win). */
  readonly #inFlight = new Set<BookingDraft>()
  readonly #rechecks = new Set<NodeJS.Timeout>()

  constructor(deps: BookingDeps) {
    this.#deps = deps
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
    const checked = await this.#validate(input)
    const { draft, details } = checked
    const client = this.#deps.getClient()

    const availability = await this.#bookableTime(client, checked)
    const slot = { start: draft.start, end: draft.end }
    if (!covers(availability.schedule, slot)) {
      const taken = availability.busy.some((busy) => overlaps(busy, slot))
      const own = taken ? await this.#ownUnconfirmed(checked) : null
      throw this.#conflict(
        checked,
        availability.bookable,
        own ??
          (taken
            ? 'That time is no longer free on this schedule: someone may have booked it since the board loaded.'
            : 'That time is outside the schedule’s free time (closed, or not open for online booking).'),
      )
    }
    if (draft.clinicianId !== null && !covers(availability.bookable, slot)) {
      const name =
        details.clinicians.find((c) => c.id === draft.clinicianId)?.name ?? 'The clinician'
      throw this.#conflict(checked, availability.bookable, `${name} is not available at that time.`)
    }

    const reference = await this.send(checked)
    return { reference, draft, createdAt: this.#deps.now() }
  }

  /** Checks a draft against the location (not yet against free time): what `create` does first. */
  check(input: BookingDraft): Promise<Checked> {
    return this.#validate(input)
  }

  /**
   * Sends one checked booking (one POST, never repeated), journalled before it goes and settled after; throws
   * OUTCOME_UNKNOWN (with what the desk found out) when no answer came, or the server's refusal.
   */
  async send(checked: Checked, series?: SeriesLink): Promise<string> {
    const { draft } = checked
    const client = this.#deps.getClient()
    const journalId = await this.#deps.journal.record(
      draft,
      this.#deps.now(),
      labelsOf(checked),
      series,
    )
    let reference: string
    try {
      reference = await client.createBooking({
        location: draft.locationId,
        schedule: draft.scheduleId,
        appointmentType: draft.appointmentTypeId,
        start: draft.start,
        end: draft.end,
        title: draft.title,
        firstName: draft.firstName,
        lastName: draft.lastName,
        email: draft.email,
        phone: draft.phone,
        mobile: draft.mobile,
        patientName: draft.patientName,
        notes: draft.notes,
        user: draft.clinicianId,
      })
    } catch (thrown) {
      throw await this.#createFailed(checked, journalId, thrown)
    }
    // The outcome and the entry's own time say it all; a message is kept for problems and cancellations.
    await this.#deps.journal.settle(journalId, { outcome: 'booked', reference, message: null })
    void this.#refresh(checked)
    return reference
  }

  /** A booking by reference (spec §7.3); on the known server defect, this desk's own copy when it has one. */
  async get(input: string): Promise<BookingDetails> {
    const reference = checkReference(input)
    try {
      const booking = fromServer(reference, await this.#deps.getClient().getBooking(reference))
      return withJournalDetails(booking, await this.#deps.journal.find(reference))
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

  /** The session changed (or the app closes): work still in flight for the old one no longer refreshes the board. */
  reset(): void {
    this.#generation++
    for (const timer of this.#rechecks) clearTimeout(timer)
    this.#rechecks.clear()
  }

  async #validate(input: BookingDraft): Promise<Checked> {
    const draft = trimDraft(input)
    const errors: FieldError[] = []
    const add = (field: keyof BookingDraft, message: string): void =>
      void errors.push({ field, message })

    errors.push(...customerProblems(draft))
    // The desk's own rule (the server takes none): without a contact the server cannot match the customer (spec §7.2)
    // and nobody can call them back.
    if (draft.mobile === '' && draft.phone === '' && draft.email === '') {
      const message =
        'Enter a mobile, a phone number or an email, so the clinic can reach the customer.'
      for (const field of ['mobile', 'phone', 'email'] as const) add(field, message)
    }

    const details = await this.#deps.clinic.loadLocation(draft.locationId)
    const zone = details.location.timeZone
    const here = details.location.name
    const schedule = details.schedules.find((s) => s.id === draft.scheduleId)
    const type = schedule?.appointmentTypes.find((t) => t.id === draft.appointmentTypeId)
    const clinicianHere =
      draft.clinicianId === null || details.clinicians.some((c) => c.id === draft.clinicianId)
    // A time picked at one location and sent with another: say exactly which part belongs elsewhere.
    const names = !schedule || !type || !clinicianHere ? await this.#names(details) : null
    if (!schedule) {
      const owner = names?.scheduleLocation.get(draft.scheduleId)
      add(
        'scheduleId',
        owner
          ? `${owner.schedule} is at ${owner.location}, not ${here}: choose a time on one of ${here}’s schedules.`
          : `Schedule ${draft.scheduleId} is not one of ${here}’s schedules: choose a time on one of them.`,
      )
    } else if (!type) {
      const typeName =
        names?.types.get(draft.appointmentTypeId) ?? `Type ${draft.appointmentTypeId}`
      add(
        'appointmentTypeId',
        `${typeName} cannot be booked on ${schedule.name}: choose one of its appointment types.`,
      )
    }
    if (!clinicianHere && draft.clinicianId !== null) {
      const who = names?.clinicians.get(draft.clinicianId) ?? `Clinician ${draft.clinicianId}`
      add('clinicianId', `${who} cannot be booked at ${here}.`)
    }
    if (schedule && type) {
      // spec §7.1 step 9: the server refuses unaligned times; §11.10: it does not check the length, so the desk does.
      if (!isOnSlotBoundary(draft.start, schedule.slotSize, zone) || draft.start % 60_000 !== 0) {
        add(
          'start',
          `The start must be on one of the schedule’s ${schedule.slotSize}-minute slots.`,
        )
      } else if (draft.start <= this.#deps.now()) {
        add('start', 'That time has already passed: choose a time in the future.')
      }
      const duration = typeDuration(schedule, type)
      if (draft.end - draft.start !== duration) {
        add('end', `${type.name} lasts ${duration / 60_000} minutes on this schedule.`)
      }
    }
    if (errors.length > 0 || !schedule || !type) {
      throw new AppFailure({
        code: 'VALIDATION',
        message: 'Some details need attention before this can be booked.',
        fieldErrors: errors,
      })
    }
    return { details, schedule, type, draft }
  }

  /**
   * Names of schedules, types and clinicians at every location the desk has loaded (the board loaded the one a
   * stale time came from), to say where a mismatched part belongs. Asks the server for nothing more.
   */
  async #names(details: LocationDetails): Promise<{
    scheduleLocation: Map<number, { schedule: string; location: string }>
    types: Map<number, string>
    clinicians: Map<number, string>
  }> {
    const all = [details, ...(await this.#deps.clinic.loaded())]
    const scheduleLocation = new Map<number, { schedule: string; location: string }>()
    const types = new Map<number, string>()
    const clinicians = new Map<number, string>()
    for (const each of all.reverse()) {
      for (const schedule of each.schedules) {
        scheduleLocation.set(schedule.id, { schedule: schedule.name, location: each.location.name })
        for (const type of schedule.appointmentTypes) types.set(type.id, type.name)
      }
      for (const clinician of each.clinicians) clinicians.set(clinician.id, clinician.name)
    }
    return { scheduleLocation, types, clinicians }
  }

  /** The schedule's free time now, and what is bookable for the draft's clinician (or anyone) on that day. */
  async #bookableTime(
    client: BookingClient,
    { draft, details, schedule }: Checked,
  ): Promise<{ schedule: Range[]; busy: Range[]; bookable: Range[] }> {
    const zone = details.location.timeZone
    const from = dayBounds(isoDateOf(draft.start, zone), zone).start
    const to = Math.max(dayBounds(isoDateOf(draft.start, zone), zone).end, draft.end)
    // spec §6.5: the clinician's appointment on another schedule may still be listed as free on this one; only
    // the other schedules' busy time tells it apart (as on the board), so with a clinician every schedule is read.
    const others =
      draft.clinicianId === null ? [] : details.schedules.filter((s) => s.id !== schedule.id)
    const [own, clinician, otherAnswers] = await Promise.all([
      client.scheduleFreeBusy(schedule.id, from, to),
      draft.clinicianId === null
        ? Promise.resolve(null)
        : client.userFreeBusy(draft.clinicianId, draft.locationId, from, to),
      Promise.all(
        others.map(
          async (other) => [other.id, await client.scheduleFreeBusy(other.id, from, to)] as const,
        ),
      ),
    ])
    const scheduleFree = clinicianAvailability(own.free, own, [])
    const everySchedule = new Map<number, ScheduleFreeBusy>([[schedule.id, own], ...otherAnswers])
    const bookable = clinician
      ? (availabilityBySchedule(clinician, everySchedule)[schedule.id] ?? [])
      : scheduleFree
    return { schedule: scheduleFree, busy: union(own.busy), bookable }
  }

  /** CONFLICT with the nearest bookable starts of the same type (and clinician) that day, before and after. */
  #conflict(checked: Checked, bookable: readonly Range[], message: string): AppFailure {
    const { draft, schedule, type, details } = checked
    const zone = details.location.timeZone
    const duration = typeDuration(schedule, type)
    const starts = bookableStarts(bookable, schedule, type, zone, { after: this.#deps.now() })
    const before = starts.filter((s) => s < draft.start).slice(-ALTERNATIVES_EACH_SIDE)
    const after = starts.filter((s) => s > draft.start).slice(0, ALTERNATIVES_EACH_SIDE)
    const names = {
      location: details.location.name,
      schedule: schedule.name,
      type: type.name,
      clinician: details.clinicians.find((c) => c.id === draft.clinicianId)?.name ?? null,
    }
    const alternatives: SlotSuggestion[] = [...before, ...after].map((start) => ({
      locationId: draft.locationId,
      scheduleId: schedule.id,
      appointmentTypeId: type.id,
      start,
      end: start + duration,
      clinicianId: draft.clinicianId,
      names,
    }))
    const offer =
      alternatives.length > 0
        ? ` Nearest free: ${alternatives.map((a) => formatTime(a.start, zone)).join(', ')}.`
        : ' Nothing else is free for it that day.'
    return new AppFailure({ code: 'CONFLICT', message: message + offer, alternatives })
  }

  async #createFailed(checked: Checked, journalId: string, thrown: unknown): Promise<unknown> {
    const journal = this.#deps.journal
    if (isCode(thrown, 'OUTCOME_UNKNOWN')) {
      const seen = await this.#whatHappened(checked)
      const message = outcomeMessages[seen](this.#clock(checked))
      await journal.settle(journalId, { outcome: 'unknown', message })
      void this.#refresh(checked)
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
      void this.#refresh(checked)
      try {
        const now = await this.#bookableTime(this.#deps.getClient(), checked)
        return this.#conflict(
          checked,
          now.bookable,
          (await this.#ownUnconfirmed(checked)) ??
            'That time was booked by someone else a moment ago.',
        )
      } catch {
        return thrown
      }
    }
    return thrown
  }

  /** After an unanswered POST (never repeated): is the time now taken on the schedule? */
  async #whatHappened(checked: Checked): Promise<Seen> {
    try {
      const now = await this.#bookableTime(this.#deps.getClient(), checked)
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
        await this.#deps.journal.revise(journalId, message(this.#clock(checked)))
        if (seen === 'taken') void this.#refresh(checked)
        else this.#recheckLater(checked, journalId, attempt + 1)
      })().catch((error: unknown) =>
        this.#deps.log?.warn('booking: looking again failed', { error: String(error) }),
      )
    }, delay)
    timer.unref?.()
    this.#rechecks.add(timer)
  }

  /**
   * When this desk sent a booking for an overlapping time on the same schedule and no answer came, the time is
   * most likely taken by that very booking: never call it "another booking" or "someone else" (issue 10).
   */
  async #ownUnconfirmed({ draft, details }: Checked): Promise<string | null> {
    const entries = await this.#deps.journal.list()
    const own = entries.find(
      (entry) =>
        entry.outcome === 'unknown' &&
        entry.draft.scheduleId === draft.scheduleId &&
        overlaps(entry.draft, draft),
    )
    if (!own) return null
    const zone = details.location.timeZone
    const who = [own.draft.firstName, own.draft.lastName].filter(Boolean).join(' ')
    return `That time shows as taken — probably by this desk’s own booking${who ? ` for ${who}` : ''} at ${formatTime(own.draft.start, zone)}, sent at ${formatClock(own.submittedAt, zone)} with no answer back (unconfirmed). Check the appointment book before booking again.`
  }

  /** The clinic's wall-clock time now, `HH:mm:ss`: when the desk saw what it reports. */
  #clock({ details }: Checked): string {
    return formatClock(this.#deps.now(), details.location.timeZone)
  }

  #refresh(checked: Checked): Promise<void> {
    return this.#refreshDraft(checked.draft)
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

/** The names the journal keeps beside a draft, as this desk knows them at the moment of sending. */
function labelsOf({ details, schedule, type, draft }: Checked): JournalLabels {
  return {
    location: details.location.name,
    timeZone: details.location.timeZone,
    schedule: schedule.name,
    appointmentType: type.name,
    clinician: details.clinicians.find((c) => c.id === draft.clinicianId)?.name ?? null,
  }
}
