// How every way a Booking API V2 call can fail becomes one closed ErrorCode and a sentence a receptionist can act on.
import type { AppError, FieldError } from '../../shared/result'
import type { SendPhase } from './sent-tracker'
import { formatBytes, MAX_RESPONSE_BYTES } from './body'

/** The parts of a request that decide what its failure means. */
export interface FailedRequest {
  readonly method: 'GET' | 'POST' | 'DELETE'
  /** The API path below the base URL, e.g. `/bookings/391:…`. */
  readonly path: string
  /** Shown in network messages so the user knows which server was tried. */
  readonly host: string
}

/** A complete HTTP answer, body already read as text. */
export interface HttpAnswer {
  readonly status: number
  /** Lower-cased media type without parameters, '' when absent. */
  readonly mediaType: string
  readonly body: string
}

const MAX_SERVER_MESSAGE = 1000

/** True when a body is a web page (a container or proxy error page, or another site altogether). */
export function isHtml(answer: HttpAnswer): boolean {
  return answer.mediaType.includes('html') || /^\s*</.test(answer.body)
}

/** The server's own text when it sent plain text (spec §1.3: the service's errors are text/plain); never HTML. */
function serverText(answer: HttpAnswer): string | undefined {
  if (answer.mediaType !== 'text/plain' || isHtml(answer)) return undefined
  const trimmed = answer.body.trim()
  if (trimmed === '') return undefined
  return trimmed.length > MAX_SERVER_MESSAGE ? `${trimmed.slice(0, MAX_SERVER_MESSAGE)}…` : trimmed
}

/** The first line of a server message, short enough for a banner (Jackson messages run on: spec §1.3). */
function headline(serverMessage: string): string {
  const first = serverMessage.split('\n')[0] ?? serverMessage
  return first.length > 200 ? `${first.slice(0, 200)}…` : first
}

function error(
  code: AppError['code'],
  message: string,
  serverMessage?: string,
  fieldErrors?: readonly FieldError[],
): AppError {
  return {
    code,
    message,
    ...(serverMessage === undefined ? {} : { serverMessage }),
    ...(fieldErrors === undefined ? {} : { fieldErrors }),
  }
}

const NOT_OPENVPMS_MESSAGE =
  'That address answers, but not as an OpenVPMS Online Booking API V2: check the server address.'

/** True for GET /bookings/{reference}, the one call with a known server defect (spec §7.3). */
export function isGetBooking(request: FailedRequest): boolean {
  return request.method === 'GET' && /^\/bookings\/[^/]+$/.test(request.path)
}

/** Maps a non-2xx answer to an AppError (spec §1.3, §3, §7, §8). */
export function errorForStatus(request: FailedRequest, answer: HttpAnswer): AppError {
  const serverMessage = serverText(answer)
  const { status } = answer

  if (status === 401) {
    // spec §8: the body is a container page; the only remedy is other credentials.
    return error('AUTH', 'OpenVPMS refused the username or password: check them and sign in again.')
  }
  if (status === 403) {
    return error(
      'FORBIDDEN',
      'This account lacks the Online Booking role: ask your OpenVPMS administrator to add it.',
      serverMessage,
    )
  }
  if (status === 404) return notFound(serverMessage)
  if (status === 400) return badRequest(serverMessage)
  if (status === 500 && isGetBooking(request)) {
    // spec §7.3: every GET of a valid, live reference fails with 500 in the latest known source.
    return error(
      'GET_DEFECT',
      'The server cannot show this booking — a known OpenVPMS defect. It still exists; check the appointment book.',
    )
  }
  if (request.method === 'POST' && status >= 500) {
    // A 5xx says nothing about whether the booking was saved: a gateway that gave up (502, 504, Cloudflare's 52x)
    // may have forwarded it already, and the server itself may fail after its save (a 500 or 503 on the way out).
    return outcomeUnknown()
  }
  if (status >= 500) {
    return error(
      'SERVER',
      `The OpenVPMS server had a problem (HTTP ${status}). Try again; if it keeps happening, tell the administrator.`,
      serverMessage,
    )
  }
  return error(
    'SERVER',
    `The OpenVPMS server answered unexpectedly (HTTP ${status}). Check that the address is the Booking API V2.`,
    serverMessage,
  )
}

const NOT_FOUND_MESSAGES: Readonly<Record<string, string>> = {
  'Booking not found':
    'No booking with that reference: it may have been cancelled or never existed.',
  'Practice location not found':
    'That location is not available for online booking in OpenVPMS (it may have been removed).',
  'Schedule not found': 'That schedule no longer exists in OpenVPMS.',
  'User not found': 'That clinician is not available for online booking in OpenVPMS.',
  'Location not found': 'That clinician is not available for online booking at this location.',
}

function notFound(serverMessage: string | undefined): AppError {
  // spec §1.3: an HTML 404 is the container's (wrong path, wrong server); Jersey's own text for an unknown
  // resource means the address reaches a Jersey app that lacks this endpoint, so it is not V2 either.
  if (serverMessage === undefined || serverMessage === 'HTTP 404 Not Found') {
    return error('NOT_OPENVPMS', NOT_OPENVPMS_MESSAGE)
  }
  const known = NOT_FOUND_MESSAGES[serverMessage]
  return error(
    'NOT_FOUND',
    known ?? `OpenVPMS could not find that: ${headline(serverMessage)}`,
    serverMessage,
  )
}

const INVALID_REFERENCE_MESSAGE =
  'That is not a booking reference: a reference looks like 391:a98f02c9-1a4b-11e6-….'

/** A reference that can never be valid (spec §7.3 wants `<id>:<linkId>`), refused without asking the server. */
export function invalidReference(): AppError {
  return error('VALIDATION', INVALID_REFERENCE_MESSAGE, undefined, [
    { field: 'reference', message: INVALID_REFERENCE_MESSAGE },
  ])
}

interface KnownRefusal {
  readonly pattern: RegExp
  readonly message: string
  readonly field?: string
}

// spec §7.1 texts, in validation order; fields are BookingDraft's names so the form can mark them.
const BAD_REQUEST_MESSAGES: readonly KnownRefusal[] = [
  {
    pattern: /^Cannot make a booking in the past$/,
    message: 'That time has already passed: choose a time in the future.',
    field: 'start',
  },
  {
    pattern: /^Booking start must be less than end$/,
    message: 'The appointment must end after it starts.',
    field: 'end',
  },
  {
    pattern: /^Schedule not found: /,
    message: 'That schedule no longer exists in OpenVPMS.',
    field: 'scheduleId',
  },
  {
    pattern: /^Schedule is not available at location /,
    message: 'That schedule does not belong to this location.',
    field: 'scheduleId',
  },
  {
    pattern: /^Appointment Type not found: /,
    message: 'That appointment type no longer exists in OpenVPMS.',
    field: 'appointmentTypeId',
  },
  {
    pattern: /^Booking start is not on a slot boundary$/,
    message: "The start time does not fall on one of the schedule's slots.",
    field: 'start',
  },
  {
    pattern: /^Booking end is not on a slot boundary$/,
    message: "The end time does not fall on one of the schedule's slots.",
    field: 'end',
  },
  {
    pattern: /^'firstName' is a required field$/,
    message: "Enter the customer's first name.",
    field: 'firstName',
  },
  {
    pattern: /^'lastName' is a required field$/,
    message: "Enter the customer's last name.",
    field: 'lastName',
  },
  {
    pattern: /^User not found: /,
    message: 'That clinician no longer exists in OpenVPMS.',
    field: 'clinicianId',
  },
  {
    pattern: /^Invalid booking reference$/,
    message: INVALID_REFERENCE_MESSAGE,
    field: 'reference',
  },
  {
    pattern: /^Schedule is not available for online booking$/,
    message: 'That schedule is not open for online booking in OpenVPMS.',
  },
]

function badRequest(serverMessage: string | undefined): AppError {
  if (serverMessage === undefined) {
    return error('VALIDATION', 'OpenVPMS refused the request as invalid.')
  }
  // spec §7.1 step 12: the time overlaps another appointment on the schedule.
  if (serverMessage.startsWith('An appointment is already scheduled for')) {
    return error(
      'CONFLICT',
      'That time is already booked on this schedule: choose another time.',
      serverMessage,
    )
  }
  // spec §7.4: only PENDING appointments can be cancelled through the API.
  if (serverMessage === 'The booking must be pending to cancel') {
    return error(
      'NOT_PENDING',
      'This booking can no longer be cancelled here: the patient may have arrived. Change it in OpenVPMS instead.',
      serverMessage,
    )
  }
  const known = BAD_REQUEST_MESSAGES.find((refusal) => refusal.pattern.test(serverMessage))
  if (known === undefined) {
    return error(
      'VALIDATION',
      `OpenVPMS refused the request: ${headline(serverMessage)}`,
      serverMessage,
    )
  }
  const fieldErrors =
    known.field === undefined ? undefined : [{ field: known.field, message: known.message }]
  return error('VALIDATION', known.message, serverMessage, fieldErrors)
}

/** A 2xx answer that is a web page: some other site, or a login portal in front of the server. */
export function notOpenVpms(): AppError {
  return error('NOT_OPENVPMS', NOT_OPENVPMS_MESSAGE)
}

/** A 2xx answer whose body does not match the API's schema; `detail` (cut short) says where. */
export function badResponse(detail?: string): AppError {
  const where =
    detail === undefined ? '' : ` (${detail.length > 160 ? `${detail.slice(0, 160)}…` : detail})`
  return error(
    'BAD_RESPONSE',
    `The server's answer does not match the OpenVPMS Booking API V2${where}.`,
  )
}

/** An answer past the size the desk reads (MAX_RESPONSE_BYTES): refused, not retried, whatever it held. */
export function answerTooLarge(bytes: number, declared: boolean): AppError {
  const size = declared ? formatBytes(bytes) : `more than ${formatBytes(MAX_RESPONSE_BYTES)}`
  return error(
    'BAD_RESPONSE',
    `The server's answer is too large (${size}; the desk reads at most ${formatBytes(MAX_RESPONSE_BYTES)}): it is not an answer the OpenVPMS Booking API V2 gives.`,
  )
}

/** A booking that was (or may have been) sent without a usable answer. */
export function outcomeUnknown(): AppError {
  return error(
    'OUTCOME_UNKNOWN',
    'The booking was sent but no usable answer came back, so it may or may not have been made: check the appointment book before booking again.',
  )
}

/** A redirect the client will not follow (spec: the Authorization header never leaves the origin). */
export function refusedRedirect(target: string | null): AppError {
  const where = target === null ? '' : ` to ${target}`
  return error(
    'NOT_OPENVPMS',
    `The server redirected the request${where}. If that is the clinic's server, enter that address instead.`,
  )
}

/** Too many same-origin redirects. */
export function tooManyRedirects(): AppError {
  return error(
    'NOT_OPENVPMS',
    `The server keeps redirecting the request: check the server address.`,
  )
}

/** Plain http to a host outside this computer without the user's consent. */
export function insecure(host: string): AppError {
  return error(
    'INSECURE',
    `The address for ${host} uses plain http, which would send the password unencrypted: use https, or allow insecure connections for this server.`,
  )
}

/** A caller passed a value the API cannot express (a bug, not a user error). */
export function unexpected(detail: string): AppError {
  return error('UNEXPECTED', `Something went wrong in Front Desk (${detail}).`)
}

/** Node/undici error codes that mean the request never left this computer. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
])

/** Collects every `code` on an error, its causes and (for Happy Eyeballs) its aggregated errors. */
export function errorCodes(thrown: unknown): string[] {
  const codes: string[] = []
  const seen = new Set<unknown>()
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return
    seen.add(value)
    const record = value as { code?: unknown; cause?: unknown; errors?: unknown }
    if (typeof record.code === 'string') codes.push(record.code)
    visit(record.cause)
    if (Array.isArray(record.errors)) record.errors.forEach(visit)
  }
  visit(thrown)
  return codes
}

/** What a receptionist is told for the common socket errors (the raw code means nothing at a front desk). */
const NETWORK_REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'nothing is accepting connections at that address and port',
  ENOTFOUND: 'the server name is unknown',
  EAI_AGAIN: 'the server name could not be looked up',
  EHOSTUNREACH: 'the server cannot be reached from this computer',
  ENETUNREACH: 'this computer has no network route to it',
  EADDRNOTAVAIL: 'the address is not available from this computer',
  ECONNRESET: 'the connection was cut',
  EPIPE: 'the connection was cut',
  UND_ERR_SOCKET: 'the connection was cut',
  UND_ERR_CLOSED: 'the connection was cut',
}

function networkReason(codes: readonly string[]): string {
  const reason = codes.map((code) => NETWORK_REASONS[code]).find((text) => text !== undefined)
  return reason === undefined ? '' : ` (${reason})`
}

function isTlsCode(code: string): boolean {
  return /CERT|SSL|TLS|EPROTO/.test(code)
}

/**
 * Maps a failed fetch (no HTTP answer, or the answer broke off) to NETWORK, TLS, TIMEOUT or OUTCOME_UNKNOWN;
 * `phase` says whether the request's headers were known to have been sent (see sent-tracker).
 */
export function errorForException(
  request: FailedRequest,
  thrown: unknown,
  timedOut: boolean,
  phase: SendPhase = 'unknown',
): AppError {
  const codes = errorCodes(thrown)
  if (!timedOut && codes.some(isTlsCode)) {
    return error(
      'TLS',
      `The secure connection to ${request.host} failed (${codes.find(isTlsCode)}): the server's certificate is not trusted by this computer, or the server does not use https on that port.`,
    )
  }
  const neverSent = phase === 'not-sent' || (!timedOut && codes.some((code) => NOT_SENT.has(code)))
  // Without proof the request never left, a POST may have reached the server and made the booking.
  if (request.method === 'POST' && !neverSent) return outcomeUnknown()
  if (timedOut) {
    return error(
      'TIMEOUT',
      `The OpenVPMS server at ${request.host} did not answer in time: it may be busy or unreachable. Try again.`,
    )
  }
  return error(
    'NETWORK',
    `Could not reach the OpenVPMS server at ${request.host}${networkReason(codes)}: check the network connection and the server address.`,
  )
}
