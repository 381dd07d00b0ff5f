// The main process's only way to talk to OpenVPMS: the Online Booking API V2 (spec: openvpms-booking-api-v2.md).
import type { z } from 'zod'
import type { AppointmentType, Clinician, Instant, Location, Range } from '../../shared/domain'
import { AppFailure } from '../../shared/result'
import {
  badResponse,
  invalidReference,
  isHtml,
  notOpenVpms,
  outcomeUnknown,
  unexpected,
} from './errors'
import type { HttpAnswer } from './errors'
import { ApiHttp } from './http'
import type { LogLevel } from './http'
import {
  appointmentTypeSchema,
  bookingSchema,
  formatWireInstant,
  freeBusySchema,
  listOf,
  locationSchema,
  rangeSchema,
  rangesOf,
  scheduleRangeSchema,
  scheduleSchema,
  userFreeBusySchema,
  userSchema,
} from './wire'

export { normaliseServerUrl } from './server-url'

/** Where and as whom the client connects, and how patient it is. */
export interface ClientConfig {
  /** Normalised …/openvpms/ws/booking/v2 (no trailing slash): see normaliseServerUrl. */
  baseUrl: string
  username: string
  /** Used only to build the Authorization header; never logged, never in errors. */
  password: string
  /** Per attempt; default 10 000. */
  timeoutMs?: number
  /** Extra attempts for idempotent GETs only; default 2 (backoff 200 ms × 2^n). */
  retries?: number
  /** Plain http to a non-loopback host is refused (INSECURE) unless true. */
  allowInsecure?: boolean
  /** Never given the Authorization header or the password. */
  log?: (level: LogLevel, message: string) => void
}

/** A schedule as the API lists it, before its appointment types are loaded. */
export interface ScheduleInfo {
  id: number
  name: string
  /** Minutes. */
  slotSize: number
}

/** A clinician's free or busy range on one schedule. */
export interface ScheduleRange extends Range {
  scheduleId: number
}

/** The body of POST /bookings (spec §2 Booking v2). */
export interface WireBookingRequest {
  location: number
  schedule: number
  appointmentType: number
  start: Instant
  end: Instant
  title: string | null
  firstName: string
  lastName: string
  email: string | null
  phone: string | null
  mobile: string | null
  patientName: string | null
  notes: string | null
  /** null = no particular clinician. */
  user: number | null
}

/** A booking as GET /bookings/{reference} returns it (spec §7.3: contacts come from the customer record). */
export interface WireBooking {
  location: number
  schedule: number
  appointmentType: number
  start: Instant
  end: Instant
  title: string | null
  firstName: string | null
  lastName: string | null
  email: string | null
  phone: string | null
  mobile: string | null
  patientName: string | null
  notes: string | null
  /** The server's 0 (no clinician) becomes null. */
  user: number | null
}

/** Free and busy options for schedule queries. */
export interface FreeBusyOptions {
  /**
   * spec §5.5: cut ranges into whole slots (partial slots vanish from both lists). The desk itself never asks: on a
   * daylight-saving change day the server's rounded slots are off by the change (slots.ts computes starts instead).
   */
  slots?: boolean
}

const DEFAULT_TIMEOUT_MS = 10_000
const DEFAULT_RETRIES = 2
const MAX_REFERENCE_LENGTH = 200

/** A typed client of one OpenVPMS server's Online Booking API V2; every failure is thrown as an AppFailure. */
export class OpenVpmsClient {
  readonly #http: ApiHttp

  constructor(config: ClientConfig) {
    this.#http = new ApiHttp({
      baseUrl: config.baseUrl.replace(/\/+$/, ''),
      username: config.username,
      password: config.password,
      timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      retries: config.retries ?? DEFAULT_RETRIES,
      allowInsecure: config.allowInsecure ?? false,
      log: config.log ?? (() => undefined),
    })
  }

  /** spec §3.1: the locations that take online bookings (may be empty). */
  async listLocations(): Promise<Location[]> {
    return this.#getJson('/locations', listOf(locationSchema))
  }

  /** spec §3.1. */
  async getLocation(id: number): Promise<Location> {
    return this.#getJson(`/locations/${idSegment(id)}`, locationSchema)
  }

  /** spec §3.1: includes inactive schedules; order unspecified. */
  async listSchedules(locationId: number): Promise<ScheduleInfo[]> {
    return this.#getJson(`/locations/${idSegment(locationId)}/schedules`, listOf(scheduleSchema))
  }

  /** spec §3.2. */
  async getSchedule(id: number): Promise<ScheduleInfo> {
    return this.#getJson(`/schedules/${idSegment(id)}`, scheduleSchema)
  }

  /** spec §3.2: the online-bookable types with their slot counts on this schedule. */
  async listAppointmentTypes(scheduleId: number): Promise<AppointmentType[]> {
    return this.#getJson(
      `/schedules/${idSegment(scheduleId)}/appointmentTypes`,
      listOf(appointmentTypeSchema),
    )
  }

  /** spec §3.1: online-bookable users at the location (not only clinicians), sorted by name. */
  async listLocationUsers(locationId: number): Promise<Clinician[]> {
    return this.#getJson(`/locations/${idSegment(locationId)}/users`, listOf(userSchema))
  }

  /** spec §3.3. */
  async getUser(id: number): Promise<Clinician> {
    return this.#getJson(`/users/${idSegment(id)}`, userSchema)
  }

  /** spec §3.3: the user's online-booking locations. */
  async listUserLocations(userId: number): Promise<Location[]> {
    return this.#getJson(`/users/${idSegment(userId)}/locations`, listOf(locationSchema))
  }

  /** spec §3.3. */
  async getUserLocation(userId: number, locationId: number): Promise<Location> {
    return this.#getJson(
      `/users/${idSegment(userId)}/locations/${idSegment(locationId)}`,
      locationSchema,
    )
  }

  /** spec §3.2, §5: the schedule's free time within its opening hours. */
  async scheduleFree(
    id: number,
    from: Instant,
    to: Instant,
    opts?: FreeBusyOptions,
  ): Promise<Range[]> {
    return this.#getJson(scheduleQuery(id, 'free', from, to, opts), rangesOf(rangeSchema))
  }

  /** spec §3.2, §5: the schedule's busy time (appointments and calendar blocks). */
  async scheduleBusy(
    id: number,
    from: Instant,
    to: Instant,
    opts?: FreeBusyOptions,
  ): Promise<Range[]> {
    return this.#getJson(scheduleQuery(id, 'busy', from, to, opts), rangesOf(rangeSchema))
  }

  /** spec §3.2, §5: free and busy in one call. */
  async scheduleFreeBusy(
    id: number,
    from: Instant,
    to: Instant,
    opts?: FreeBusyOptions,
  ): Promise<{ free: Range[]; busy: Range[] }> {
    return this.#getJson(scheduleQuery(id, 'freebusy', from, to, opts), freeBusySchema)
  }

  /** spec §3.3, §6: the clinician's rostered free time at the location, per schedule. */
  async userFree(
    userId: number,
    locationId: number,
    from: Instant,
    to: Instant,
  ): Promise<ScheduleRange[]> {
    return this.#getJson(
      userQuery(userId, locationId, 'free', from, to),
      rangesOf(scheduleRangeSchema),
    )
  }

  /** spec §3.3, §6: the clinician's busy time (may extend beyond [from, to], spec §6.5). */
  async userBusy(
    userId: number,
    locationId: number,
    from: Instant,
    to: Instant,
  ): Promise<ScheduleRange[]> {
    return this.#getJson(
      userQuery(userId, locationId, 'busy', from, to),
      rangesOf(scheduleRangeSchema),
    )
  }

  /** spec §3.3, §6: free and busy in one call. */
  async userFreeBusy(
    userId: number,
    locationId: number,
    from: Instant,
    to: Instant,
  ): Promise<{ user: number; free: ScheduleRange[]; busy: ScheduleRange[] }> {
    return this.#getJson(userQuery(userId, locationId, 'freebusy', from, to), userFreeBusySchema)
  }

  /** spec §7.1, §7.2: books and resolves with the reference exactly as the server sent it. Never retried. */
  async createBooking(booking: WireBookingRequest): Promise<string> {
    const answer = await this.#http.send({
      method: 'POST',
      path: '/bookings',
      body: JSON.stringify(bookingBody(booking)),
    })
    return referenceFrom(answer)
  }

  /**
   * spec §7.3: looks a booking up. The latest known OpenVPMS answers 500 for every live booking (GET_DEFECT),
   * and never returns the notes or the name of a new customer.
   */
  async getBooking(reference: string): Promise<WireBooking> {
    return this.#getJson(`/bookings/${referenceSegment(reference)}`, bookingSchema)
  }

  /** spec §7.4: cancels a PENDING booking (NOT_PENDING otherwise; NOT_FOUND once cancelled). Never retried. */
  async cancelBooking(reference: string): Promise<void> {
    await this.#http.send({ method: 'DELETE', path: `/bookings/${referenceSegment(reference)}` })
  }

  // A body that arrived whole but is not JSON would come back the same: it is never asked for again. A body cut
  // short on the way is a network failure, which ApiHttp already retries for a GET.
  async #getJson<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> {
    const answer = await this.#http.send({ method: 'GET', path })
    return decodeJson(answer, schema)
  }
}

/** Checks a 2xx JSON answer against its schema (STYLE: every response is validated before it is used). */
function decodeJson<S extends z.ZodType>(answer: HttpAnswer, schema: S): z.output<S> {
  if (isHtml(answer)) throw new AppFailure(notOpenVpms())
  let json: unknown
  try {
    json = JSON.parse(answer.body)
  } catch {
    throw new AppFailure(badResponse('not JSON'))
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue === undefined || issue.path.length === 0 ? 'body' : issue.path.join('.')
    throw new AppFailure(badResponse(`${where}: ${issue?.message ?? 'invalid'}`))
  }
  return parsed.data
}

/** spec §7.2: 201 with a text/plain reference; servers before OVPMS-1981 labelled the same text application/json. */
/** Parts of letters, digits, `-`, `_` and `.`, joined by colons: no quotes, brackets, spaces or slashes. */
const REFERENCE_FORM = /^[\w.-]+(?::[\w.-]+)+$/

function referenceFrom(answer: HttpAnswer): string {
  // A 2xx web page (a portal or proxy in front of the server) may have passed the booking on: unknown, as below.
  if (isHtml(answer)) throw new AppFailure(outcomeUnknown())
  let reference = answer.body.trim()
  if (answer.mediaType === 'application/json' && reference.startsWith('"')) {
    try {
      const quoted: unknown = JSON.parse(reference)
      if (typeof quoted === 'string') reference = quoted
    } catch {
      // Not a JSON string after all: checked as plain text below.
    }
  }
  // spec §7.2: 201 and `<id>:<uuid>` (older servers: `<id>:<customer>:<uuid>`). Anything else — a 200 page, a
  // body cut short — may still have booked: the caller must treat the outcome as unknown and check the time.
  if (
    answer.status !== 201 ||
    reference.length > MAX_REFERENCE_LENGTH ||
    !REFERENCE_FORM.test(reference)
  ) {
    throw new AppFailure(outcomeUnknown())
  }
  return reference
}

/** spec §1.5, §7.1: unknown properties are refused, `user` is omitted when null, empty optional text is null. */
function bookingBody(booking: WireBookingRequest): Record<string, unknown> {
  idSegment(booking.location, 'location')
  idSegment(booking.schedule, 'schedule')
  idSegment(booking.appointmentType, 'appointmentType')
  if (booking.user !== null) idSegment(booking.user, 'user')
  return {
    location: booking.location,
    schedule: booking.schedule,
    appointmentType: booking.appointmentType,
    // spec §1.4: body dates need milliseconds; toISOString() always has them.
    start: instantParam(booking.start, 'start'),
    end: instantParam(booking.end, 'end'),
    title: optionalText(booking.title),
    firstName: booking.firstName,
    lastName: booking.lastName,
    email: optionalText(booking.email),
    phone: optionalText(booking.phone),
    mobile: optionalText(booking.mobile),
    patientName: optionalText(booking.patientName),
    notes: optionalText(booking.notes),
    ...(booking.user === null ? {} : { user: booking.user }),
  }
}

function optionalText(value: string | null): string | null {
  return value === null || value.trim() === '' ? null : value
}

function scheduleQuery(
  id: number,
  kind: 'free' | 'busy' | 'freebusy',
  from: Instant,
  to: Instant,
  opts: FreeBusyOptions | undefined,
): string {
  const slots = opts?.slots === true ? '&slots=true' : ''
  return `/schedules/${idSegment(id)}/${kind}?${rangeQuery(from, to)}${slots}`
}

function userQuery(
  userId: number,
  locationId: number,
  kind: 'free' | 'busy' | 'freebusy',
  from: Instant,
  to: Instant,
): string {
  return `/users/${idSegment(userId)}/locations/${idSegment(locationId)}/${kind}?${rangeQuery(from, to)}`
}

// spec §1.4: a raw `+` in a query decodes to a space; UTC `Z` avoids it, and encoding covers the rest.
function rangeQuery(from: Instant, to: Instant): string {
  const param = (value: Instant, name: string): string =>
    encodeURIComponent(instantParam(value, name))
  return `from=${param(from, 'from')}&to=${param(to, 'to')}`
}

function instantParam(value: Instant, name: string): string {
  if (!Number.isFinite(value)) throw new AppFailure(unexpected(`${name} is not a time`))
  return formatWireInstant(value)
}

// spec §3: ids are Java longs; anything else would reach the container's HTML 404 and look like the wrong server.
function idSegment(id: number, name = 'id'): string {
  if (!Number.isSafeInteger(id) || id <= 0)
    throw new AppFailure(unexpected(`${name} ${id} is not an id`))
  return String(id)
}

/**
 * References are opaque (`391:<uuid>`, or the seed guide's `603:3:<uuid>`) and sent exactly as typed; the colon is
 * legal in a path segment and stays readable, the rest is percent-encoded (spec §7.3: the server path-decodes).
 */
function referenceSegment(reference: string): string {
  if (reference === '') {
    throw new AppFailure({
      code: 'VALIDATION',
      message: 'Enter a booking reference.',
      fieldErrors: [{ field: 'reference', message: 'Enter a booking reference.' }],
    })
  }
  // A URL treats `.` and `..` segments (encoded or not) as "this" and "parent" folder: the request would reach
  // another resource (`..` → the API root, a DELETE included). Neither has the colon a reference needs (spec §7.3).
  if (reference === '.' || reference === '..') throw new AppFailure(invalidReference())
  return encodeURIComponent(reference).replace(/%3A/gi, ':')
}
