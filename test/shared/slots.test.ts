import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { covers } from '../../src/shared/intervals'
import {
  bookableStarts,
  isOnSlotBoundary,
  nextSlotBoundary,
  typeDuration,
} from '../../src/shared/slots'
import { dayBounds, formatTime } from '../../src/shared/time'

const SYDNEY = 'Australia/Sydney'
const MINUTE = 60_000
const at = (iso: string): number => DateTime.fromISO(iso).toMillis()

describe('typeDuration and isOnSlotBoundary', () => {
  it('a type lasts its slots times the schedule’s slot size', () => {
    expect(typeDuration({ slotSize: 15 }, { slots: 2 })).toBe(30 * MINUTE)
    expect(typeDuration({ slotSize: 30 }, { slots: 2 })).toBe(60 * MINUTE)
  })

  it('counts minutes from local midnight and ignores seconds (spec §7.1)', () => {
    expect(isOnSlotBoundary(at('2019-02-15T09:15:00+11:00'), 15, SYDNEY)).toBe(true)
    expect(isOnSlotBoundary(at('2019-02-15T09:15:30+11:00'), 15, SYDNEY)).toBe(true)
    expect(isOnSlotBoundary(at('2019-02-15T09:10:00+11:00'), 15, SYDNEY)).toBe(false)
    // 09:15 in Sydney is 22:15 UTC: aligned for 15 minutes in both zones, but 09:00 + 45 min slots only locally.
    expect(isOnSlotBoundary(at('2019-02-15T09:45:00+11:00'), 45, SYDNEY)).toBe(true)
    expect(isOnSlotBoundary(at('2019-02-15T09:45:00+11:00'), 45, 'UTC')).toBe(false)
  })

  it('agrees with luxon’s wall clock in any zone, DST changes included', () => {
    fc.assert(
      fc.property(
        fc.integer({
          min: Date.parse('2025-01-01T00:00:00Z'),
          max: Date.parse('2027-12-31T00:00:00Z'),
        }),
        fc.constantFrom(SYDNEY, 'America/New_York', 'Asia/Kolkata', 'UTC'),
        fc.constantFrom(5, 15, 20, 30, 45),
        (instant, zone, slotSize) => {
          const local = DateTime.fromMillis(instant, { zone })
          const boundary = nextSlotBoundary(instant, slotSize, zone)

          expect(isOnSlotBoundary(instant, slotSize, zone)).toBe(
            (local.hour * 60 + local.minute) % slotSize === 0,
          )
          expect(boundary).toBeGreaterThanOrEqual(instant)
          expect(boundary - instant).toBeLessThanOrEqual((slotSize + 60) * MINUTE)
          expect(isOnSlotBoundary(boundary, slotSize, zone)).toBe(true)
        },
      ),
    )
  })

  it('never takes a negative or zero slot size for a grid', () => {
    expect(isOnSlotBoundary(at('2019-02-15T09:00:00+11:00'), -15, SYDNEY)).toBe(false)
    expect(() => nextSlotBoundary(at('2019-02-15T09:00:00+11:00'), 0, SYDNEY)).toThrow(
      new RangeError('slot size must be positive, got 0'),
    )
    expect(() => nextSlotBoundary(at('2019-02-15T09:00:00+11:00'), -15, SYDNEY)).toThrow(RangeError)
  })

  it('restarts the grid at midnight when the slot size does not divide the day', () => {
    // 7-minute slots: 23:55 is the last boundary of the day, and the next one is midnight, not 00:02.
    expect(nextSlotBoundary(at('2019-02-15T23:58:00+11:00'), 7, SYDNEY)).toBe(
      at('2019-02-16T00:00:00+11:00'),
    )
  })

  it('nextSlotBoundary rounds up to a whole aligned minute', () => {
    expect(formatTime(nextSlotBoundary(at('2019-02-15T09:00:00+11:00'), 15, SYDNEY), SYDNEY)).toBe(
      '09:00',
    )
    expect(formatTime(nextSlotBoundary(at('2019-02-15T09:00:01+11:00'), 15, SYDNEY), SYDNEY)).toBe(
      '09:15',
    )
    expect(nextSlotBoundary(at('2019-02-15T23:50:00+11:00'), 15, SYDNEY)).toBe(
      at('2019-02-16T00:00:00+11:00'),
    )
  })
})

describe('bookableStarts', () => {
  it('offers nothing on a schedule without a slot size (0 is possible, spec §7.1 step 9), and does not throw', () => {
    const free = [{ start: at('2019-02-15T09:00:00+11:00'), end: at('2019-02-15T17:00:00+11:00') }]

    expect(bookableStarts(free, { slotSize: 0 }, { slots: 1 }, SYDNEY)).toEqual([])
    expect(
      bookableStarts(free, { slotSize: 0 }, { slots: 3 }, SYDNEY, { after: free[0]!.start }),
    ).toEqual([])
    expect(isOnSlotBoundary(free[0]!.start, 0, SYDNEY)).toBe(false)
  })

  it('lists aligned starts whose whole duration fits in free time (the guide’s schedule 136 example)', () => {
    const free = [
      { start: at('2019-02-15T09:00:00+11:00'), end: at('2019-02-15T10:45:00+11:00') },
      { start: at('2019-02-15T11:30:00+11:00'), end: at('2019-02-15T12:15:00+11:00') },
    ]

    const starts = bookableStarts(free, { slotSize: 15 }, { slots: 2 }, SYDNEY)

    expect(starts.map((s) => formatTime(s, SYDNEY))).toEqual([
      '09:00',
      '09:15',
      '09:30',
      '09:45',
      '10:00',
      '10:15',
      '11:30',
      '11:45',
    ])
  })

  it('skips starts at or before `after`', () => {
    const free = [{ start: at('2019-02-15T09:00:00+11:00'), end: at('2019-02-15T10:00:00+11:00') }]

    const starts = bookableStarts(free, { slotSize: 15 }, { slots: 1 }, SYDNEY, {
      after: at('2019-02-15T09:15:00+11:00'),
    })

    expect(starts.map((s) => formatTime(s, SYDNEY))).toEqual(['09:30', '09:45'])
  })

  it('on 23- and 25-hour days offers one start per wall-clock slot of the day', () => {
    for (const [date, hours] of [
      ['2026-10-04', 23],
      ['2026-04-05', 25],
      ['2026-06-01', 24],
    ] as const) {
      const starts = bookableStarts(
        [dayBounds(date, SYDNEY)],
        { slotSize: 30 },
        { slots: 1 },
        SYDNEY,
      )

      expect(starts).toHaveLength(hours * 2)
      expect(starts.every((s) => isOnSlotBoundary(s, 30, SYDNEY))).toBe(true)
    }
  })

  it('every start is aligned, after `after`, and its booking lies inside free time', () => {
    const day = dayBounds('2026-10-04', SYDNEY)
    const range = fc
      .tuple(fc.integer({ min: 0, max: 23 * 60 }), fc.integer({ min: 0, max: 300 }))
      .map(([from, length]) => ({
        start: day.start + from * MINUTE,
        end: day.start + (from + length) * MINUTE,
      }))
    fc.assert(
      fc.property(
        fc.array(range, { maxLength: 6 }),
        fc.constantFrom(5, 10, 15, 20, 30, 45, 60),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 23 * 60 }),
        (free, slotSize, slots, afterMinutes) => {
          const after = day.start + afterMinutes * MINUTE
          const duration = typeDuration({ slotSize }, { slots })

          const starts = bookableStarts(free, { slotSize }, { slots }, SYDNEY, { after })

          expect([...starts].sort((a, b) => a - b)).toEqual(starts)
          for (const start of starts) {
            expect(start).toBeGreaterThan(after)
            expect(isOnSlotBoundary(start, slotSize, SYDNEY)).toBe(true)
            expect(covers(free, { start, end: start + duration })).toBe(true)
          }
        },
      ),
    )
  })
})
