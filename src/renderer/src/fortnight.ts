// How the fortnight strip words and shades a day: pure, so the strip and its tests read the same thing.
import { DateTime } from 'luxon'
import type { DaySummary, IsoDate } from '../../shared/domain'
import { addDays, daysBetween } from '../../shared/time'

/** `5 h 15 min`, `45 min`, `12 h`: free time as a screen reader says it. */
export function spokenDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours === 0) return `${rest} min`
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`
}

/** `5h 15m`, `45m`, `312h`: the same, short enough for a narrow day; past ten hours the minutes do not matter. */
export function shortDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours >= 10) return `${Math.round(minutes / 60)}h`
  if (hours === 0) return `${rest}m`
  return rest === 0 ? `${hours}h` : `${hours}h ${rest}m`
}

/** The strip's short word for a day: `closed`, `full` (open, all booked), `none` (nothing left to book), `5h 15m`. */
export function shortState(day: DaySummary): string {
  if (day.closed) return 'closed'
  if (day.freeMinutes > 0) return shortDuration(day.freeMinutes)
  return day.openMinutes > 0 ? 'full' : 'none'
}

/** What is left on a day, in words: `closed`, `nothing free`, `5 h 15 min free`. */
export function dayState(day: DaySummary): string {
  if (day.closed) return 'closed'
  if (day.freeMinutes === 0) return 'nothing free'
  return `${spokenDuration(day.freeMinutes)} free`
}

/** The share of the day's remaining opening time still free, 0 to 1 (0 for a closed or finished day). */
export function freeShare(day: DaySummary): number {
  if (day.closed || day.openMinutes <= 0) return 0
  return Math.min(1, day.freeMinutes / day.openMinutes)
}

/** `Thursday 3 December: 5 h 15 min free` (today says so first). */
export function dayLabel(day: DaySummary, today: IsoDate | null): string {
  const name = DateTime.fromISO(day.date, { zone: 'UTC' }).toFormat('cccc d LLLL')
  return `${day.date === today ? 'Today, ' : ''}${name}: ${dayState(day)}`
}

/** `Thu 3` for the strip's narrow heading. */
export function shortDay(date: IsoDate): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).toFormat('ccc d')
}

/**
 * The strip's first day: today while the board's day is among the `length` days from today (or before today: a past
 * day has nothing left to book); else the first day of the page of `length` days, counted from today, holding it —
 * so the board's day is always in the strip, and stepping day by day turns the page only at its end.
 */
export function stripStart(today: IsoDate, boardDate: IsoDate | null, length: number): IsoDate {
  if (boardDate === null || boardDate < today || length < 1) return today
  return addDays(today, Math.floor(daysBetween(today, boardDate) / length) * length)
}
