// What a clinician can really be booked for. The user free/busy endpoint answers from the roster alone: it ignores
// other bookings on the schedule and, for clinicians rostered on several schedules, may leave their own appointments
// in a schedule's free list (spec §6.5). The seed guide's rule fixes both: "the union of busy times needs to be removed
// from each schedule" (read as: their appointments, see appointmentBusy).
import type { ClinicianDay, Range } from './domain'
import { intersect, subtract, union } from './intervals'

/** A range the user free/busy endpoint tags with the schedule it applies to (spec §2 ScheduleRange). */
export interface ScheduleRange extends Range {
  readonly scheduleId: number
}

/** One schedule's own free and busy time. */
export interface ScheduleFreeBusy {
  readonly free: readonly Range[]
  readonly busy: readonly Range[]
}

/**
 * A clinician's real availability on one schedule: their free on it, within the schedule's free time (outside
 * opening hours is neither free nor busy, spec §5.1), minus the schedule's busy, minus their busy anywhere.
 */
export function clinicianAvailability(
  clinicianFree: readonly Range[],
  schedule: ScheduleFreeBusy,
  clinicianBusy: readonly Range[],
): Range[] {
  return subtract(intersect(clinicianFree, schedule.free), union(schedule.busy, clinicianBusy))
}

/** Groups ranges by their schedule id, merged per schedule. */
export function byScheduleId(ranges: readonly ScheduleRange[]): Record<number, Range[]> {
  const grouped: Record<number, Range[]> = {}
  for (const { scheduleId, start, end } of ranges) (grouped[scheduleId] ??= []).push({ start, end })
  for (const id of Object.keys(grouped)) grouped[Number(id)] = union(grouped[Number(id)] ?? [])
  return grouped
}

/**
 * The part of a clinician's busy time that is really an appointment. Their busy mixes roster gaps (not rostered on
 * that schedule, spec §6.4) with their appointments, and the tags are unreliable (§6.5: re-tagged on merge). A roster
 * gap on one schedule must not hide time they are rostered on another (the guide's user 1158: free on 211 from 09:00
 * though only on 136 from 11:00); an appointment always makes its schedule busy, a gap does not. So only busy time
 * that one of the given schedules also shows as busy is removed, which still catches an appointment the server left
 * in a second schedule's free list (§6.5).
 */
export function appointmentBusy(
  clinicianBusy: readonly Range[],
  schedules: Iterable<ScheduleFreeBusy>,
): Range[] {
  return intersect(clinicianBusy, union(...[...schedules].map((schedule) => schedule.busy)))
}

/** A clinician's real availability on each of `schedules`, from their user free/busy answer. */
export function availabilityBySchedule(
  answer: { readonly free: readonly ScheduleRange[]; readonly busy: readonly Range[] },
  schedules: ReadonlyMap<number, ScheduleFreeBusy>,
): Record<number, Range[]> {
  const free = byScheduleId(answer.free)
  const busy = appointmentBusy(answer.busy, schedules.values())
  const available: Record<number, Range[]> = {}
  for (const [scheduleId, schedule] of schedules) {
    available[scheduleId] = clinicianAvailability(free[scheduleId] ?? [], schedule, busy)
  }
  return available
}

/**
 * A clinician's day from their user free/busy answer and the schedules' own free/busy: `available` is filled for
 * every schedule in `schedules` (empty where they are not rostered), all clipped to `bounds`.
 */
export function clinicianDay(
  clinicianId: number,
  answer: { readonly free: readonly ScheduleRange[]; readonly busy: readonly ScheduleRange[] },
  schedules: ReadonlyMap<number, ScheduleFreeBusy>,
  bounds: Range,
): ClinicianDay {
  const clipped = answer.free.flatMap((range) => clipTagged(range, bounds))
  // Busy may reach outside the query (spec §6.5); a person cannot be in two places, so merge across schedules.
  const busy = intersect(union(answer.busy), [bounds])
  return {
    clinicianId,
    free: byScheduleId(clipped),
    busy,
    available: availabilityBySchedule({ free: clipped, busy }, schedules),
  }
}

function clipTagged(range: ScheduleRange, bounds: Range): ScheduleRange[] {
  const start = Math.max(range.start, bounds.start)
  const end = Math.min(range.end, bounds.end)
  return start < end ? [{ scheduleId: range.scheduleId, start, end }] : []
}
