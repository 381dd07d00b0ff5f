// What a clinician can really be booked for. The user free/busy endpoint answers from the roster alone: it ignores
// other bookings on the schedule and, for clinicians rostered on several schedules, may leave their own appointments
// in a schedule's free list (spec §6.5). The seed guide's rule fixes both: "the union of busy times needs to be removed
// from each schedule".
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
 * Conservative by design: busy also holds roster gaps (spec §6.4), so a clinician rostered on two schedules with
 * different hours may show less time than they have, never more.
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
 * A clinician's day from their user free/busy answer and the schedules' own free/busy: `available` is filled for
 * every schedule in `schedules` (empty where they are not rostered), all clipped to `bounds`.
 */
export function clinicianDay(
  clinicianId: number,
  answer: { readonly free: readonly ScheduleRange[]; readonly busy: readonly ScheduleRange[] },
  schedules: ReadonlyMap<number, ScheduleFreeBusy>,
  bounds: Range,
): ClinicianDay {
  const free = byScheduleId(answer.free.flatMap((range) => clipTagged(range, bounds)))
  // Busy may reach outside the query (spec §6.5); a person cannot be in two places, so merge across schedules.
  const busy = intersect(union(answer.busy), [bounds])
  const available: Record<number, Range[]> = {}
  for (const [scheduleId, schedule] of schedules) {
    available[scheduleId] = clinicianAvailability(free[scheduleId] ?? [], schedule, busy)
  }
  return { clinicianId, free, busy, available }
}

function clipTagged(range: ScheduleRange, bounds: Range): ScheduleRange[] {
  const start = Math.max(range.start, bounds.start)
  const end = Math.min(range.end, bounds.end)
  return start < end ? [{ scheduleId: range.scheduleId, start, end }] : []
}
