// Checking a draft before it is sent. The server checks little (spec §11.10: not the type's schedule or length, not
// opening hours, roster or clinician availability), so the desk checks all of it first: the draft against the
// location's schedules, types and clinicians, then against free/busy fetched fresh at the moment of booking.
import type {
  AppointmentType,
  BookingDraft,
  Instant,
  LocationDetails,
  Range,
  Schedule,
  SlotSuggestion,
} from '../../shared/domain'
import { AppFailure, type FieldError } from '../../shared/result'
import { customerProblems, trimDraft } from '../../shared/booking-draft'
import {
  availabilityBySchedule,
  clinicianAvailability,
  type ScheduleFreeBusy,
} from '../../shared/availability'
import { covers, overlaps, union } from '../../shared/intervals'
import { isOnSlotBoundary, typeDuration } from '../../shared/slots'
import { dayBounds, formatClock, formatTime, isoDateOf } from '../../shared/time'
import type { OpenVpmsClient } from '../openvpms/client'
import type { ClinicService } from '../clinic/service'
import type { BookingJournal } from './journal'
import { nearestFree, type DayRead } from './alternatives'

/** The client calls the booking service makes. */
export type BookingClient = Pick<
  OpenVpmsClient,
  'scheduleFreeBusy' | 'userFreeBusy' | 'createBooking' | 'getBooking' | 'cancelBooking'
>

/** A draft the desk has checked against the location's schedules, types and clinicians. */
export interface Checked {
  readonly details: LocationDetails
  readonly schedule: Schedule
  readonly type: AppointmentType
  readonly draft: BookingDraft
}

/** What checking a draft needs. */
export interface CheckDeps {
  readonly clinic: Pick<ClinicService, 'loadLocation' | 'loaded'>
  readonly journal: Pick<BookingJournal, 'list'>
  readonly now: () => Instant
}

/** A schedule's free time on the draft's day, as read just now. */
export interface BookableTime {
  /** The schedule's free time. */
  readonly schedule: Range[]
  /** The schedule's busy time. */
  readonly busy: Range[]
  /** What is bookable for the draft's clinician (or anyone) on the schedule. */
  readonly bookable: Range[]
  /** What was read, for the alternatives after a clash. */
  readonly read: DayRead
}

/** Checks a draft against the location (not yet against free time); VALIDATION with field errors otherwise. */
export async function checkDraft(deps: CheckDeps, input: BookingDraft): Promise<Checked> {
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

  const details = await deps.clinic.loadLocation(draft.locationId)
  const zone = details.location.timeZone
  const here = details.location.name
  const schedule = details.schedules.find((s) => s.id === draft.scheduleId)
  const type = schedule?.appointmentTypes.find((t) => t.id === draft.appointmentTypeId)
  // A time picked at one location and sent with another: say exactly which part belongs elsewhere.
  if (!schedule) {
    const owner = (await namesLoaded(deps, details)).scheduleLocation.get(draft.scheduleId)
    add(
      'scheduleId',
      owner
        ? `${owner.schedule} is at ${owner.location}, not ${here}: choose a time on one of ${here}’s schedules.`
        : `Schedule ${draft.scheduleId} is not one of ${here}’s schedules: choose a time on one of them.`,
    )
  } else if (!type) {
    const typeName =
      (await namesLoaded(deps, details)).types.get(draft.appointmentTypeId) ??
      `Type ${draft.appointmentTypeId}`
    add(
      'appointmentTypeId',
      `${typeName} cannot be booked on ${schedule.name}: choose one of its appointment types.`,
    )
  }
  if (draft.clinicianId !== null && !details.clinicians.some((c) => c.id === draft.clinicianId)) {
    const who =
      (await namesLoaded(deps, details)).clinicians.get(draft.clinicianId) ??
      `Clinician ${draft.clinicianId}`
    add('clinicianId', `${who} cannot be booked at ${here}.`)
  }
  if (schedule && type) {
    if (!(schedule.slotSize > 0)) {
      // A schedule without a slot size (the API allows 0) has no boundary a start could be on (spec §7.1 step 9).
      add(
        'scheduleId',
        `${schedule.name} has no slot size set in OpenVPMS, so nothing can be booked on it: choose another schedule.`,
      )
    } else {
      // spec §7.1 step 9: the server refuses unaligned times; §11.10: it does not check the length, so the desk does.
      if (!isOnSlotBoundary(draft.start, schedule.slotSize, zone) || draft.start % 60_000 !== 0) {
        add(
          'start',
          `The start must be on one of the schedule’s ${schedule.slotSize}-minute slots.`,
        )
      } else if (draft.start <= deps.now()) {
        add('start', 'That time has already passed: choose a time in the future.')
      }
      const duration = typeDuration(schedule, type)
      if (draft.end - draft.start !== duration) {
        add('end', `${type.name} lasts ${duration / 60_000} minutes on this schedule.`)
      }
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
 * Checks a checked draft against free/busy read just now; CONFLICT with the nearest free starts when its time is
 * taken, closed, or not the clinician's.
 */
export async function checkFreeTime(
  deps: CheckDeps,
  client: BookingClient,
  checked: Checked,
): Promise<void> {
  const { draft, details } = checked
  const availability = await bookableTime(client, checked)
  const slot = { start: draft.start, end: draft.end }
  if (!covers(availability.schedule, slot)) {
    const taken = availability.busy.some((busy) => overlaps(busy, slot))
    const own = taken ? await ownUnconfirmed(deps, checked) : null
    throw await conflict(
      deps,
      client,
      checked,
      availability.read,
      own ??
        (taken
          ? 'That time is no longer free on this schedule: someone may have booked it since the board loaded.'
          : 'That time is outside the schedule’s free time (closed, or not open for online booking).'),
    )
  }
  // Without a clinician what is bookable is the schedule's free time, which covers the slot by now.
  if (!covers(availability.bookable, slot)) {
    const name = details.clinicians.find((c) => c.id === draft.clinicianId)?.name ?? 'The clinician'
    throw await conflict(
      deps,
      client,
      checked,
      availability.read,
      `${name} is not available at that time.`,
    )
  }
}

/**
 * Names of schedules, types and clinicians at every location the desk has loaded (the board loaded the one a
 * stale time came from), to say where a mismatched part belongs. Asks the server for nothing more. OpenVPMS ids
 * are unique across locations, so each id has one name whichever location it is read from.
 */
async function namesLoaded(
  deps: Pick<CheckDeps, 'clinic'>,
  details: LocationDetails,
): Promise<{
  scheduleLocation: Map<number, { schedule: string; location: string }>
  types: Map<number, string>
  clinicians: Map<number, string>
}> {
  const all = [details, ...(await deps.clinic.loaded())]
  const scheduleLocation = new Map<number, { schedule: string; location: string }>()
  const types = new Map<number, string>()
  const clinicians = new Map<number, string>()
  for (const each of all) {
    for (const schedule of each.schedules) {
      scheduleLocation.set(schedule.id, { schedule: schedule.name, location: each.location.name })
      for (const type of schedule.appointmentTypes) types.set(type.id, type.name)
    }
    for (const clinician of each.clinicians) clinicians.set(clinician.id, clinician.name)
  }
  return { scheduleLocation, types, clinicians }
}

/** The schedule's free time now, and what is bookable for the draft's clinician (or anyone) on that day. */
export async function bookableTime(
  client: BookingClient,
  { draft, details, schedule }: Checked,
): Promise<BookableTime> {
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
  return {
    schedule: scheduleFree,
    busy: union(own.busy),
    bookable,
    read: { from, to, schedules: everySchedule, clinician },
  }
}

/**
 * CONFLICT with the nearest free starts that day on any schedule here that takes the type (the clinician kept),
 * nearest first; each names its schedule when any is not on the one asked for.
 */
export async function conflict(
  deps: Pick<CheckDeps, 'now'>,
  client: BookingClient,
  checked: Checked,
  read: DayRead,
  message: string,
): Promise<AppFailure> {
  const { draft, details } = checked
  const zone = details.location.timeZone
  const alternatives = await nearestFree(client, checked, read, deps.now())
  // Times alone when all are on the schedule asked for; else every one names its schedule ("08:15 on Room 2, 08:30"
  // would read as 08:30 on Room 2 too).
  const elsewhere = alternatives.some((a) => a.scheduleId !== draft.scheduleId)
  const said = (a: SlotSuggestion): string =>
    elsewhere ? `${formatTime(a.start, zone)} on ${a.names.schedule}` : formatTime(a.start, zone)
  const offer =
    alternatives.length > 0
      ? ` Nearest free: ${alternatives.map(said).join(', ')}.`
      : ' Nothing else is free for it that day.'
  return new AppFailure({ code: 'CONFLICT', message: message + offer, alternatives })
}

/**
 * When this desk sent a booking for an overlapping time on the same schedule and no answer came, the time is
 * most likely taken by that very booking: never call it "another booking" or "someone else".
 */
export async function ownUnconfirmed(
  deps: Pick<CheckDeps, 'journal'>,
  { draft, details }: Checked,
): Promise<string | null> {
  const entries = await deps.journal.list()
  const own = entries.find(
    (entry) =>
      entry.outcome === 'unknown' &&
      entry.draft.scheduleId === draft.scheduleId &&
      overlaps(entry.draft, draft),
  )
  if (!own) return null
  const zone = details.location.timeZone
  // A journalled draft was checked, so both names are there (spec §7.1 (10)).
  const who = `${own.draft.firstName} ${own.draft.lastName}`
  return `That time shows as taken — probably by this desk’s own booking for ${who} at ${formatTime(own.draft.start, zone)}, sent at ${formatClock(own.submittedAt, zone)} with no answer back (unconfirmed). Check the appointment book before booking again.`
}
