// The sandbox's clinic records: the implied OpenVPMS data model of spec §10, with instants as epoch millis.
import type { Instant } from './dates'

/** Statuses of an `act.customerAppointment` (spec §10). */
export const APPOINTMENT_STATUSES = [
  'PENDING',
  'CHECKED_IN',
  'IN_PROGRESS',
  'BILLED',
  'COMPLETED',
  'ADMITTED',
  'CANCELLED',
] as const

/** An appointment's workflow status. */
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number]

/** A `security.user`: the API login and clinicians alike. */
export interface UserRecord {
  readonly id: number
  name: string
  login: string
  password: string
  active: boolean
  onlineBooking: boolean
  clinician: boolean
  /** Linked practice locations; none means every location (spec §3.1, §3.3). */
  locations: number[]
  /** Holds the Online Booking role, i.e. may POST and DELETE (spec §8). */
  bookingRole: boolean
}

/** A practice location. */
export interface LocationRecord {
  readonly id: number
  name: string
  onlineBooking: boolean
}

/** An `entity.appointmentType`. */
export interface AppointmentTypeRecord {
  readonly id: number
  name: string
  onlineBooking: boolean
}

/** One weekday of `entity.onlineBookingTimesType`; times are seconds of the day. */
export interface DayHours {
  open: boolean
  start: number
  end: number
}

/** A `party.organisationSchedule`. */
export interface ScheduleRecord {
  readonly id: number
  name: string
  location: number | null
  active: boolean
  onlineBooking: boolean
  /** Minutes (HOURS are converted ×60 on load, spec §2). */
  slotSize: number
  /** Seconds of the day, or null for no bound (spec §5.1). */
  startTime: number | null
  endTime: number | null
  /** Monday first; null when the schedule has no online booking times linked. */
  onlineBookingTimes: DayHours[] | null
  appointmentTypes: { type: number; slots: number }[]
}

/** An `entity.rosterArea`. */
export interface RosterAreaRecord {
  readonly id: number
  location: number
  active: boolean
  schedules: number[]
}

/** An `act.rosterEvent`: a user working in a roster area. */
export interface RosterEventRecord {
  user: number
  area: number
  location: number
  start: Instant
  end: Instant
}

/** A phone contact. */
export interface PhoneRecord {
  areaCode: string
  number: string
  purposes: string[]
  sms: boolean
  preferred: boolean
}

/** A `party.customerperson` with contacts and patients. */
export interface CustomerRecord {
  readonly id: number
  title: string | null
  firstName: string
  lastName: string
  companyName: string | null
  active: boolean
  phones: PhoneRecord[]
  emails: { address: string; preferred: boolean }[]
  patients: { id: number; name: string; active: boolean }[]
}

/** An `act.customerAppointment`. */
export interface AppointmentRecord {
  readonly id: number
  readonly linkId: string
  schedule: number
  appointmentType: number
  start: Instant
  end: Instant
  status: AppointmentStatus
  customer: number | null
  patient: number | null
  clinician: number | null
  onlineBooking: boolean
  bookingNotes: string | null
}

/** An `act.calendarBlock`: always busy for schedule free/busy, ignored elsewhere (spec §10). */
export interface CalendarBlockRecord {
  readonly id: number
  schedule: number
  start: Instant
  end: Instant
}

/** A whole clinic, validated and resolved to instants. */
export interface ClinicData {
  timeZone: string
  now: Instant | null
  users: UserRecord[]
  locations: LocationRecord[]
  appointmentTypes: AppointmentTypeRecord[]
  schedules: ScheduleRecord[]
  rosterAreas: RosterAreaRecord[]
  rosterEvents: RosterEventRecord[]
  customers: CustomerRecord[]
  appointments: AppointmentRecord[]
  calendarBlocks: CalendarBlockRecord[]
}

/** What a generator adds to the clinic for one local day. */
export interface GeneratedDay {
  appointments: AppointmentRecord[]
  calendarBlocks: CalendarBlockRecord[]
  rosterEvents: RosterEventRecord[]
}

/** Produces believable days on demand (the seed clinic's living calendar). */
export interface DayGenerator {
  /** Whether this local day (`yyyy-MM-dd`) is generated. */
  covers(dayKey: string): boolean
  /** The day's content; must be the same for the same day, every time. */
  generate(dayKey: string): GeneratedDay
  /** The day an appointment id was generated for, if it is a generated id. */
  dayOfId(id: number): string | null
}
