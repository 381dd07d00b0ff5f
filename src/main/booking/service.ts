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
import { dayBounds, formatTime, isoDateOf } from '../../shared/time'
import type { Logger } from '../ipc/handle'
import type { OpenVpmsClient, WireBooking } from '../openvpms/client'
import type { ClientProvider, ClinicService } from '../clinic/service'
import type { CalendarService } from '../calendar/service'
import type { BookingJournal } from './journal'
import { journalCsv } from './journal-csv'
import type { CsvFile } from '../../shared/ipc-contract'

/** The client calls the booking service makes. */
export type BookingClient = Pick<
  OpenVpmsClient,
  'scheduleFreeBusy' | 'userFreeBusy' | 'createBooking' | 'getBooking' | 'cancelBooking'
>

/** The booking service's collaborators. */
export interface BookingDeps {
  readonly getClient: ClientProvider<BookingClient>
  readonly clinic: Pick<ClinicService, 'loadLocation'>
  readonly calendar: Pick<CalendarService, 'refreshDay' | 'refreshLastViewed'>
  readonly journal: BookingJournal
  readonly now: () => Instant
  readonly log?: Logger
}

/** How many free starts a CONFLICT offers on each side of the time asked for. */
const ALTERNATIVES_EACH_SIDE = 2

/** Messages a receptionist reads after an unanswered booking (OUTCOME_UNKNOWN). */
export const outcomeMessages = {
  taken:
    'No answer came back from OpenVPMS, and the time now shows as taken: the booking most likely went through — check the appointment book before booking again.',
  free: 'No answer came back from OpenVPMS, and the time is still free: the booking did not go through; you can try again.',
  unclear:
    'No answer came back from OpenVPMS, and whether the booking was made could not be checked: look in the appointment book before booking again.',
} as const

interface Checked {
  readonly details: LocationDetails
  readonly schedule: Schedule
  readonly type: AppointmentType
  readonly draft: BookingDraft
}

/** Creates, looks up and cancels bookings, keeping the journal and the board in step. */
export class BookingService {
  readonly #deps: BookingDeps
  #generation = 0

  constructor(deps: BookingDeps) {
    this.#deps = deps
  }

  /** Validates a draft against the schedule's current free time, then books it (spec §7.1). */
  async create(input: BookingDraft): Promise<BookingConfirmation> {
    const checked = await this.#validate(input)
    const { draft, details } = checked
    const client = this.#deps.getClient()

    const availability = await this.#bookableTime(client, checked)
    const slot = { start: draft.start, end: draft.end }
    if (!covers(availability.schedule, slot)) {
      const taken = availability.busy.some((busy) => overlaps(busy, slot))
      throw this.#conflict(
        checked,
        availability.bookable,
        taken
          ? 'That time is no longer free on this schedule: someone may have booked it since the board loaded.'
          : 'That time is outside the schedule’s free time (closed, or not open for online booking).',
      )
    }
    if (draft.clinicianId !== null && !covers(availability.bookable, slot)) {
      const name =
        details.clinicians.find((c) => c.id === draft.clinicianId)?.name ?? 'The clinician'
      throw this.#conflict(checked, availability.bookable, `${name} is not available at that time.`)
    }

    const journalId = await this.#deps.journal.record(draft, this.#deps.now(), labelsOf(checked))
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
    return { reference, draft, createdAt: this.#deps.now() }
  }

  /** A booking by reference (spec §7.3); on the known server defect, this desk's own copy when it has one. */
  async get(input: string): Promise<BookingDetails> {
    const reference = checkReference(input)
    try {
      const booking = fromServer(reference, await this.#deps.getClient().getBooking(reference))
      return withJournalDetails(booking, await this.#deps.journal.find(reference))
    } catch (thrown) {
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
      if (isCode(thrown, 'NOT_FOUND')) {
        throw new AppFailure({
          ...(thrown as AppFailure).error,
          message: 'No booking with that reference: it was not found, or it is already cancelled.',
        })
      }
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

  /** The session changed: work still in flight for the old one no longer refreshes the board. */
  reset(): void {
    this.#generation++
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
    const schedule = details.schedules.find((s) => s.id === draft.scheduleId)
    const type = schedule?.appointmentTypes.find((t) => t.id === draft.appointmentTypeId)
    if (!schedule) add('scheduleId', 'Choose one of this location’s schedules.')
    else if (!type)
      add('appointmentTypeId', 'That appointment type cannot be booked on this schedule.')
    if (draft.clinicianId !== null && !details.clinicians.some((c) => c.id === draft.clinicianId)) {
      add('clinicianId', 'That clinician cannot be booked at this location.')
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
      const message = await this.#whatHappened(checked)
      await journal.settle(journalId, { outcome: 'unknown', message })
      void this.#refresh(checked)
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
          'That time was booked by someone else a moment ago.',
        )
      } catch {
        return thrown
      }
    }
    return thrown
  }

  /** After an unanswered POST (never repeated): is the time now taken on the schedule? */
  async #whatHappened(checked: Checked): Promise<string> {
    try {
      const now = await this.#bookableTime(this.#deps.getClient(), checked)
      const slot = { start: checked.draft.start, end: checked.draft.end }
      if (now.busy.some((busy) => overlaps(busy, slot))) return outcomeMessages.taken
      if (covers(now.schedule, slot)) return outcomeMessages.free
      return outcomeMessages.unclear
    } catch (thrown) {
      this.#deps.log?.warn('booking: could not check an unanswered booking', {
        error: String(thrown),
      })
      return outcomeMessages.unclear
    }
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

function checkReference(input: string): string {
  const reference = input.trim()
  if (reference === '') {
    const message = 'Enter a booking reference.'
    throw new AppFailure({
      code: 'VALIDATION',
      message,
      fieldErrors: [{ field: 'reference', message }],
    })
  }
  return reference
}

function isCode(thrown: unknown, code: AppError['code']): thrown is AppFailure {
  return thrown instanceof AppFailure && thrown.error.code === code
}

// spec §7.3: `Invalid booking reference` is a 400; mark the field so the lookup box shows it.
function withReferenceField(thrown: unknown): unknown {
  if (!isCode(thrown, 'VALIDATION') || thrown.error.fieldErrors?.length) return thrown
  return new AppFailure({
    ...thrown.error,
    fieldErrors: [{ field: 'reference', message: thrown.error.message }],
  })
}

const blankToNull = (value: string | null): string | null =>
  value === null || value === '' ? null : value

function fromServer(reference: string, booking: WireBooking): BookingDetails {
  return {
    reference,
    locationId: booking.location,
    scheduleId: booking.schedule,
    appointmentTypeId: booking.appointmentType,
    start: booking.start,
    end: booking.end,
    title: blankToNull(booking.title),
    firstName: blankToNull(booking.firstName),
    lastName: blankToNull(booking.lastName),
    phone: blankToNull(booking.phone),
    mobile: blankToNull(booking.mobile),
    email: blankToNull(booking.email),
    patientName: blankToNull(booking.patientName),
    clinicianId: booking.user,
    source: 'server',
    // spec §7.3: the server never returns the notes.
    notes: null,
  }
}

/**
 * The server's answer, completed from this desk's journal where the server says nothing: it never returns the notes,
 * nor the name and contacts of a customer it did not match (spec §7.3, §11.2). Times, schedule and clinician stay the
 * server's, since staff may have changed them since.
 */
function withJournalDetails(booking: BookingDetails, entry: JournalEntry | null): BookingDetails {
  if (!entry || entry.outcome === 'failed') return booking
  const { draft } = entry
  const unmatched = booking.firstName === null && booking.lastName === null
  return {
    ...booking,
    ...(unmatched && {
      title: blankToNull(draft.title),
      firstName: blankToNull(draft.firstName),
      lastName: blankToNull(draft.lastName),
      phone: blankToNull(draft.phone),
      mobile: blankToNull(draft.mobile),
      email: blankToNull(draft.email),
    }),
    patientName: booking.patientName ?? blankToNull(draft.patientName),
    notes: blankToNull(draft.notes),
  }
}

function fromJournal(reference: string, { draft }: JournalEntry): BookingDetails {
  return {
    reference,
    locationId: draft.locationId,
    scheduleId: draft.scheduleId,
    appointmentTypeId: draft.appointmentTypeId,
    start: draft.start,
    end: draft.end,
    title: blankToNull(draft.title),
    firstName: blankToNull(draft.firstName),
    lastName: blankToNull(draft.lastName),
    phone: blankToNull(draft.phone),
    mobile: blankToNull(draft.mobile),
    email: blankToNull(draft.email),
    patientName: blankToNull(draft.patientName),
    clinicianId: draft.clinicianId,
    source: 'journal',
    notes: blankToNull(draft.notes),
  }
}
