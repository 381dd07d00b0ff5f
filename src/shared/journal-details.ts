import type { BookingDetails, JournalEntry } from './domain'

const blankToNull = (value: string): string | null => (value === '' ? null : value)

/** This desk's own copy of a booking, for when the server cannot show it. */
export function fromJournal(reference: string, { draft, series }: JournalEntry): BookingDetails {
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
    ...(series && { series }),
  }
}
