// How the desk writes days and times for people; the calendar arithmetic itself is shared (src/shared/time.ts).
import { DateTime } from 'luxon'
import type { Instant, IsoDate } from '../../shared/domain'
import { formatTime } from '../../shared/time'

/** `09:30–10:15` in the zone. */
export function formatTimeRange(start: Instant, end: Instant, zone: string): string {
  return `${formatTime(start, zone)}–${formatTime(end, zone)}`
}

/** `Fri 15 Feb 2019` for a day. */
export function formatDay(date: IsoDate): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).toFormat('ccc d LLL yyyy')
}

/** The computer's own day: the journal is this desk's record, kept in local days. */
export function localToday(): IsoDate {
  return DateTime.local().toISODate() ?? ''
}
