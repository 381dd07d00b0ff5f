// The Booking API V2's invariants, checked on any server's answers without knowing its data.
import { DateTime } from 'luxon'
import type { Range } from '../../src/shared/domain'

/** Describes a range for failure messages, in the server's zone. */
export function show(range: Range, zone: string): string {
  const fmt = (instant: number): string =>
    DateTime.fromMillis(instant, { zone }).toISO() ?? String(instant)
  return `[${fmt(range.start)}, ${fmt(range.end)}]`
}

/** Problems with a list that must be chronological, non-overlapping, inside [from, to] (spec §5.3, §5.4, §5.6). */
export function listProblems(
  ranges: readonly Range[],
  window: Range,
  zone: string,
  options: { positiveLength: boolean },
): string[] {
  const problems: string[] = []
  ranges.forEach((range, i) => {
    if (range.start < window.start || range.end > window.end) {
      problems.push(`${show(range, zone)} lies outside the query ${show(window, zone)}`)
    }
    if (options.positiveLength ? range.end <= range.start : range.end < range.start) {
      problems.push(`${show(range, zone)} has no length`)
    }
    const previous = ranges[i - 1]
    if (previous !== undefined && range.start < previous.end) {
      problems.push(`${show(range, zone)} starts before the previous ${show(previous, zone)} ends`)
    }
  })
  return problems
}

/** Pairs of free and busy ranges that overlap by a positive length (spec §5: free and busy are disjoint). */
export function overlapProblems(
  free: readonly Range[],
  busy: readonly Range[],
  zone: string,
): string[] {
  const problems: string[] = []
  for (const f of free) {
    for (const b of busy) {
      if (f.start < b.end && b.start < f.end) {
        problems.push(`free ${show(f, zone)} overlaps busy ${show(b, zone)}`)
      }
    }
  }
  return problems
}

/** Slot ranges that are not exactly one slot long or not on a slot boundary from local midnight (spec §5.5). */
export function slotProblems(ranges: readonly Range[], slotSize: number, zone: string): string[] {
  return ranges.flatMap((range) => {
    const start = DateTime.fromMillis(range.start, { zone })
    const problems: string[] = []
    if ((start.hour * 60 + start.minute) % slotSize !== 0) {
      problems.push(`${show(range, zone)} does not start on a ${slotSize}-minute boundary`)
    }
    if (range.end - range.start !== slotSize * 60_000) {
      problems.push(`${show(range, zone)} is not one ${slotSize}-minute slot`)
    }
    return problems
  })
}

/** True when `inner` lies within the union of `outer` (touching ranges joined). */
export function covered(inner: Range, outer: readonly Range[]): boolean {
  let reached = inner.start
  for (const range of [...outer].sort((a, b) => a.start - b.start)) {
    if (range.start > reached) break
    reached = Math.max(reached, range.end)
    if (reached >= inner.end) return true
  }
  return reached >= inner.end
}

/** True when `range` overlaps any of `ranges` by a positive length. */
export function overlapsAny(range: Range, ranges: readonly Range[]): boolean {
  return ranges.some((other) => other.start < range.end && range.start < other.end)
}

/**
 * True when the range starts on a day whose clocks change (not 24 hours long). On such days OpenVPMS counts
 * rounded slot boundaries from midnight in elapsed minutes, so its `slots=true` answer is off by the change
 * (spec §5.5) and the slot invariants do not hold.
 */
export function onChangeDay(range: Range, zone: string): boolean {
  const day = DateTime.fromMillis(range.start, { zone }).startOf('day')
  return day.plus({ days: 1 }).diff(day).as('hours') !== 24
}

/** Local midnight today and `days` later, in the server's zone. */
export function dayWindow(zone: string, days: number, now = Date.now()): Range {
  const today = DateTime.fromMillis(now, { zone }).startOf('day')
  return { start: today.toMillis(), end: today.plus({ days }).toMillis() }
}
