import { IANAZone } from 'luxon'

/** Epoch milliseconds. */
export type Instant = number

const MINUTE = 60_000
const OFFSET_BUCKET = 15 * MINUTE
const DAY = 86_400_000

const pad = (value: number, width = 2): string => String(value).padStart(width, '0')

/** Local wall-clock fields (month 1–12). */
export interface WallTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  millisecond: number
}

/** Days of the week in Joda/ISO order (Monday = 1), as dataset keys. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const

/** A dataset weekday key. */
export type Weekday = (typeof WEEKDAYS)[number]

/**
 * The simulated server's default time zone: every day boundary, slot and output date is computed in it
 * (spec §1.4, §11.8).
 */
export class ServerZone {
  private readonly zone: IANAZone
  private readonly dayOffsets = new Map<number, [number, number]>()
  private readonly offsets = new Map<number, number>()
  private readonly midnights = new Map<string, Instant>()

  constructor(readonly name: string) {
    this.zone = IANAZone.create(name)
    if (!this.zone.isValid) throw new Error(`unknown time zone "${name}"`)
  }

  /**
   * The zone's UTC offset in minutes at an instant. Formatting is the hot path and luxon's lookup is slow, so
   * offsets are cached per UTC day (no zone changes offset twice a day), per quarter hour on transition days.
   */
  offsetMinutes(at: Instant): number {
    const day = Math.floor(at / DAY)
    let offsets = this.dayOffsets.get(day)
    if (offsets === undefined) {
      offsets = [this.zone.offset(day * DAY), this.zone.offset((day + 1) * DAY - 1)]
      this.dayOffsets.set(day, offsets)
    }
    if (offsets[0] === offsets[1]) return offsets[0]
    const bucket = Math.floor(at / OFFSET_BUCKET)
    let offset = this.offsets.get(bucket)
    if (offset === undefined) {
      offset = this.zone.offset(at)
      this.offsets.set(bucket, offset)
    }
    return offset
  }

  /** spec §1.4: `yyyy-MM-dd'T'HH:mm:ss.SSSXXX` in the server zone, `Z` for a zero offset. */
  format(at: Instant): string {
    const offset = this.offsetMinutes(at)
    const local = new Date(at + offset * MINUTE)
    const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`
    const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}.${pad(local.getUTCMilliseconds(), 3)}`
    return `${date}T${time}${formatOffset(offset)}`
  }

  /** Local wall-clock fields of an instant. */
  wall(at: Instant): WallTime {
    const local = new Date(at + this.offsetMinutes(at) * MINUTE)
    return {
      year: local.getUTCFullYear(),
      month: local.getUTCMonth() + 1,
      day: local.getUTCDate(),
      hour: local.getUTCHours(),
      minute: local.getUTCMinutes(),
      second: local.getUTCSeconds(),
      millisecond: local.getUTCMilliseconds(),
    }
  }

  /**
   * The instant of a wall time in this zone. Fields roll over like a lenient Calendar; a time in a DST gap moves
   * forward by the gap, and an ambiguous time takes the earlier offset (as Joda and luxon do).
   */
  fromWall(wall: WallTime): Instant {
    const local = utcMillis(
      wall.year,
      wall.month,
      wall.day,
      wall.hour,
      wall.minute,
      wall.second,
      wall.millisecond,
    )
    const guess = this.offsetMinutes(local)
    let at = local - guess * MINUTE
    const second = this.offsetMinutes(at)
    if (second === guess) return at
    at -= (second - guess) * MINUTE
    const third = this.offsetMinutes(at)
    if (third === second) return at
    return local - Math.min(second, third) * MINUTE
  }

  /** The local calendar day `yyyy-MM-dd` containing an instant. */
  dayKey(at: Instant): string {
    const { year, month, day } = this.wall(at)
    return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
  }

  /** Local midnight of a calendar day (the first valid instant of it, if midnight falls in a DST gap). */
  midnight(dayKey: string): Instant {
    let at = this.midnights.get(dayKey)
    if (at === undefined) {
      const [year, month, day] = dayKey.split('-').map(Number) as [number, number, number]
      at = this.fromWall({ year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 })
      this.midnights.set(dayKey, at)
    }
    return at
  }

  /** Local midnight of the day containing an instant. */
  startOfDay(at: Instant): Instant {
    return this.midnight(this.dayKey(at))
  }

  /** Local midnight of the day after the one containing an instant. */
  startOfNextDay(at: Instant): Instant {
    return this.midnight(addDaysToKey(this.dayKey(at), 1))
  }

  /** The same local time of day `days` calendar days later (like Joda's plusDays / Calendar.add). */
  plusDays(at: Instant, days: number): Instant {
    const wall = this.wall(at)
    return this.fromWall({ ...wall, day: wall.day + days })
  }

  /** An instant's local date with another time of day (seconds of day); millis are kept (spec §5.1). */
  withTimeOfDay(at: Instant, secondsOfDay: number): Instant {
    return this.fromWall({
      ...this.wall(at),
      hour: Math.floor(secondsOfDay / 3600),
      minute: Math.floor((secondsOfDay % 3600) / 60),
      second: secondsOfDay % 60,
    })
  }

  /** The local wall time `minutes` after local midnight of a day (wall clock, so DST days still align). */
  atMinuteOfDay(dayKey: string, minutes: number): Instant {
    if (minutes === 0) return this.midnight(dayKey)
    const [year, month, day] = dayKey.split('-').map(Number) as [number, number, number]
    const hour = Math.floor(minutes / 60)
    return this.fromWall({
      year,
      month,
      day,
      hour,
      minute: minutes % 60,
      second: 0,
      millisecond: 0,
    })
  }

  /** ISO weekday (Monday = 1) of the local day containing an instant. */
  weekday(at: Instant): number {
    const { year, month, day } = this.wall(at)
    const utcDay = new Date(utcMillis(year, month, day, 0, 0, 0, 0)).getUTCDay()
    return utcDay === 0 ? 7 : utcDay
  }

  /** A wall time (`yyyy-MM-ddTHH:mm[:ss[.SSS]]`, no offset) in this zone, or null when malformed. */
  parseWall(text: string): Instant | null {
    const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(
      text,
    )
    if (!match) return null
    const [year, month, day, hour, minute, second] = match
      .slice(1, 7)
      .map((part) => Number(part ?? 0)) as [number, number, number, number, number, number]
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
    if (hour > 23 || minute > 59 || second > 59) return null
    const millisecond = Number((match[7] ?? '0').padEnd(3, '0'))
    return this.fromWall({ year, month, day, hour, minute, second, millisecond })
  }

  /** `java.sql.Timestamp.toString()` of an instant in the server zone (spec §7.1 overlap message). */
  formatTimestamp(at: Instant): string {
    const local = new Date(at + this.offsetMinutes(at) * MINUTE)
    const millis = local.getUTCMilliseconds()
    const fraction = millis === 0 ? '0' : pad(millis, 3).replace(/0+$/, '')
    return (
      `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ` +
      `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}.${fraction}`
    )
  }
}

/** `Z` or `±HH:MM`, as SimpleDateFormat's `XXX` prints it. */
export function formatOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'Z'
  const sign = offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(offsetMinutes)
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/** A `yyyy-MM-dd` key moved by whole calendar days. */
export function addDaysToKey(dayKey: string, days: number): string {
  const [year, month, day] = dayKey.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(2000, 0, 1))
  date.setUTCFullYear(year, month - 1, day + days)
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
}

/**
 * The most days one request may walk (about twenty years). The real server would grind through any range; the
 * sandbox refuses past this (a 500, like a server out of patience) instead of hanging the process that hosts it.
 */
export const MAX_DAYS_PER_REQUEST = 7_400
const DAY_MS = 86_400_000

/** A range that would walk more than MAX_DAYS_PER_REQUEST days. */
export class TooManyDays extends Error {
  constructor() {
    super(`The range spans more than ${MAX_DAYS_PER_REQUEST} days`)
    this.name = 'TooManyDays'
  }
}

/**
 * Days since 1970-01-01 of a `yyyy-MM-dd` key, so keys compare as numbers: as strings, year 10000's
 * `10000-01-01` sorts before `9999-12-31`, and a loop from one to the other never ends.
 */
export function dayNumber(dayKey: string): number {
  const [year, month, day] = dayKey.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(2000, 0, 1))
  date.setUTCFullYear(year, month - 1, day)
  return Math.round(date.getTime() / DAY_MS)
}

/** Every `yyyy-MM-dd` key from `first` to `last` inclusive (at most MAX_DAYS_PER_REQUEST of them). */
export function dayKeysBetween(first: string, last: string): string[] {
  const count = dayNumber(last) - dayNumber(first) + 1
  if (!(count > 0)) return []
  if (count > MAX_DAYS_PER_REQUEST) throw new TooManyDays()
  const keys: string[] = []
  for (let key = first, index = 0; index < count; key = addDaysToKey(key, 1), index++)
    keys.push(key)
  return keys
}

/**
 * Counts the steps of a day-by-day loop over instants: throws TooManyDays past the limit, or when a step does not
 * move forward (a date past what the calendar arithmetic can hold), so no loop can run forever.
 */
export function dayLoopGuard(): (previous: Instant, next: Instant) => void {
  let steps = 0
  return (previous, next) => {
    if (++steps > MAX_DAYS_PER_REQUEST || !(next > previous)) throw new TooManyDays()
  }
}

function daysInMonth(year: number, month: number): number {
  const date = new Date(Date.UTC(2000, 0, 1))
  date.setUTCFullYear(year, month, 0)
  return date.getUTCDate()
}

function utcMillis(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
): number {
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999. Both roll over like a lenient Calendar.
  const date = new Date(Date.UTC(2000, 0, 1))
  date.setUTCFullYear(year, month - 1, day)
  date.setUTCHours(hour, minute, second, millis)
  return date.getTime()
}

const QUERY_DATE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}(?::?\d{2})?)$/

/**
 * Parses a `from`/`to` query value like Joda's `dateTimeNoMillis()` then `dateTime()` (spec §1.4): offset
 * required (`Z`, `+11`, `+1100`, `+11:00`), seconds required, fraction of 1–9 digits truncated to millis.
 */
export function parseQueryDate(text: string): Instant | null {
  const match = QUERY_DATE.exec(text)
  if (!match) return null
  const [, y, mo, d, h, mi, s, fraction, zone] = match as unknown as string[]
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  const minute = Number(mi)
  const second = Number(s)
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  if (hour > 23 || minute > 59 || second > 59) return null
  const millis = fraction ? Number(fraction.padEnd(3, '0').slice(0, 3)) : 0
  const offset = parseOffset(zone ?? '')
  if (offset === null) return null
  return utcMillis(year, month, day, hour, minute, second, millis) - offset * MINUTE
}

function parseOffset(zone: string): number | null {
  if (zone === 'Z') return 0
  const digits = zone.slice(1).replace(':', '')
  const hours = Number(digits.slice(0, 2))
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0
  if (hours > 23 || minutes > 59) return null
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes)
}

const BODY_DATE = /^(\d+)-(\d+)-(\d+)T(\d+):(\d+):(\d+)\.(\d+)(Z|[+-]\d{2}:\d{2})/

/**
 * Parses a JSON body date like Jackson with a lenient SimpleDateFormat `yyyy-MM-dd'T'HH:mm:ss.SSSXXX`
 * (spec §1.4): millis and an `XXX` offset are required, `.1` is 1 ms, fields roll over, trailing text is ignored.
 */
export function parseBodyDate(text: string): Instant | null {
  const match = BODY_DATE.exec(text)
  if (!match) return null
  const [, y, mo, d, h, mi, s, fraction, zone] = match as unknown as string[]
  const offset = parseOffset(zone ?? '')
  if (offset === null) return null
  return (
    utcMillis(
      Number(y),
      Number(mo),
      Number(d),
      Number(h),
      Number(mi),
      Number(s),
      Number(fraction),
    ) -
    offset * MINUTE
  )
}

/** `HH:mm` (or `HH:mm:ss`) as seconds of the day, or null when malformed. */
export function parseTimeOfDay(text: string): number | null {
  const match = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text)
  if (!match) return null
  const hour = Number(match[1])
  const minute = Number(match[2])
  const second = Number(match[3] ?? 0)
  if (hour > 23 || minute > 59 || second > 59) return null
  return hour * 3600 + minute * 60 + second
}
