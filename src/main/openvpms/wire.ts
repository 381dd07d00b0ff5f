// The Booking API V2 wire format: response schemas (every body is checked before it becomes a domain object)
// and the date-time encodings for queries and request bodies.
import { IANAZone } from 'luxon'
import { z } from 'zod'
import type { Instant } from '../../shared/domain'

// spec §1.4: every JSON date is `yyyy-MM-dd'T'HH:mm:ss.SSSXXX`: always 3 fraction digits, `Z` or `±HH:MM`.
const WIRE_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})(?:Z|([+-])(\d{2}):(\d{2}))$/

/** Parses a response date-time (`2019-02-15T09:00:00.000+11:00` or `…Z`) to epoch ms; null if not exactly that. */
export function parseWireInstant(text: string): Instant | null {
  const match = WIRE_INSTANT.exec(text)
  if (!match) return null
  const [year, month, day, hour, minute, second, millis] = match.slice(1, 8).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const sign = match[8] === '-' ? -1 : 1
  const offsetHours = Number(match[9] ?? 0)
  const offsetMinutes = Number(match[10] ?? 0)
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return null

  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millis)
  const check = new Date(wall)
  // Date.UTC rolls 2019-02-30 over to March: a date that does not round-trip does not exist.
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    return null
  }
  return wall - sign * (offsetHours * 60 + offsetMinutes) * 60_000
}

/** Formats an instant for a query parameter or a request body: UTC with milliseconds, which both accept (spec §1.4). */
export function formatWireInstant(instant: Instant): string {
  return new Date(instant).toISOString()
}

const id = z.number().int().positive()
const text = z.string()
const instant = z.string().transform((value, ctx) => {
  const parsed = parseWireInstant(value)
  if (parsed === null) {
    ctx.addIssue({
      code: 'custom',
      message: `not a date-time of the form 2019-02-15T09:00:00.000+11:00: ${value}`,
    })
    return z.NEVER
  }
  return parsed
})

const zoneChecks = new Map<string, boolean>()
const MAX_ZONES_REMEMBERED = 500

/**
 * Whether a zone name is a known IANA zone, asked of Intl once per name: luxon builds an Intl.DateTimeFormat on each
 * call (10,000 locations took 1.5 s and 284 MB). The memory is bounded; a server naming more zones than that is
 * answered without it.
 */
export function isKnownZone(zone: string): boolean {
  const known = zoneChecks.get(zone)
  if (known !== undefined) return known
  const valid = IANAZone.isValidZone(zone)
  if (zoneChecks.size < MAX_ZONES_REMEMBERED) zoneChecks.set(zone, valid)
  return valid
}

/** spec §2 Location: `timeZone` is the server's IANA zone, which every day boundary depends on. */
export const locationSchema = z.object({
  id,
  name: text,
  timeZone: text.refine(isKnownZone, 'not an IANA time zone'),
})

/** Most items a list of locations, schedules, types or users may have: a clinic has tens, not thousands. */
export const MAX_LIST_ITEMS = 1_000
/** Most ranges a free/busy answer may have (a fortnight of 5-minute slots on one schedule is about 4,000). */
export const MAX_RANGES = 20_000

// The length is checked before any item is: an answer of 40,000 locations is refused without parsing 40,000.
function boundedArray<S extends z.ZodType>(item: S, max: number, what: string) {
  return z
    .array(z.unknown())
    .max(max, `more than ${max.toLocaleString('en')} ${what}`)
    .pipe(z.array(item))
}

/** A list of entities (locations, schedules, types, users), at most MAX_LIST_ITEMS long. */
export const listOf = <S extends z.ZodType>(item: S) => boundedArray(item, MAX_LIST_ITEMS, 'items')

/** A list of ranges, at most MAX_RANGES long. */
export const rangesOf = <S extends z.ZodType>(item: S) => boundedArray(item, MAX_RANGES, 'ranges')

/** spec §2 Schedule: `slotSize` in minutes (0 is possible on a misconfigured schedule, spec §7.1 step 9). */
export const scheduleSchema = z.object({ id, name: text, slotSize: z.number().int().nonnegative() })

/** spec §3.2: only types with `noSlots > 0` are listed. */
export const appointmentTypeSchema = z.object({
  id,
  name: text,
  slots: z.number().int().positive(),
})

/** spec §2 User: the display name. */
export const userSchema = z.object({ id, name: text })

// spec §5.4: zero-length busy ranges occur, so only end < start is impossible.
const rangeShape = z.object({ start: instant, end: instant })
/** spec §2 Range. */
export const rangeSchema = rangeShape.refine((r) => r.end >= r.start, 'range ends before it starts')

/** spec §2 ScheduleRange: a range tagged with the schedule it belongs to. */
export const scheduleRangeSchema = rangeShape
  .extend({ schedule: id })
  .refine((r) => r.end >= r.start, 'range ends before it starts')
  .transform(({ start, end, schedule }) => ({ start, end, scheduleId: schedule }))

/** spec §2 FreeBusy. */
export const freeBusySchema = z.object({ free: rangesOf(rangeSchema), busy: rangesOf(rangeSchema) })

/** spec §2 UserFreeBusy. */
export const userFreeBusySchema = z.object({
  user: id,
  free: rangesOf(scheduleRangeSchema),
  busy: rangesOf(scheduleRangeSchema),
})

const nullableText = text.nullable()

/** spec §2 Booking (v2) as GET /bookings/{ref} returns it (spec §7.3); `user <= 0` means no clinician. */
export const bookingSchema = z
  .object({
    location: id,
    schedule: id,
    appointmentType: id,
    start: instant,
    end: instant,
    title: nullableText,
    firstName: nullableText,
    lastName: nullableText,
    email: nullableText,
    phone: nullableText,
    mobile: nullableText,
    patientName: nullableText,
    notes: nullableText,
    // Absent only on servers that predate v2's clinician field; treated like 0.
    user: z.number().int().optional(),
  })
  .transform(({ user, ...booking }) => ({
    ...booking,
    user: user !== undefined && user > 0 ? user : null,
  }))
