// Pure interval algebra over half-open ranges [start, end) of epoch milliseconds. Every function accepts unsorted,
// overlapping and zero-length input, and returns sorted, disjoint, positive-length ranges (touching ranges merged).
import type { Instant, Range } from './domain'

const byStart = (a: Range, b: Range): number => a.start - b.start

/** True when the range has no length (or is inverted): such ranges are dropped from every result. */
export const isEmpty = (range: Range): boolean => range.end <= range.start

/** Sorted, disjoint ranges covering exactly the same time as the input (overlapping and touching ranges merged). */
export function union(...lists: readonly (readonly Range[])[]): Range[] {
  const sorted = lists
    .flat()
    .filter((range) => !isEmpty(range))
    .sort(byStart)
  const merged: Range[] = []
  for (const range of sorted) {
    const last = merged[merged.length - 1]
    if (last !== undefined && range.start <= last.end) {
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, range.end) }
    } else {
      merged.push({ start: range.start, end: range.end })
    }
  }
  return merged
}

/** The time covered by both `a` and `b`. */
export function intersect(a: readonly Range[], b: readonly Range[]): Range[] {
  const left = union(a)
  const right = union(b)
  const result: Range[] = []
  let i = 0
  let j = 0
  while (i < left.length && j < right.length) {
    const x = left[i] as Range
    const y = right[j] as Range
    const start = Math.max(x.start, y.start)
    const end = Math.min(x.end, y.end)
    if (start < end) result.push({ start, end })
    if (x.end <= y.end) i++
    else j++
  }
  return result
}

/** The time covered by `a` but not by `b`: `a` within the gaps between `b`'s ranges. */
export function subtract(a: readonly Range[], b: readonly Range[]): Range[] {
  const cuts = union(b)
  // Gap i runs from the end of cut i - 1 (or the beginning of time) to the start of cut i (or the end of time).
  const starts = [-Infinity, ...cuts.map((cut) => cut.end)]
  return intersect(
    a,
    starts.map((start, i) => ({ start, end: cuts[i]?.start ?? Infinity })),
  )
}

/** The ranges cut to `bounds`. */
export const clip = (ranges: readonly Range[], bounds: Range): Range[] =>
  intersect(ranges, [bounds])

/** True when the two ranges share some time (touching is not overlapping: spec §7.1 allows back-to-back bookings). */
export const overlaps = (a: Range, b: Range): boolean =>
  a.start < b.end && b.start < a.end && !isEmpty(a) && !isEmpty(b)

/** True when `inner` lies entirely within `outer`. */
export const contains = (outer: Range, inner: Range): boolean =>
  outer.start <= inner.start && inner.end <= outer.end

/** True when `inner` lies entirely within the time covered by `ranges` (which may touch or overlap). */
export const covers = (ranges: readonly Range[], inner: Range): boolean =>
  union(ranges).some((range) => contains(range, inner))

/** The total length of the time covered, in milliseconds. */
export const totalLength = (ranges: readonly Range[]): number =>
  union(ranges).reduce((sum, range) => sum + range.end - range.start, 0)

/**
 * Whole slots of `slotMs` inside the ranges, on boundaries `origin + k × slotMs` (partial slots dropped, as the
 * server does with `slots=true`, spec §5.5). Callers that need wall-clock alignment across DST use slots.ts.
 */
export function splitIntoSlots(ranges: readonly Range[], slotMs: number, origin: Instant): Range[] {
  if (!(slotMs > 0)) throw new RangeError(`slot length must be positive, got ${slotMs}`)
  const slots: Range[] = []
  for (const range of union(ranges)) {
    let start = origin + Math.ceil((range.start - origin) / slotMs) * slotMs
    while (start + slotMs <= range.end) {
      slots.push({ start, end: start + slotMs })
      start += slotMs
    }
  }
  return slots
}
