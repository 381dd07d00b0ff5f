// POST/GET/DELETE /bookings as OpenVPMS BookingServiceImpl behaves (spec §7): validation order and texts,
// customer matching, booking notes, references.
import type { Clinic } from './clinic'
import type { BookingRequest } from './booking-body'
import { newLinkId } from './link-id'
import { matchCustomer } from './customer-matching'
import type { AppointmentRecord, UserRecord } from './model'
import { badRequest, containerPage, HttpFailure, notFound, text } from './responses'

/** The v2 Booking DTO returned by GET, fields in Java declaration order (spec §2, §7.3). */
export interface BookingDto {
  location: number
  schedule: number
  appointmentType: number
  start: string
  end: string
  title: string | null
  firstName: string | null
  lastName: string | null
  email: string | null
  phone: string | null
  mobile: string | null
  patientName: string | null
  notes: null
  user: number
}

const MAX_NOTES = 5000

const isBlank = (value: string | null): boolean => value === null || value.trim() === ''
const isEmpty = (value: string | null): value is null | '' => value === null || value === ''

/** spec §8: the write fails inside the archetype service; whether as 403 or 500 is not determinable (§12). */
function accessDenied(): HttpFailure {
  return new HttpFailure(text(403, 'Access is denied'))
}

/**
 * Validates and stores a booking (spec §7.1, §7.2) and returns the new appointment. Runs synchronously from the
 * overlap check to the insert, so two concurrent requests for the same time cannot both succeed.
 */
export function createBooking(
  clinic: Clinic,
  author: UserRecord,
  booking: BookingRequest | null,
): AppointmentRecord {
  if (!booking) throw badRequest('Booking is required')
  const { start, end } = booking
  if (start === null) throw badRequest("'start' is a required field")
  if (end === null) throw badRequest("'end' is a required field")
  if (start < clinic.now()) throw badRequest('Cannot make a booking in the past')
  if (end <= start) throw badRequest('Booking start must be less than end')
  // spec §7.1 steps 6–8: inactive schedules are found; no onlineBooking flag is checked.
  const schedule = clinic.schedule(booking.schedule)
  if (!schedule) throw badRequest(`Schedule not found: ${booking.schedule}`)
  if (schedule.location === null || schedule.location !== booking.location) {
    throw badRequest(`Schedule is not available at location ${booking.location}`)
  }
  if (!clinic.appointmentType(booking.appointmentType)) {
    throw badRequest(`Appointment Type not found: ${booking.appointmentType}`)
  }
  if (schedule.slotSize <= 0) {
    // spec §7.1 step 9: a zero slot size divides by zero inside OpenVPMS.
    throw new HttpFailure(containerPage(500, 'java.lang.ArithmeticException: / by zero'))
  }
  if (!onSlotBoundary(clinic, start, schedule.slotSize)) {
    throw badRequest('Booking start is not on a slot boundary')
  }
  if (!onSlotBoundary(clinic, end, schedule.slotSize)) {
    throw badRequest('Booking end is not on a slot boundary')
  }
  if (isBlank(booking.firstName)) throw badRequest("'firstName' is a required field")
  if (isBlank(booking.lastName)) throw badRequest("'lastName' is a required field")
  let user: UserRecord | undefined
  if (booking.user > 0) {
    user = clinic.user(booking.user)
    if (!user) throw badRequest(`User not found: ${booking.user}`)
  }
  // The act is created only after validation, so a caller without the role sees 400s first (spec §8, §12).
  if (!author.bookingRole) throw accessDenied()

  // spec §7.1 step 12: touching is allowed; calendar blocks are not checked.
  const clash = clinic
    .appointmentsBetween(start, end)
    .filter((record) => record.schedule === schedule.id && record.status !== 'CANCELLED')
    .sort((a, b) => a.start - b.start || a.id - b.id)[0]
  if (clash) {
    // spec §7.1 step 12: java.sql.Timestamp text of the first overlapping appointment.
    throw badRequest(
      `An appointment is already scheduled for ${clinic.zone.formatTimestamp(clash.start)}-${clinic.zone.formatTimestamp(clash.end)}`,
    )
  }

  const { customer, patient, clinician, bookingNotes } = whoAndNotes(clinic, booking, user)

  const record: AppointmentRecord = {
    id: clinic.allocateId(),
    linkId: newLinkId(),
    schedule: schedule.id,
    appointmentType: booking.appointmentType,
    start,
    end,
    status: 'PENDING',
    customer,
    patient,
    clinician,
    onlineBooking: true,
    bookingNotes,
  }
  clinic.addAppointment(record)
  return record
}

/**
 * spec §7.2: the matched customer and patient, the clinician, and the booking notes (new-customer details, then
 * Patient, User, Notes lines; capped at 5000 characters).
 */
function whoAndNotes(
  clinic: Clinic,
  booking: BookingRequest,
  user: UserRecord | undefined,
): {
  customer: number | null
  patient: number | null
  clinician: number | null
  bookingNotes: string | null
} {
  const customer = matchCustomer(clinic, booking)
  const notes: string[] = []
  let patient: number | null = null
  if (customer) {
    if (!isBlank(booking.patientName)) {
      const wanted = (booking.patientName ?? '').toLowerCase()
      patient =
        customer.patients.find((item) => item.active && item.name.toLowerCase() === wanted)?.id ??
        null
    }
    if (patient === null && !isEmpty(booking.patientName)) {
      notes.push(`Patient: ${booking.patientName}`)
    }
  } else {
    // spec §7.2: an unmatched customer's details go into the notes; `Title: null` is written literally.
    notes.push(`Title: ${booking.title}`, `First Name: ${booking.firstName}`)
    notes.push(`Last Name: ${booking.lastName}`)
    if (!isEmpty(booking.phone)) notes.push(`Phone: ${booking.phone}`)
    if (!isEmpty(booking.mobile)) notes.push(`Mobile: ${booking.mobile}`)
    if (!isEmpty(booking.email)) notes.push(`Email: ${booking.email}`)
    if (!isEmpty(booking.patientName)) notes.push(`Patient: ${booking.patientName}`)
  }
  let clinician: number | null = null
  if (user) {
    if (user.clinician) clinician = user.id
    else notes.push(`User: ${user.name}`)
  }
  if (!isEmpty(booking.notes)) notes.push(`Notes: ${booking.notes}`)
  const joined = notes.join('\n')
  const bookingNotes =
    joined === ''
      ? null
      : joined.length > MAX_NOTES
        ? `${joined.slice(0, MAX_NOTES - 3)}...`
        : joined

  return { customer: customer?.id ?? null, patient, clinician, bookingNotes }
}

/** spec §7.1 step 9: hour and minute of local time must be a multiple of the slot size from midnight. */
function onSlotBoundary(clinic: Clinic, at: number, slotSize: number): boolean {
  const { hour, minute } = clinic.zone.wall(at)
  return (hour * 60 + minute) % slotSize === 0
}

/** spec §7.3 step 1–3: `<id>:<linkId>`; the appointment must exist, match and not be cancelled. */
export function findBooking(clinic: Clinic, reference: string): AppointmentRecord {
  const parts = reference.split(':')
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop()
  if (parts.length !== 2) throw badRequest('Invalid booking reference')
  const [idText, linkId] = parts as [string, string]
  // Java Long.parseLong: optional sign, decimal digits, 64-bit range.
  if (!/^[+-]?\d+$/.test(idText)) throw badRequest('Invalid booking reference')
  const id = BigInt(idText)
  if (id > 9223372036854775807n || id < -9223372036854775808n) {
    throw badRequest('Invalid booking reference')
  }
  const record =
    id > 0n && id <= BigInt(Number.MAX_SAFE_INTEGER) ? clinic.appointment(Number(id)) : undefined
  if (!record || record.linkId !== linkId || record.status === 'CANCELLED') {
    throw notFound('Booking not found')
  }
  return record
}

/** The v2 Booking DTO of an appointment as GET would build it when it works (spec §7.3). */
export function bookingDto(clinic: Clinic, record: AppointmentRecord): BookingDto {
  const customer = record.customer === null ? undefined : clinic.customer(record.customer)
  const format = (areaCode: string, number: string): string =>
    areaCode ? `(${areaCode}) ${number}` : number
  const nonFax = customer?.phones.filter((phone) => !phone.purposes.includes('FAX')) ?? []
  const phone = nonFax.find((item) => item.preferred) ?? nonFax[0]
  const mobile = customer?.phones.find((item) => item.purposes.includes('MOBILE'))
  const email = customer?.emails.find((item) => item.preferred) ?? customer?.emails[0]
  const patient =
    record.patient === null
      ? undefined
      : customer?.patients.find((item) => item.id === record.patient)
  return {
    location: clinic.schedule(record.schedule)?.location ?? 0,
    schedule: record.schedule,
    appointmentType: record.appointmentType,
    start: clinic.zone.format(record.start),
    end: clinic.zone.format(record.end),
    title: customer ? customer.title : null,
    firstName: customer ? customer.firstName : null,
    lastName: customer ? customer.lastName : null,
    email: customer ? (email?.address ?? '') : null,
    phone: customer ? (phone ? format(phone.areaCode, phone.number) : '') : null,
    mobile: customer ? (mobile ? format(mobile.areaCode, mobile.number) : '') : null,
    patientName: patient?.name ?? null,
    notes: null,
    user: record.clinician ?? 0,
  }
}

/** spec §7.4: only a pending appointment can be cancelled; it stays, with status CANCELLED. */
export function cancelBooking(
  clinic: Clinic,
  author: UserRecord,
  reference: string,
): AppointmentRecord {
  const record = findBooking(clinic, reference)
  if (record.status !== 'PENDING') throw badRequest('The booking must be pending to cancel')
  if (!author.bookingRole) throw accessDenied()
  record.status = 'CANCELLED'
  return record
}
