import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Range } from '../../src/shared/domain'
import {
  clip,
  contains,
  covers,
  intersect,
  overlaps,
  splitIntoSlots,
  subtract,
  totalLength,
  union,
} from '../../src/shared/intervals'

const range = fc
  .tuple(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 200 }))
  .map(([start, length]): Range => ({ start, end: start + length }))
const ranges = fc.array(range, { maxLength: 12 })

const isNormal = (list: readonly Range[]): boolean =>
  list.every((r, i) => r.start < r.end && (i === 0 || (list[i - 1] as Range).end < r.start))

/** Whether a point lies in the time covered by the list (the reference semantics of every operation). */
const at = (list: readonly Range[], t: number): boolean =>
  list.some((r) => r.start <= t && t < r.end)
const points = fc.array(fc.integer({ min: -10, max: 1_300 }), { minLength: 1, maxLength: 30 })

describe('union', () => {
  it('merges overlapping and touching ranges and drops empty ones', () => {
    const merged = union([
      { start: 30, end: 40 },
      { start: 0, end: 10 },
      { start: 10, end: 20 },
      { start: 5, end: 5 },
      { start: 35, end: 50 },
    ])

    expect(merged).toEqual([
      { start: 0, end: 20 },
      { start: 30, end: 50 },
    ])
  })

  it('is sorted, disjoint, covers the same points and is idempotent', () => {
    fc.assert(
      fc.property(ranges, points, (input, ts) => {
        const merged = union(input)

        expect(isNormal(merged)).toBe(true)
        expect(union(merged)).toEqual(merged)
        for (const t of ts) expect(at(merged, t)).toBe(at(input, t))
      }),
    )
  })
})

describe('intersect and subtract', () => {
  it('agree with point semantics and return normal lists', () => {
    fc.assert(
      fc.property(ranges, ranges, points, (a, b, ts) => {
        const both = intersect(a, b)
        const onlyA = subtract(a, b)

        expect(isNormal(both)).toBe(true)
        expect(isNormal(onlyA)).toBe(true)
        for (const t of ts) {
          expect(at(both, t)).toBe(at(a, t) && at(b, t))
          expect(at(onlyA, t)).toBe(at(a, t) && !at(b, t))
        }
      }),
    )
  })

  it('free minus busy never overlaps busy', () => {
    fc.assert(
      fc.property(ranges, ranges, (free, busy) => {
        const left = subtract(free, busy)

        expect(intersect(left, busy)).toEqual([])
        expect(left.some((r) => busy.some((b) => overlaps(r, b)))).toBe(false)
      }),
    )
  })

  it('subtract then union with the intersection restores the original', () => {
    fc.assert(
      fc.property(ranges, ranges, (a, b) => {
        expect(union(subtract(a, b), intersect(a, b))).toEqual(union(a))
      }),
    )
  })

  it('splits a range around a hole inside it', () => {
    const left = subtract([{ start: 0, end: 100 }], [{ start: 40, end: 60 }])

    expect(left).toEqual([
      { start: 0, end: 40 },
      { start: 60, end: 100 },
    ])
  })

  it('lengths add up: |a| = |a − b| + |a ∩ b|', () => {
    fc.assert(
      fc.property(ranges, ranges, (a, b) => {
        expect(totalLength(subtract(a, b)) + totalLength(intersect(a, b))).toBe(totalLength(a))
      }),
    )
  })
})

describe('clip, overlaps, contains, covers', () => {
  it('clip keeps only the time inside the bounds', () => {
    fc.assert(
      fc.property(ranges, range, points, (input, bounds, ts) => {
        const clipped = clip(input, bounds)

        expect(clipped.every((r) => contains(bounds, r))).toBe(true)
        for (const t of ts) expect(at(clipped, t)).toBe(at(input, t) && at([bounds], t))
      }),
    )
  })

  it('touching ranges do not overlap, and empty ranges overlap nothing', () => {
    expect(overlaps({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(false)
    expect(overlaps({ start: 0, end: 10 }, { start: 9, end: 20 })).toBe(true)
    expect(overlaps({ start: 5, end: 5 }, { start: 0, end: 10 })).toBe(false)
  })

  it('contains only what starts and ends inside', () => {
    const outer = { start: 10, end: 20 }

    expect(contains(outer, { start: 10, end: 20 })).toBe(true)
    expect(contains(outer, { start: 5, end: 15 })).toBe(false)
    expect(contains(outer, { start: 15, end: 25 })).toBe(false)
  })

  it('covers a range spanning two touching ranges', () => {
    const list = [
      { start: 0, end: 10 },
      { start: 10, end: 20 },
    ]

    expect(covers(list, { start: 5, end: 15 })).toBe(true)
    expect(covers(list, { start: 15, end: 25 })).toBe(false)
  })
})

describe('splitIntoSlots', () => {
  it('cuts whole aligned slots and drops partial ones', () => {
    const slots = splitIntoSlots([{ start: 7, end: 42 }], 10, 0)

    expect(slots).toEqual([
      { start: 10, end: 20 },
      { start: 20, end: 30 },
      { start: 30, end: 40 },
    ])
  })

  it('every slot is aligned to the origin, has the slot length and lies in the input', () => {
    fc.assert(
      fc.property(
        ranges,
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: -100, max: 100 }),
        (input, size, origin) => {
          const slots = splitIntoSlots(input, size, origin)

          expect(isNormal(union(slots))).toBe(true)
          for (const slot of slots) {
            expect(slot.end - slot.start).toBe(size)
            expect((((slot.start - origin) % size) + size) % size).toBe(0)
            expect(covers(input, slot)).toBe(true)
          }
        },
      ),
    )
  })

  it('keeps a last slot that ends exactly where the free time ends', () => {
    expect(splitIntoSlots([{ start: 0, end: 30 }], 15, 0)).toEqual([
      { start: 0, end: 15 },
      { start: 15, end: 30 },
    ])
  })

  it('refuses a non-positive slot length, saying which', () => {
    expect(() => splitIntoSlots([{ start: 0, end: 10 }], 0, 0)).toThrow(
      new RangeError('slot length must be positive, got 0'),
    )
  })
})
