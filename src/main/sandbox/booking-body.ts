// Reads a POST /bookings body the way Jersey's Jackson 2.8 provider would (spec §1.4, §1.5): the same coercions
// and rejections, with Jackson-style 400 messages. Exact Jackson wording is not determinable (spec §12).
import { parseBodyDate, type Instant } from './dates'
import { badRequest } from './responses'

/** The v2 Booking DTO as the service sees it after deserialisation (spec §2). */
export interface BookingRequest {
  location: number
  schedule: number
  appointmentType: number
  start: Instant | null
  end: Instant | null
  title: string | null
  firstName: string | null
  lastName: string | null
  email: string | null
  phone: string | null
  mobile: string | null
  patientName: string | null
  notes: string | null
  user: number
}

const LONG_FIELDS = ['location', 'schedule', 'appointmentType', 'user'] as const
const DATE_FIELDS = ['start', 'end'] as const
const STRING_FIELDS = [
  'title',
  'firstName',
  'lastName',
  'email',
  'phone',
  'mobile',
  'patientName',
  'notes',
] as const
// Declaration order of the Java DTO, as Jackson lists them in the unknown-field message.
const KNOWN = [
  'location',
  'schedule',
  'appointmentType',
  'start',
  'end',
  'title',
  'firstName',
  'lastName',
  'email',
  'phone',
  'mobile',
  'patientName',
  'notes',
  'user',
]
const CLASS = 'org.openvpms.booking.domain.Booking'
const SOURCE =
  'org.glassfish.jersey.message.internal.ReaderInterceptorExecutor$UnCloseableInputStream@4f2b503c'

function location(raw: string, offset: number): string {
  const before = raw.slice(0, Math.max(0, offset))
  const line = before.split('\n').length
  const column = offset - before.lastIndexOf('\n')
  return `\n at [Source: ${SOURCE}; line: ${line}, column: ${column}]`
}

function tokenName(value: unknown): string {
  if (Array.isArray(value)) return 'START_ARRAY'
  if (value === true) return 'VALUE_TRUE'
  if (value === false) return 'VALUE_FALSE'
  if (typeof value === 'object') return 'START_OBJECT'
  if (typeof value === 'string') return 'VALUE_STRING'
  return Number.isInteger(value) ? 'VALUE_NUMBER_INT' : 'VALUE_NUMBER_FLOAT'
}

function syntaxError(raw: string, error: Error): Error {
  const position = /position (\d+)/.exec(error.message)
  if (!position) {
    return badRequest(
      `Unexpected end-of-input: expected close marker for OBJECT${location(raw, raw.length)}`,
    )
  }
  const offset = Number(position[1])
  const char = raw.charAt(offset)
  const expecting = /Expected ',' or '}'/.test(error.message)
    ? ': was expecting comma to separate OBJECT entries'
    : /Expected ',' or ']'/.test(error.message)
      ? ': was expecting comma to separate ARRAY entries'
      : ''
  return badRequest(
    `Unexpected character ('${char}' (code ${char.charCodeAt(0)}))${expecting}${location(raw, offset + 1)}`,
  )
}

/** Parses the body; null means "no booking" (spec §7.1 step 1). Throws a 400 HttpFailure like Jackson. */
export function readBookingBody(raw: string): BookingRequest | null {
  // spec §12: an empty body most likely reaches the service as null (Jersey's Jackson provider), not a parse error.
  if (raw.trim() === '') return null
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch (error) {
    throw syntaxError(raw, error as Error)
  }
  if (value === null) return null
  if (typeof value !== 'object' || Array.isArray(value)) {
    const message =
      typeof value === 'string'
        ? `Can not construct instance of ${CLASS}: no String-argument constructor/factory method to deserialize from String value ('${value}')`
        : `Can not deserialize instance of ${CLASS} out of ${tokenName(value)} token`
    throw badRequest(`${message}${location(raw, 1)}`)
  }

  const booking: BookingRequest = {
    location: 0,
    schedule: 0,
    appointmentType: 0,
    start: null,
    end: null,
    title: null,
    firstName: null,
    lastName: null,
    email: null,
    phone: null,
    mobile: null,
    patientName: null,
    notes: null,
    user: 0,
  }
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    const at = raw.indexOf(`"${key}"`)
    const where = `${location(raw, at < 0 ? 1 : at + key.length + 3)} (through reference chain: ${CLASS}["${key}"])`
    if ((LONG_FIELDS as readonly string[]).includes(key)) {
      booking[key as (typeof LONG_FIELDS)[number]] = toLong(field, where)
    } else if ((DATE_FIELDS as readonly string[]).includes(key)) {
      booking[key as (typeof DATE_FIELDS)[number]] = toDate(field, where)
    } else if ((STRING_FIELDS as readonly string[]).includes(key)) {
      booking[key as (typeof STRING_FIELDS)[number]] = toText(field, where)
    } else {
      // spec §1.5: FAIL_ON_UNKNOWN_PROPERTIES is on.
      const known = KNOWN.map((name) => `"${name}"`).join(', ')
      throw badRequest(
        `Unrecognized field "${key}" (class ${CLASS}), not marked as ignorable (${KNOWN.length} known properties: ${known}])${where}`,
      )
    }
  }
  return booking
}

/** spec §1.5: numbers and numeric strings become longs, null becomes 0, anything else is a 400. */
function toLong(value: unknown, where: string): number {
  if (value === null) return 0
  if (typeof value === 'number') return Math.trunc(value)
  if (typeof value === 'string') {
    const trimmed = value.trim()
    if (trimmed === '') return 0
    if (/^[+-]?\d+$/.test(trimmed) && Number.isSafeInteger(Number(trimmed))) return Number(trimmed)
    throw badRequest(
      `Can not deserialize value of type long from String "${value}": not a valid Long value${where}`,
    )
  }
  throw badRequest(`Can not deserialize instance of long out of ${tokenName(value)} token${where}`)
}

/** spec §1.4: a SimpleDateFormat string or epoch millis; "" and null are null. */
function toDate(value: unknown, where: string): Instant | null {
  if (value === null || value === '') return null
  if (typeof value === 'number') return Math.trunc(value)
  if (typeof value === 'string') {
    const parsed = parseBodyDate(value)
    if (parsed !== null) return parsed
    throw badRequest(
      `Can not construct instance of java.util.Date from String value '${value}': not a valid representation ` +
        `(error: Failed to parse Date value '${value}': Unparseable date: "${value}")${where}`,
    )
  }
  throw badRequest(
    `Can not deserialize instance of java.util.Date out of ${tokenName(value)} token${where}`,
  )
}

/** spec §1.5: scalars are coerced to strings; objects and arrays are a 400. */
function toText(value: unknown, where: string): string | null {
  if (value === null) return null
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  throw badRequest(
    `Can not deserialize instance of java.lang.String out of ${tokenName(value)} token${where}`,
  )
}
