// Calendar arithmetic in a location's zone. The server does every day boundary and slot in its own zone (spec §1.4,
// §11.8), so the app does too, whatever zone the computer is in.
import { DateTime } from 'luxon'
import type { Instant, IsoDate, Range } from './domain'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** True for a real calendar day written `yyyy-MM-dd`. */
export const isIsoDate = (value: string): boolean =>
  ISO_DATE.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid

function parseDate(date: IsoDate, zone: string): DateTime {
  const parsed = ISO_DATE.test(date) ? DateTime.fromISO(date, { zone }) : DateTime.invalid('format')
  if (!parsed.isValid) throw new RangeError(`Not a yyyy-MM-dd date in ${zone}: ${date}`)
  return parsed
}

/** Local midnight to the next local midnight of `date` in `zone` (23 or 25 hours on DST days). */
export function dayBounds(date: IsoDate, zone: string): Range {
  const start = parseDate(date, zone).startOf('day')
  return { start: start.toMillis(), end: start.plus({ days: 1 }).toMillis() }
}

/** The calendar day `instant` falls on in `zone`. */
export const isoDateOf = (instant: Instant, zone: string): IsoDate =>
  DateTime.fromMillis(instant, { zone }).toISODate() as IsoDate

/** Today in `zone` at `now`. */
export const todayIn = (zone: string, now: Instant): IsoDate => isoDateOf(now, zone)

/** The day `days` calendar days after `date` (negative for before); zone-free calendar arithmetic. */
export const addDays = (date: IsoDate, days: number): IsoDate =>
  parseDate(date, 'UTC').plus({ days }).toISODate() as IsoDate

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: IsoDate, to: IsoDate): number =>
  Math.round(parseDate(to, 'UTC').diff(parseDate(from, 'UTC'), 'days').days)

/** The local wall-clock time of `instant` in `zone`, `HH:mm` (24-hour, as the appointment book shows it). */
export const formatTime = (instant: Instant, zone: string): string =>
  DateTime.fromMillis(instant, { zone }).toFormat('HH:mm')

/** The local wall-clock time of `instant` in `zone` to the second, `HH:mm:ss`: when something was seen. */
export const formatClock = (instant: Instant, zone: string): string =>
  DateTime.fromMillis(instant, { zone }).toFormat('HH:mm:ss')

/** A local date and time of `instant` in `zone` for messages, e.g. `Fri 15 Feb 2019 09:00`. */
export const formatDateTime = (instant: Instant, zone: string): string =>
  DateTime.fromMillis(instant, { zone }).toFormat('ccc d LLL yyyy HH:mm')

/** Minutes since local midnight of `instant` in `zone` (wall clock: hour × 60 + minute). */
export function minuteOfDay(instant: Instant, zone: string): number {
  const local = DateTime.fromMillis(instant, { zone })
  return local.hour * 60 + local.minute
}
