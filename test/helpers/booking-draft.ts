// The seed guide's booking (booking.json, spec §7) as a BookingDraft: one fixture for every main-process suite.
import type { WireBookingRequest } from '../../src/main/openvpms/client'
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

/**
 * Another desk's (or the online form's) POST on the guide's schedule: Olivia Smith's Standard Consult at location 98,
 * 13:00–13:15 on 2019-02-15 in Sydney, no patient, no clinician; `overrides` change what a test is about.
 */
export function otherDeskBooking(overrides: Partial<WireBookingRequest> = {}): WireBookingRequest {
  return {
    location: 98,
    schedule: 136,
    appointmentType: 66,
    start: Date.parse('2019-02-15T13:00:00+11:00'),
    end: Date.parse('2019-02-15T13:15:00+11:00'),
    title: null,
    firstName: 'Olivia',
    lastName: 'Smith',
    email: null,
    phone: null,
    mobile: '0400000000',
    patientName: null,
    notes: null,
    user: null,
    ...overrides,
  }
}
