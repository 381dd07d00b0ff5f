// The seed clinic's day of the guide's examples (2019-02-15, Australia/Sydney), as the session suites use it.
import type { BookingDraft } from '../../../src/shared/domain'

/** The seed clinic's clock: the day before the guide's examples. */
export const seedNow = '2019-02-14T09:00:00+11:00'

/** A booking on schedule 136 (Standard Consult, one 15-minute slot) at a free time of 2019-02-15. */
export function seedDraft(startTime = '09:00'): BookingDraft {
  const start = Date.parse(`2019-02-15T${startTime}:00+11:00`)
  return {
    locationId: 98,
    scheduleId: 136,
    appointmentTypeId: 66,
    start,
    end: start + 15 * 60_000,
    title: 'Ms',
    firstName: 'Harriet',
    lastName: 'Vane',
    mobile: '0412345678',
    phone: '',
    email: 'harriet@example.com',
    patientName: 'Rufus',
    notes: 'Limping, front left paw',
    clinicianId: null,
  }
}
