// Which bookable times fit a waitlist entry, in what the desk knows of the book: a shown day (the board's refresh)
// or the waitlist's whole window (the ranged scan). Pure: the watcher feeds it free/busy and remembers what it saw.
import { DateTime } from 'luxon'
import type { Instant, LocationDetails, Range, Schedule, SlotSuggestion } from '../../shared/domain'
import { union } from '../../shared/intervals'
import { bookableStarts, typeDuration } from '../../shared/slots'
import { addDays, dayBounds, isoDateOf } from '../../shared/time'
import { partsOfDay, type WaitlistEntry } from '../../shared/waitlist'

/** What the desk knows of one location's book over some time. */
export interface BookView {
  readonly details: LocationDetails
  /** The time the answers cover. */
  readonly covered: Range
  /** Per schedule read: its bookable time (free minus busy). A schedule not in it was not read. */
  readonly free: ReadonlyMap<number, readonly Range[]>
  /** Per clinician read: their real availability per schedule (their roster minus every booking). */
  readonly clinicians: ReadonlyMap<number, Readonly<Record<number, readonly Range[]>>>
}

/** The times that fit an entry on one schedule: the bookable starts, and the stretch of them as ranges. */
export interface Fitting {
  readonly schedule: Schedule
  readonly starts: readonly Instant[]
  /** Each start s as [s, s + one slot): consecutive starts merge, so a run is one range. */
  readonly runs: readonly Range[]
}

const MINUTE = 60_000

/**
 * Every start that fits `entry` in `view`, per schedule read: a schedule at the right location taking the type,
 * free for the type's whole length (with the named clinician available for it), starting inside the entry's parts of
 * the day, on its weekdays and days, after `now`.
 */
export function fittingStarts(entry: WaitlistEntry, view: BookView, now: Instant): Fitting[] {
  const { details } = view
  if (entry.locationId !== null && entry.locationId !== details.location.id) return []
  const zone = details.location.timeZone
  const allowed = allowedStarts(entry, view.covered, zone)
  if (allowed.length === 0) return []
  const clinician =
    entry.clinicianId === null ? null : (view.clinicians.get(entry.clinicianId) ?? 'unread')
  if (clinician === 'unread') return []
  const fitting: Fitting[] = []
  for (const schedule of details.schedules) {
    const type = schedule.appointmentTypes.find((t) => t.id === entry.appointmentTypeId)
    const free = view.free.get(schedule.id)
    if (!type || !free) continue
    const bookable = clinician === null ? free : (clinician[schedule.id] ?? [])
    const starts = bookableStarts(bookable, schedule, type, zone, { after: now }).filter((start) =>
      inside(allowed, start),
    )
    if (typeDuration(schedule, type) <= 0 || starts.length === 0) {
      fitting.push({ schedule, starts: [], runs: [] })
      continue
    }
    const slot = schedule.slotSize * MINUTE
    fitting.push({
      schedule,
      starts,
      runs: union(starts.map((s) => ({ start: s, end: s + slot }))),
    })
  }
  return fitting
}

/** The time an entry's starts may fall in within `covered`: its days, weekdays and parts of the day, wall clock. */
function allowedStarts(entry: WaitlistEntry, covered: Range, zone: string): Range[] {
  const weekdays = entry.weekdays.length > 0 ? new Set(entry.weekdays) : null
  const first = isoDateOf(covered.start, zone)
  const from = entry.fromDate > first ? entry.fromDate : first
  const ranges: Range[] = []
  // Bounded: at most the entry's window (90 days at most, schema), and only what the answers cover.
  for (let date = from; date <= entry.toDate; date = addDays(date, 1)) {
    const bounds = dayBounds(date, zone)
    if (bounds.start >= covered.end) break
    const midnight = DateTime.fromISO(date, { zone })
    if (weekdays && !weekdays.has(midnight.weekday)) continue
    for (const part of entry.parts) {
      const window = partsOfDay[part]
      ranges.push({
        start: wallClock(midnight, window.from, bounds),
        end: wallClock(midnight, window.to, bounds),
      })
    }
  }
  return union(ranges)
}

// Wall-clock minutes, so "afternoon" is 12:00–17:00 on a daylight-saving day too.
function wallClock(midnight: DateTime, minutes: number, bounds: Range): Instant {
  if (minutes >= 24 * 60) return bounds.end
  return midnight.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis()
}

/** True when `instant` lies in one of the sorted, disjoint `ranges`. */
export function inside(ranges: readonly Range[], instant: Instant): boolean {
  let low = 0
  let high = ranges.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const range = ranges[middle] as Range
    if (instant < range.start) high = middle - 1
    else if (instant >= range.end) low = middle + 1
    else return true
  }
  return false
}

/** A start found for an entry, as the booking form takes it. */
export function suggestionOf(
  entry: WaitlistEntry,
  details: LocationDetails,
  schedule: Schedule,
  start: Instant,
): SlotSuggestion {
  const type = schedule.appointmentTypes.find((t) => t.id === entry.appointmentTypeId)
  return {
    locationId: details.location.id,
    scheduleId: schedule.id,
    appointmentTypeId: entry.appointmentTypeId,
    start,
    end: start + (type ? typeDuration(schedule, type) : 0),
    clinicianId: entry.clinicianId,
    names: {
      location: details.location.name,
      schedule: schedule.name,
      type: type?.name ?? entry.labels.appointmentType,
      clinician:
        entry.clinicianId === null
          ? null
          : (details.clinicians.find((c) => c.id === entry.clinicianId)?.name ??
            entry.labels.clinician),
    },
  }
}
