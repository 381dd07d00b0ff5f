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
  for (const [id, list] of Object.entries(grouped)) grouped[Number(id)] = union(list)
  return grouped
}

/**
 * The part of a clinician's busy time that is really an appointment. Their busy mixes roster gaps (not rostered on
 * one schedule, spec §6.4) with their appointments, and on a day rostered on several schedules the gaps of one cover
 * the hours of another, so busy can span the whole day (§6.5). A roster gap must not hide time they are rostered
 * elsewhere (the guide's user 1158: free on 211 from 09:00 though only on 136 from 11:00). Two kinds of busy time are
 * theirs for sure: busy where they are free on no schedule (the guide's rule, exact for a one-schedule day), and a
 * hole inside their free time on a schedule that the schedule also shows busy — an appointment, which the server may
 * have left in another schedule's free list (§6.5).
 */
export function appointmentBusy(
  clinicianBusy: readonly Range[],
  clinicianFree: Readonly<Record<number, readonly Range[]>>,
  schedules: ReadonlyMap<number, ScheduleFreeBusy>,
): Range[] {
  const freeAnywhere = union(...Object.values(clinicianFree))
  const holes = [...schedules].flatMap(([scheduleId, schedule]) => {
    // The holes: from the end of each free range to the start of the next.
    const free = union(clinicianFree[scheduleId] ?? [])
    const holes = free
      .slice(1)
      .map((next, i) => ({ start: (free[i] as Range).end, end: next.start }))
    return intersect(holes, schedule.busy)
  })
  return intersect(clinicianBusy, union(subtract(clinicianBusy, freeAnywhere), holes))
}

/** A clinician's real availability on each of `schedules`, from their user free/busy answer. */
export function availabilityBySchedule(
  answer: { readonly free: readonly ScheduleRange[]; readonly busy: readonly Range[] },
  schedules: ReadonlyMap<number, ScheduleFreeBusy>,
): Record<number, Range[]> {
  const free = byScheduleId(answer.free)
  const busy = appointmentBusy(answer.busy, free, schedules)
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
