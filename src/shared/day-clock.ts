// A day's clock on the days it changes. The day of a clinic runs from local midnight to the next local midnight,
// 23 or 25 hours on a daylight-saving change; the wall clock then skips an hour, or shows one hour twice. The board
// lays a day out by time elapsed since midnight (so a repeated hour gets rows of its own), labels it with the wall
// clock, and names which of two equal wall times a time is.
import { DateTime, FixedOffsetZone } from 'luxon'
import { BoundedMemo } from './bounded-memo'
import type { Instant, IsoDate, Range } from './domain'
import { dayBounds, formatTime, isoDateOf } from './time'

const MINUTE = 60_000

/** The moment a day's clocks change, and which way. */
export interface ClockChange {
  /** The instant of the change. */
  readonly at: Instant
  /** `back`: the hour before `at` is shown again after it; `forward`: an hour of wall clock never happens. */
  readonly kind: 'back' | 'forward'
  /** How far the clock moves, in minutes (60 almost everywhere; 30 on Lord Howe Island). */
  readonly minutes: number
  /** The wall clock just before the change (`03:00` when Sydney goes back, `02:00` when it goes forward). */
  readonly from: string
  /** The wall clock just after it (`02:00` when Sydney goes back, `03:00` when it goes forward). */
  readonly to: string
}

const offsetAt = (instant: Instant, zone: string): number =>
  DateTime.fromMillis(instant, { zone }).offset

/** How many days each memo keeps (a board asks about a handful; a long search walks more, and starts again). */
const KEPT_DAYS = 64
/** Days whose clock change was worked out: the board asks for the same few days on every row it names. */
const changes = new BoundedMemo<ClockChange | null>(KEPT_DAYS)
/** Days whose clock zone (dayClockZone) was worked out: every column asks for its day's on each change of day. */
const clockZones = new BoundedMemo<string>(KEPT_DAYS)

/** The clock change on `date` in `zone`, or null on an ordinary day (a day has at most one). */
export function clockChange(date: IsoDate, zone: string): ClockChange | null {
  return changes.get(`${zone} ${date}`, () => findClockChange(date, zone))
}

function findClockChange(date: IsoDate, zone: string): ClockChange | null {
  const bounds = dayBounds(date, zone)
  const before = offsetAt(bounds.start, zone)
  const after = offsetAt(bounds.end - 1, zone)
  if (before === after) return null
  // The first minute with the later offset: offsets change on whole minutes, so 11 halvings of a day find it.
  let low = bounds.start
  let high = bounds.end
  while (high - low > MINUTE) {
    const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE
    if (offsetAt(middle, zone) === before) low = middle
    else high = middle
  }
  const fixed = (offset: number): string =>
    DateTime.fromMillis(high, { zone: FixedOffsetZone.instance(offset) }).toFormat('HH:mm')
  return Object.freeze({
    at: high,
    kind: after < before ? 'back' : 'forward',
    minutes: Math.abs(after - before),
    from: fixed(before),
    to: fixed(after),
  })
}

/**
 * A zone of fixed offset in which `date` runs without a break from its local midnight: the offset at that
 * midnight. A calendar drawn in it has one row per real hour of the day (25 on the day clocks go back, 23 on the
 * day they go forward), where one drawn in the named zone folds the repeated hour onto one row.
 */
export function dayClockZone(date: IsoDate, zone: string): string {
  return clockZones.get(
    `${zone} ${date}`,
    () => FixedOffsetZone.instance(offsetAt(dayBounds(date, zone).start, zone)).name,
  )
}

/** Minutes elapsed from the local midnight that starts `bounds` to `instant`. */
export const elapsedMinutes = (instant: Instant, bounds: Range): number =>
  Math.round((instant - bounds.start) / MINUTE)

/** One hour mark of a day: where it sits (minutes since local midnight) and what the wall clock says there. */
export interface HourMark {
  readonly minute: number
  readonly label: string
  /** The second time this wall time comes round, on the day clocks go back. */
  readonly again: boolean
}

/** A mark every hour of elapsed time from local midnight, each labelled with the wall clock at that moment. */
export function hourMarks(date: IsoDate, zone: string): HourMark[] {
  // The day's clock names each hour without a luxon DateTime on an ordinary day (dayClock).
  const clock = dayClock(date, zone)
  const back = clockChange(date, zone)?.kind === 'back'
  const { bounds } = clock
  const marks: HourMark[] = []
  for (let instant = bounds.start; instant < bounds.end; instant += 60 * MINUTE) {
    const minute = clock.wallMinute(instant)
    marks.push({
      minute: elapsedMinutes(instant, bounds),
      label: `${twoDigits(Math.floor(minute / 60))}:${twoDigits(minute % 60)}`,
      again: back && occurrence(instant, zone) === 'second',
    })
  }
  return marks
}

/**
 * Whether `instant`'s wall time comes round twice that day, and this is the first or the second time; null when the
 * wall time happens once (every time of an ordinary day).
 */
export function occurrence(instant: Instant, zone: string): 'first' | 'second' | null {
  const change = clockChange(isoDateOf(instant, zone), zone)
  if (change?.kind !== 'back') return null
  const span = change.minutes * MINUTE
  if (instant >= change.at - span && instant < change.at) return 'first'
  if (instant >= change.at && instant < change.at + span) return 'second'
  return null
}

// The wall clock at which a range ending at `end` ends: the clock just before it, so an hour ending as the clocks
// go back ends at 03:00, not at the 02:00 the clock shows next.
function endClock(end: Instant, zone: string): string {
  const offset = offsetAt(end - 1, zone)
  return DateTime.fromMillis(end, { zone: FixedOffsetZone.instance(offset) }).toFormat('HH:mm')
}

const SIDE = { first: 'before the clocks go back', second: 'after the clocks go back' } as const

/** `02:00`, or on the day clocks go back `02:00 (after the clocks go back)` for a wall time that comes twice. */
export function formatTimeOfDay(instant: Instant, zone: string): string {
  const side = occurrence(instant, zone)
  return side ? `${formatTime(instant, zone)} (${SIDE[side]})` : formatTime(instant, zone)
}

/**
 * `09:30–10:15` in the zone. On a clock-change day it says which of two equal wall times is meant, and when the
 * clocks change inside the range: never a bare `02:00–02:00` for an hour that really lasts an hour.
 */
export function formatTimeRange(start: Instant, end: Instant, zone: string): string {
  const from = formatTime(start, zone)
  const to = endClock(end, zone)
  const change = clockChange(isoDateOf(start, zone), zone)
  if (!change || end <= start) return `${from}–${to}`
  const crosses = start < change.at && end > change.at
  if (change.kind === 'forward')
    return crosses ? `${from}–${to} (the clocks go forward at ${change.from})` : `${from}–${to}`
  if (crosses) {
    const fromSide = occurrence(start, zone)
    const toSide = occurrence(end - 1, zone)
    if (!fromSide && !toSide) return `${from}–${to} (the clocks go back at ${change.from})`
    const fromText = fromSide ? `${from} (${SIDE[fromSide]})` : from
    const toText = toSide ? `${to} (${SIDE[toSide]})` : to
    return `${fromText}–${toText}`
  }
  const side = occurrence(start, zone) ?? occurrence(end - 1, zone)
  return side ? `${from}–${to} (${SIDE[side]})` : `${from}–${to}`
}

/** One day's clock, for naming many of its times at once (the board's slot rows). */
export interface DayClock {
  /** Local midnight to the next local midnight. */
  readonly bounds: Range
  /** As formatTimeRange, for a range starting within the day. */
  formatRange(start: Instant, end: Instant): string
  /** The wall-clock minute of the day of an instant within it (what slot boundaries count, spec §5.5). */
  wallMinute(instant: Instant): number
}

const DAY_MINUTES = 24 * 60
const twoDigits = (value: number): string => String(value).padStart(2, '0')

/** Days whose clock was made: every column of the board names its rows with the same one. */
const clocks = new BoundedMemo<DayClock>(KEPT_DAYS)

/**
 * The clock of `date` in `zone`. On an ordinary day one offset holds from midnight to midnight, so a time's wall
 * clock is arithmetic on it: the same text as formatTimeRange without building luxon DateTimes (each asks the
 * browser's Intl for the zone's offset), which cost the board most of its drawing time when it named every row of
 * every column. On a day the clocks change, each time goes through formatTimeRange and the zone itself.
 */
export function dayClock(date: IsoDate, zone: string): DayClock {
  return clocks.get(`${zone} ${date}`, () => makeDayClock(date, zone))
}

function makeDayClock(date: IsoDate, zone: string): DayClock {
  const bounds = dayBounds(date, zone)
  if (clockChange(date, zone) !== null)
    return Object.freeze<DayClock>({
      bounds,
      formatRange: (start, end) => formatTimeRange(start, end, zone),
      wallMinute: (instant) => {
        const local = DateTime.fromMillis(instant, { zone })
        return local.hour * 60 + local.minute
      },
    })
  const offset = offsetAt(bounds.start, zone) * MINUTE
  const minuteOf = (instant: Instant): number => {
    const minute = Math.floor((instant + offset) / MINUTE) % DAY_MINUTES
    return minute < 0 ? minute + DAY_MINUTES : minute
  }
  const clock = (instant: Instant): string => {
    const minute = minuteOf(instant)
    return `${twoDigits(Math.floor(minute / 60))}:${twoDigits(minute % 60)}`
  }
  return Object.freeze<DayClock>({
    bounds: Object.freeze(bounds),
    formatRange: (start, end) =>
      start >= bounds.start && start < end && end <= bounds.end
        ? `${clock(start)}–${clock(end)}`
        : formatTimeRange(start, end, zone),
    wallMinute: minuteOf,
  })
}
