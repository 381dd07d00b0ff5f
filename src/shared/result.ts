import type { SlotSuggestion } from './domain'

/** Every way an IPC call can fail that the renderer must tell apart (closed: add a code here, not a string elsewhere). */
export type ErrorCode =
  | 'AUTH' // 401: wrong username or password, or the session was revoked
  | 'FORBIDDEN' // 403: the account lacks the Online Booking role
  | 'NOT_FOUND' // 404 with the server's message (booking not found or cancelled, unknown schedule…)
  | 'VALIDATION' // the request was refused before or by the server (400); may carry field errors
  | 'CONFLICT' // the time is already taken (server overlap check or our own free/busy check)
  | 'NOT_PENDING' // cancel refused: the appointment is no longer pending (checked in, completed…)
  | 'GET_DEFECT' // GET booking answered 500 for a valid reference: the known OpenVPMS defect
  | 'OUTCOME_UNKNOWN' // a booking was sent but no usable answer came back; it may or may not exist
  | 'IN_PROGRESS' // the same booking (or one for the same time) is already being sent from this desk
  | 'NETWORK' // host unreachable, connection refused or reset
  | 'TLS' // certificate or TLS handshake problem
  | 'TIMEOUT' // no answer within the time limit
  | 'NOT_OPENVPMS' // the address answers, but not as an OpenVPMS Booking API V2
  | 'INSECURE' // plain http to a non-loopback host without the user's explicit consent
  | 'SERVER' // 5xx or another unexpected status from the server
  | 'BAD_RESPONSE' // the server answered 2xx with a body that does not match the API
  | 'KEYCHAIN' // the OS keychain is unavailable or refused
  | 'NOT_CONNECTED' // no server is configured and the demo clinic is not running
  | 'STORAGE' // a file of this desk (the booking journal) cannot be read just now
  | 'UNEXPECTED' // a bug: logged in main, never sent with a stack

/** A problem with one field of a request, shown beside that field. */
export interface FieldError {
  readonly field: string
  readonly message: string
}

/** A failure that crosses IPC as a value: a code to branch on and a sentence to show a receptionist. */
export interface AppError {
  readonly code: ErrorCode
  readonly message: string
  /** VALIDATION: per-field problems, keyed by the request's field names. */
  readonly fieldErrors?: readonly FieldError[]
  /** The server's own text (400/404 bodies), when there was one. */
  readonly serverMessage?: string
  /** CONFLICT: the nearest free times for the same type (and clinician), so the caller can pick another. */
  readonly alternatives?: readonly SlotSuggestion[]
}

/** What every IPC channel resolves to: expected failures are values, never thrown. */
export type Result<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: AppError }

/** Wraps a success. */
export const ok = <T>(data: T): Result<T> => ({ ok: true, data })

/** Wraps a failure. */
export const fail = <T = never>(
  code: ErrorCode,
  message: string,
  extra: Omit<AppError, 'code' | 'message'> = {},
): Result<T> => ({ ok: false, error: { code, message, ...extra } })

/** Thrown inside main-process services to carry an AppError up to the IPC boundary. */
export class AppFailure extends Error {
  constructor(readonly error: AppError) {
    super(error.message)
    this.name = 'AppFailure'
  }
}

// Whether asking again, unchanged, can give another answer. Every code is decided here, so a new code must be too.
const retryHelpsFor: Readonly<Record<ErrorCode, boolean>> = {
  AUTH: false, // the password is needed first
  FORBIDDEN: false, // an administrator must give the account the role
  NOT_FOUND: false,
  VALIDATION: false,
  CONFLICT: false,
  NOT_PENDING: false,
  GET_DEFECT: false, // the server fails the same way every time (spec §11.1)
  OUTCOME_UNKNOWN: false, // a booking is never sent twice: it may already exist
  IN_PROGRESS: false, // the same booking is on its way: its answer comes first
  NETWORK: true,
  TLS: false, // the certificate must be fixed first
  TIMEOUT: true,
  NOT_OPENVPMS: false,
  INSECURE: false,
  SERVER: true,
  STORAGE: true, // the journal file may be readable again (a lock released)
  BAD_RESPONSE: true,
  KEYCHAIN: false,
  NOT_CONNECTED: false, // the password is needed first
  UNEXPECTED: true,
}

/** Whether trying the same request again can help: the one place that decides it. */
export const retryHelps = (code: ErrorCode): boolean => retryHelpsFor[code]

/**
 * The codes that mean the server could not be reached at all (no answer, or none in time): the one definition the
 * offline board (show the day as last loaded, keep trying) and the top bar ("Cannot reach …") both follow. A TLS
 * failure is not one: the server answered, and its certificate must be fixed first.
 */
export const UNREACHABLE_CODES: readonly ErrorCode[] = ['NETWORK', 'TIMEOUT']

/** Whether a failure says the server could not be reached at all (UNREACHABLE_CODES). */
export const isUnreachable = (code: ErrorCode): boolean => UNREACHABLE_CODES.includes(code)
