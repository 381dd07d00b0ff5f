// Slot arithmetic as the server does it: boundaries are multiples of the schedule's slot size in wall-clock minutes
// from local midnight, seconds ignored (spec §5.5, §7.1 step 9).
import { DateTime, type Zone } from 'luxon'
import { BoundedMemo } from './bounded-memo'
import type { AppointmentType, Instant, Range, Schedule } from './domain'
import { union } from './intervals'

const MINUTE = 60_000

/** How long a type lasts on a schedule, in milliseconds: its slots × the schedule's slot size. */
export const typeDuration = (
  schedule: Pick<Schedule, 'slotSize'>,
  type: Pick<AppointmentType, 'slots'>,
): number => type.slots * schedule.slotSize * MINUTE

const DAY_MINUTES = 24 * 60
/** Zones resolved by name: a clinic has one or two. */
const zones = new BoundedMemo<Zone>(16)

// Wall-clock minute of the day from the zone's offset: the same hour:minute luxon would give, without building a
// DateTime per candidate (a 14-day search tests thousands of them).
function wallMinute(instant: Instant, zone: string): number {
  const resolved = zones.get(zone, () => DateTime.fromMillis(0, { zone }).zone)
  const local = Math.floor((instant + resolved.offset(instant) * MINUTE) / MINUTE)
  return ((local % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES
}

/** True when `instant` is on a slot boundary of `slotSize` minutes in `zone` (spec §7.1: only hour:minute count). */
export function isOnSlotBoundary(instant: Instant, slotSize: number, zone: string): boolean {
  return slotSize > 0 && wallMinute(instant, zone) % slotSize === 0
}

/** The first slot boundary at or after `instant` (a whole minute). */
export function nextSlotBoundary(instant: Instant, slotSize: number, zone: string): Instant {
  if (!(slotSize > 0)) throw new RangeError(`slot size must be positive, got ${slotSize}`)
  let candidate = Math.ceil(instant / MINUTE) * MINUTE
  // Each pass moves to the next boundary by the wall clock, or to local midnight (always a boundary); a DST change
  // on the way can leave it off the grid, and the next pass corrects that.
  for (;;) {
    const minute = wallMinute(candidate, zone)
    const remainder = minute % slotSize
    if (remainder === 0) return candidate
    candidate += Math.min(slotSize - remainder, DAY_MINUTES - minute) * MINUTE
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
