// User (clinician) free/busy exactly as OpenVPMS BookingCalendar computes it (spec §6), quirks included.
import type { Clinic } from './clinic'
import { dayLoopGuard, type Instant } from './dates'
import type { Span } from './schedule-free-busy'

/** A range tagged with the schedule it applies to (ScheduleRange). */
export interface ScheduleSpan extends Span {
  schedule: number
}

/** A user's free and busy ranges at a location. */
export interface UserFreeBusy {
  free: ScheduleSpan[]
  busy: ScheduleSpan[]
}

/** Free/busy of a user at a location over [from, to) from the roster and their appointments (spec §6). */
export function userFreeBusy(
  clinic: Clinic,
  userId: number,
  locationId: number,
  from: Instant,
  to: Instant,
): UserFreeBusy {
  // spec §6.1: roster events of this user at this location, in database order, mapped to each active schedule
  // of an active area (sorted by id); map order is the order schedule ids are first seen.
  const roster = new Map<number, Span[]>()
  const events = clinic
    .rosterEventsBetween(from, to)
    .filter((event) => event.user === userId && event.location === locationId)
  for (const event of events) {
    const area = clinic.rosterArea(event.area)
    if (!area || !area.active) continue
    const schedules = area.schedules
      .filter((id) => clinic.schedule(id)?.active)
      .sort((a, b) => a - b)
    for (const schedule of schedules) {
      const ranges = roster.get(schedule) ?? []
      ranges.push({ start: event.start, end: event.end })
      roster.set(schedule, ranges)
    }
  }
  // spec §6.4: a user with no roster in the range gets empty free and busy, not "busy all day".
  if (events.length === 0) return { free: [], busy: [] }

  const appointments = clinic
    .appointmentsBetween(from, to)
    .filter((record) => record.clinician === userId && record.status !== 'CANCELLED')
    .sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id)

  const free: ScheduleSpan[] = []
  let busy: ScheduleSpan[] = []
  // spec §6.2: strict `date < to`, keeping from's time of day.
  const step = dayLoopGuard()
  for (let date = from; date < to; step(date, (date = clinic.zone.plusDays(date, 1)))) {
    const dayStart = clinic.zone.startOfDay(date)
    const nextDay = clinic.zone.startOfNextDay(date)
    const min = Math.max(dayStart, from)
    const max = Math.min(nextDay, to)
    const dayAppointments = clipAll(appointments, dayStart, nextDay)
    for (const [schedule, ranges] of roster) {
      const runs = union(clipAll(ranges, dayStart, nextDay))
      addFree(free, runs, dayAppointments, schedule, min, max)
      busy = addBusy(busy, runs, dayAppointments, schedule, min, max)
    }
  }
  return { free, busy }
}

/** Pieces of the ranges inside [start, end], positive length only. */
function clipAll(ranges: readonly Span[], start: Instant, end: Instant): Span[] {
  const result: Span[] = []
  for (const range of ranges) {
    const from = Math.max(range.start, start)
    const to = Math.min(range.end, end)
    if (from < to) result.push({ start: from, end: to })
  }
  return result
}

/** spec §6.3: a new run starts only when a range starts strictly after the current run's end. */
function union(ranges: readonly Span[]): Span[] {
  const runs: Span[] = []
  for (const range of ranges) {
    const last = runs[runs.length - 1]
    if (last && range.start <= last.end) {
      if (range.end > last.end) last.end = range.end
    } else {
      runs.push({ ...range })
    }
  }
  return runs
}

/** spec §6.3: emit the roster runs, then subtract the day's appointments from the whole cumulative list. */
function addFree(
  free: ScheduleSpan[],
  runs: readonly Span[],
  appointments: readonly Span[],
  schedule: number,
  min: Instant,
  max: Instant,
): void {
  for (const run of runs) {
    const start = Math.max(run.start, min)
    const end = Math.min(run.end, max)
    if (start < end) free.push({ start, end, schedule })
  }
  for (const appointment of appointments) {
    // The walk stops at the first range starting at or after the appointment's end, even if later ranges
    // (another schedule's, same day) overlap it: that is the spec §6.5 quirk.
    for (let index = 0; index < free.length; index++) {
      const range = free[index] as ScheduleSpan
      if (range.start >= appointment.end) break
      if (range.end <= appointment.start) continue
      const pieces: ScheduleSpan[] = []
      if (appointment.start > range.start) {
        pieces.push({ start: range.start, end: appointment.start, schedule })
      }
      if (appointment.end < range.end)
        pieces.push({ start: appointment.end, end: range.end, schedule })
      free.splice(index, 1, ...pieces)
      index += pieces.length - 1
    }
  }
}

/** spec §6.4: complement of the roster in [min, max], then the day's appointments, then a full re-merge. */
function addBusy(
  busy: ScheduleSpan[],
  runs: readonly Span[],
  appointments: readonly Span[],
  schedule: number,
  min: Instant,
  max: Instant,
): ScheduleSpan[] {
  let cursor = min
  for (const run of runs) {
    if (run.start > cursor) {
      const end = Math.min(run.start, max)
      if (cursor < end) busy.push({ start: cursor, end, schedule })
    }
    if (run.end > cursor) cursor = run.end
  }
  if (cursor < max) busy.push({ start: cursor, end: max, schedule })
  if (appointments.length === 0) return busy

  // OpenVPMS widens the busy range each appointment overlaps, or inserts it in start order, then re-merges the whole
  // cumulative list (touching ranges joined). Widening by an overlapping range is their union, so that is the list
  // and the appointments merged, done here in one pass. Every range is re-tagged with the current schedule (spec
  // §6.5: busy ends up under the last schedule's id).
  const merged: ScheduleSpan[] = []
  for (const range of [...busy, ...appointments].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1]
    if (last && range.start <= last.end) {
      if (range.end > last.end) last.end = range.end
    } else {
      merged.push({ start: range.start, end: range.end, schedule })
    }
  }
  return merged
}
