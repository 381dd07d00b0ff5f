// Slot arithmetic as the server does it: boundaries are multiples of the schedule's slot size in wall-clock minutes
// from local midnight, seconds ignored (spec §5.5, §7.1 step 9).
import { DateTime } from 'luxon'
import type { AppointmentType, Instant, Range, Schedule } from './domain'
import { union } from './intervals'

const MINUTE = 60_000

/** How long a type lasts on a schedule, in milliseconds: its slots × the schedule's slot size. */
export const typeDuration = (
  schedule: Pick<Schedule, 'slotSize'>,
  type: Pick<AppointmentType, 'slots'>,
): number => type.slots * schedule.slotSize * MINUTE

/** True when `instant` is on a slot boundary of `slotSize` minutes in `zone` (spec §7.1: only hour:minute count). */
export function isOnSlotBoundary(instant: Instant, slotSize: number, zone: string): boolean {
  if (!(slotSize > 0)) return false
  const local = DateTime.fromMillis(instant, { zone })
  return (local.hour * 60 + local.minute) % slotSize === 0
}

/** The first slot boundary at or after `instant` (whole minute, no seconds). */
export function nextSlotBoundary(instant: Instant, slotSize: number, zone: string): Instant {
  let local = DateTime.fromMillis(instant, { zone })
  // Each pass either lands on a boundary or moves forward to the next local day, so this ends.
  for (;;) {
    const exact = local.second === 0 && local.millisecond === 0
    const minute = local.hour * 60 + local.minute + (exact ? 0 : 1)
    const target = Math.ceil(minute / slotSize) * slotSize
    const candidate =
      target >= 24 * 60
        ? local.plus({ days: 1 }).startOf('day')
        : local.set({
            hour: Math.floor(target / 60),
            minute: target % 60,
            second: 0,
            millisecond: 0,
          })
    // A wall time inside a DST gap is moved forward by luxon and may no longer be aligned: look again from there.
    if (candidate.toMillis() >= instant && isOnSlotBoundary(candidate.toMillis(), slotSize, zone))
      return candidate.toMillis()
    local = candidate.toMillis() > local.toMillis() ? candidate : local.plus({ minutes: 1 })
  }
}

/** Options for {@link bookableStarts}. */
export interface BookableOptions {
  /** Only starts strictly after this instant (usually now: the server refuses the past, spec §7.1 step 4). */
  readonly after?: Instant
}

/**
 * Every aligned start on `schedule` where `[start, start + duration of type)` lies inside `free`, in order.
 * `free` may be unsorted or touching: it is merged first, so a booking may span two touching free ranges.
 */
export function bookableStarts(
  free: readonly Range[],
  schedule: Pick<Schedule, 'slotSize'>,
  type: Pick<AppointmentType, 'slots'>,
  zone: string,
  options: BookableOptions = {},
): Instant[] {
  const duration = typeDuration(schedule, type)
  if (!(duration > 0)) return []
  const starts: Instant[] = []
  for (const range of union(free)) {
    const earliest =
      options.after === undefined ? range.start : Math.max(range.start, options.after + 1)
    let start = nextSlotBoundary(earliest, schedule.slotSize, zone)
    while (start + duration <= range.end) {
      starts.push(start)
      const next = start + schedule.slotSize * MINUTE
      start = isOnSlotBoundary(next, schedule.slotSize, zone)
        ? next
        : nextSlotBoundary(next, schedule.slotSize, zone)
    }
  }
  return starts
}
