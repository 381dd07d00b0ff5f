// Calendar arithmetic in a location's zone. The server does every day boundary and slot in its own zone (spec §1.4,
// §11.8), so the app does too, whatever zone the computer is in.
import { DateTime } from 'luxon'
import type { Instant, IsoDate, Range } from './domain'

/** How often the board refreshes the day it shows; nothing in the background asks the server more often. */
export const BOARD_REFRESH_MS = 30_000

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** The days any request may name: far wider than the desk shows, narrow enough that every day loop stays short. */
export const SANE_DATES = { min: '1970-01-01', max: '2099-12-31' } as const
/** What a receptionist (or the log) reads when a date outside SANE_DATES reaches main. */
export const SANE_DATES_MESSAGE = `Choose a date between 1970 and 2099.`

/** True for a `yyyy-MM-dd` day within SANE_DATES (string order is day order for four-digit years). */
export const isSaneDate = (value: string): boolean =>
  isIsoDate(value) && value >= SANE_DATES.min && value <= SANE_DATES.max

/** The days the date field offers: two years back to five years ahead of `today` (the location's today). */
export function deskDateRange(today: IsoDate): { min: IsoDate; max: IsoDate } {
  const day = parseDate(today, 'UTC')
  return {
    min: day.minus({ years: 2 }).toISODate() ?? today,
    max: day.plus({ years: 5 }).toISODate() ?? today,
  }
}

/** True for a real calendar day written `yyyy-MM-dd`. */
export const isIsoDate = (value: string): boolean =>
  // Whether yyyy-MM-dd is a real day does not depend on the zone it is read in.
  ISO_DATE.test(value) && DateTime.fromISO(value).isValid

function parseDate(date: IsoDate, zone: string): DateTime {
  const parsed = ISO_DATE.test(date) ? DateTime.fromISO(date, { zone }) : DateTime.invalid('format')
  if (!parsed.isValid) throw new RangeError(`Not a yyyy-MM-dd date in ${zone}: ${date}`)
  return parsed
}

/**
 * Local midnight to the next local midnight of `date` in `zone` (23 or 25 hours on DST days). Where the clocks go
 * forward at midnight (Chile) that day starts at 01:00 and still ends at the next midnight: the end is the
 * next day's own start, not the start plus a day (which would keep the 01:00).
 */
export function dayBounds(date: IsoDate, zone: string): Range {
  const startOf = (day: IsoDate): number => parseDate(day, zone).startOf('day').toMillis()
  return { start: startOf(date), end: startOf(addDays(date, 1)) }
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
