// The seed guide's booking (booking.json, spec §7) as a BookingDraft: one fixture for every main-process suite.
import type { BookingDraft } from '../../src/shared/domain'

/**
 * Ms Judith Bourke's Standard Consult for Muffett on schedule 136 at location 98, 12:30–12:45 on 2019-02-15 in
 * Sydney, no clinician; `overrides` change what a test is about.
 */
export function guideDraft(overrides: Partial<BookingDraft> = {}): BookingDraft {
  return {
    locationId: 98,
    scheduleId: 136,
    appointmentTypeId: 66,
    start: Date.parse('2019-02-15T12:30:00+11:00'),
    end: Date.parse('2019-02-15T12:45:00+11:00'),
    title: 'Ms',
    firstName: 'Judith',
    lastName: 'Bourke',
    mobile: '0418976543',
    phone: '',
    email: '',
    patientName: 'Muffett',
    notes: '',
    clinicianId: null,
    ...overrides,
  }
}
