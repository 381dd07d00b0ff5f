// Domain types shared by main, preload and renderer. Instants are epoch milliseconds (zone-free);
// calendar days are ISO dates (yyyy-MM-dd) in the location's time zone.
import type { BookingDraft } from './booking-draft'

export type { BookingDraft } from './booking-draft'

/** Epoch milliseconds. */
export type Instant = number

/** A calendar day, `yyyy-MM-dd`, in the location's time zone. */
export type IsoDate = string

/** A half-open time range [start, end). */
export interface Range {
  readonly start: Instant
  readonly end: Instant
}

/** A practice location that takes online bookings. */
export interface Location {
  readonly id: number
  readonly name: string
  /** IANA zone of the OpenVPMS server: every day boundary and slot is computed in it. */
  readonly timeZone: string
}

/** A bookable appointment type as configured on one schedule. */
export interface AppointmentType {
  readonly id: number
  readonly name: string
  /** Slots this type occupies on its schedule: duration = slots × the schedule's slotSize. */
  readonly slots: number
}

/** A schedule (a column of the appointment book) with the types that can be booked on it. */
export interface Schedule {
  readonly id: number
  readonly name: string
  /** Minutes. */
  readonly slotSize: number
  readonly appointmentTypes: readonly AppointmentType[]
}

/** A user who can be booked as the clinician. */
export interface Clinician {
  readonly id: number
  readonly name: string
}

/** Everything the board needs about a location, loaded in one call and cached in main. */
export interface LocationDetails {
  readonly location: Location
  readonly schedules: readonly Schedule[]
  readonly clinicians: readonly Clinician[]
}

/** Free and busy time of one schedule over one day. */
export interface ScheduleDay {
  readonly scheduleId: number
  readonly free: readonly Range[]
  readonly busy: readonly Range[]
}

/** One clinician over one day: the raw roster answer per schedule, and what is really bookable. */
export interface ClinicianDay {
  readonly clinicianId: number
  /** Per schedule id: the server's free ranges for this clinician on that schedule. */
  readonly free: Readonly<Record<number, readonly Range[]>>
  /** The clinician's busy time, merged across every schedule (they cannot be in two places). */
  readonly busy: readonly Range[]
  /**
   * Per schedule id: their free on it, minus the schedule's busy, minus their busy anywhere
   * (the seed guide's rule). This is what the overlay draws and what booking allows.
   */
  readonly available: Readonly<Record<number, readonly Range[]>>
}

/** A day of a location's board. */
export interface DayView {
  readonly locationId: number
  readonly date: IsoDate
  readonly timeZone: string
  /** Local midnight to next local midnight (23 or 25 hours on DST days). */
  readonly bounds: Range
  readonly schedules: readonly ScheduleDay[]
  readonly clinicians: readonly ClinicianDay[]
  /** When main received the answers. */
  readonly loadedAt: Instant
  /**
   * Set when the server could not be reached and this is the day as last loaded (as of `loadedAt`), kept in memory
   * or in the user-data folder: the board shows it read-only, since its free time may have been taken since.
   */
  readonly offline?: OfflineNote
}

/** Why a day is shown from what the desk kept, not from the server. */
export interface OfflineNote {
  /** When the server was first found unreachable (this time round). */
  readonly since: Instant
  /** What went wrong, in the client's words (e.g. "Cannot reach clinic.example.com: connection refused"). */
  readonly reason: string
}

/** One day of the fortnight strip: how much bookable time is left on it. */
export interface DaySummary {
  readonly date: IsoDate
  /** No shown schedule opens that day (spec §5.1: outside the opening hours is neither free nor busy). */
  readonly closed: boolean
  /** Whole free slots still ahead (never the past), summed over the schedules, or the chosen clinician's. */
  readonly freeMinutes: number
  /** Opening time still ahead (free or booked), summed the same way: what `freeMinutes` is a share of. */
  readonly openMinutes: number
}

/** Days of a location's book at a glance, for the shown schedules or one clinician. */
export interface Fortnight {
  readonly locationId: number
  readonly timeZone: string
  /** null = the schedules' own free time; else that clinician's real availability on them. */
  readonly clinicianId: number | null
  readonly days: readonly DaySummary[]
  /** When main had the answers. */
  readonly loadedAt: Instant
}

/** A booking the server accepted. */
export interface BookingConfirmation {
  /** Opaque: `<id>:<uuid>` (or a 3-part form from older servers); shown and sent exactly as received. */
  readonly reference: string
  readonly draft: BookingDraft
  readonly createdAt: Instant
}

/** A booking as looked up by reference. */
export interface BookingDetails {
  readonly reference: string
  readonly locationId: number
  readonly scheduleId: number
  readonly appointmentTypeId: number
  readonly start: Instant
  readonly end: Instant
  readonly title: string | null
  readonly firstName: string | null
  readonly lastName: string | null
  readonly phone: string | null
  readonly mobile: string | null
  readonly email: string | null
  readonly patientName: string | null
  /** null = no clinician. */
  readonly clinicianId: number | null
  /**
   * 'server': the server's answer. 'journal': this desk's own copy of what was submitted, shown because the
   * server cannot show the booking (the GET defect).
   */
  readonly source: 'server' | 'journal'
  /** Notes are never returned by the server; present only from the journal. */
  readonly notes: string | null
  /** From this desk's journal: the course this booking belongs to. */
  readonly series?: SeriesLink
  /**
   * The names of its location, schedule, type and clinician as the server says now (its location's details), for a
   * booking at a location the board is not showing; absent when the server could not say.
   */
  readonly names?: BookingNames
}

/** What a looked-up booking is called: null for a schedule, type or clinician the location no longer lists. */
export interface BookingNames {
  readonly location: string
  readonly timeZone: string
  readonly schedule: string | null
  readonly appointmentType: string | null
  readonly clinician: string | null
}

/**
 * The names of what a journal entry booked, as the desk knew them when it sent it: the journal can then show any
 * day, location and schedule (in the location's own zone) without asking the server again.
 */
export interface JournalLabels {
  readonly location: string
  readonly timeZone: string
  readonly schedule: string
  readonly appointmentType: string
  /** null = any clinician. */
  readonly clinician: string | null
}

/** Where a booking stands in a course of appointments booked together (a series). */
export interface SeriesLink {
  readonly id: string
  /** 1 for the first appointment of the course. */
  readonly index: number
  /** Appointments in the course. */
  readonly count: number
}

/** One appointment of a course, checked before anything is sent. */
export interface SeriesOccurrenceCheck {
  readonly start: Instant
  readonly end: Instant
  readonly free: boolean
  /** Why it cannot be booked as asked (taken, closed, the clinician away); null when free. */
  readonly problem: string | null
  /** For a clash: the nearest bookable time that day (same schedule, type and clinician), if any. */
  readonly nearest: Range | null
}

/** How one appointment of a course ended when it was sent. */
export interface SeriesOccurrenceOutcome {
  readonly start: Instant
  readonly end: Instant
  /** 'unknown': sent, no answer; 'refused': the server said no; 'notSent': not sent after a stop. */
  readonly status: 'booked' | 'unknown' | 'refused' | 'notSent'
  readonly reference: string | null
  readonly message: string | null
}

/** A course as sent: its id and every appointment's outcome, in date order. */
export interface SeriesOutcome {
  readonly seriesId: string
  readonly draft: BookingDraft
  readonly occurrences: readonly SeriesOccurrenceOutcome[]
}

/** How cancelling a course from one of its appointments on went, appointment by appointment. */
export interface SeriesCancelOutcome {
  readonly occurrences: readonly {
    readonly reference: string
    readonly start: Instant
    /** 'gone': already cancelled or no longer there; 'notTried': not tried after a failure. */
    readonly status: 'cancelled' | 'gone' | 'failed' | 'notTried'
    readonly message: string | null
  }[]
}

/** One line of this desk's booking journal. */
export interface JournalEntry {
  readonly reference: string | null
  readonly draft: BookingDraft
  readonly submittedAt: Instant
  readonly outcome: 'booked' | 'cancelled' | 'failed' | 'unknown'
  readonly message: string | null
  /**
   * Set on an unanswered booking (outcome `unknown`) once this desk saw its time taken: probably this desk's own
   * booking (unconfirmed). When it was seen.
   */
  readonly seenTakenAt?: Instant
  /** Absent on entries written before the journal kept names. */
  readonly labels?: JournalLabels
  /** Set on the appointments of a course booked together. */
  readonly series?: SeriesLink
}

/** What a search of the journal found: at most the limit asked for, newest first, and how many matched. */
export interface JournalSearchResult {
  readonly entries: readonly JournalEntry[]
  readonly total: number
}

/** The names a suggestion is read out by: it must read whole wherever it is shown (another location's too). */
export interface SuggestionNames {
  readonly location: string
  readonly schedule: string
  readonly type: string
  /** null = any clinician. */
  readonly clinician: string | null
}

/** A bookable time found by next-available search (or offered after a clash). */
export interface SlotSuggestion {
  readonly locationId: number
  readonly scheduleId: number
  readonly appointmentTypeId: number
  readonly start: Instant
  readonly end: Instant
  /** The clinician asked for, when one was. */
  readonly clinicianId: number | null
  readonly names: SuggestionNames
}

/** One day of next-available results: the best few starts, ranked, and how many there are in all. */
export interface NextAvailableDay {
  /** In the suggestions' location zone. */
  readonly date: IsoDate
  readonly suggestions: readonly SlotSuggestion[]
  /** Every matching start that day, listed or not ("more" asks for them). */
  readonly total: number
}

/** What a next-available search found, with what it searched (so the desk shows the search that made it). */
export interface NextAvailableResult {
  readonly days: readonly NextAvailableDay[]
  /** First and last day searched (inclusive). */
  readonly from: IsoDate
  readonly to: IsoDate
  /** The locations searched, in practice order. */
  readonly locationIds: readonly number[]
}

/** What the renderer knows of the connection. Never a password. */
export interface SessionStatus {
  readonly mode: 'demo' | 'clinic' | 'none'
  /** Normalised base URL (…/ws/booking/v2); null while on the demo clinic. */
  readonly serverUrl: string | null
  readonly username: string | null
  readonly connected: boolean
  readonly keychain: 'available' | 'unavailable' | 'unknown'
  /** True when the password sits in the OS keychain; false when kept for this run only. */
  readonly passwordRemembered: boolean
  /** A sentence for the banner when something needs the user's attention (e.g. keychain unavailable). */
  readonly notice: string | null
}
