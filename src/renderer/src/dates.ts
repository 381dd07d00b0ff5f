// How the desk writes days and times for people; the calendar arithmetic itself is shared (src/shared/time.ts).
import { DateTime } from 'luxon'
import type { IsoDate } from '../../shared/domain'

/** `09:30–10:15` in the zone; on a clock-change day it names which 02:00 is meant (shared/day-clock.ts). */
export { formatTimeRange } from '../../shared/day-clock'

/** `Fri 15 Feb 2019` for a day. */
export function formatDay(date: IsoDate): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).toFormat('ccc d LLL yyyy')
}

/** `Thursday 3 December 2026`: the day in words, for the top bar (read at a glance, whatever the field's format). */
export function formatLongDay(date: IsoDate): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).toFormat('cccc d LLLL yyyy')
}

/** The computer's own day: the journal is this desk's record, kept in local days. */
export function localToday(): IsoDate {
  return DateTime.local().toISODate() ?? ''
}
