// A booking as the desk shows it after a lookup: the server's answer, completed from this desk's journal where the
// server says nothing (spec §7.3, §11.2), or the journal's own copy where the server cannot show it.
import type {
  BookingDetails,
  BookingNames,
  JournalEntry,
  LocationDetails,
} from '../../shared/domain'
import type { WireBooking } from '../openvpms/client'

const blankToNull = (value: string | null): string | null =>
  value === null || value === '' ? null : value

/** The server's answer to a lookup as booking details. */
export function fromServer(reference: string, booking: WireBooking): BookingDetails {
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
export function withJournalDetails(
  booking: BookingDetails,
  entry: JournalEntry | null,
): BookingDetails {
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
    ...(entry.series && { series: entry.series }),
  }
}

/** The booking's names in its location's details (as the clinic service holds them). */
export function namesIn(details: LocationDetails, booking: BookingDetails): BookingNames {
  const schedule = details.schedules.find((each) => each.id === booking.scheduleId)
  // A type is the same type on every schedule: named from any that takes it when its own no longer does.
  const type = [schedule, ...details.schedules]
    .flatMap((each) => each?.appointmentTypes ?? [])
    .find((each) => each.id === booking.appointmentTypeId)
  const clinician = details.clinicians.find((each) => each.id === booking.clinicianId)
  return {
    location: details.location.name,
    timeZone: details.location.timeZone,
    schedule: schedule?.name ?? null,
    appointmentType: type?.name ?? null,
    clinician: clinician?.name ?? null,
  }
}
