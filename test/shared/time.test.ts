import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import {
  addDays,
  dayBounds,
  daysBetween,
  deskDateRange,
  formatClock,
  formatDateTime,
  formatTime,
  isIsoDate,
  isSaneDate,
  isoDateOf,
  minuteOfDay,
  todayIn,
} from '../../src/shared/time'

const SYDNEY = 'Australia/Sydney'
const HOUR = 3_600_000

describe('dayBounds', () => {
  it('is 24 hours on an ordinary day, starting at local midnight', () => {
    const bounds = dayBounds('2019-02-15', SYDNEY)

    expect(new Date(bounds.start).toISOString()).toBe('2019-02-14T13:00:00.000Z')
    expect(bounds.end - bounds.start).toBe(24 * HOUR)
  })

  it('is 23 hours on the day Sydney springs forward and 25 on the day it falls back', () => {
    const spring = dayBounds('2026-10-04', SYDNEY)
    const autumn = dayBounds('2026-04-05', SYDNEY)

    expect(spring.end - spring.start).toBe(23 * HOUR)
    expect(autumn.end - autumn.start).toBe(25 * HOUR)
  })

  it('days tile time: each day ends where the next begins, and every instant of it maps back to that day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (offset, f) => {
          const date = addDays('2025-01-01', offset)
          const bounds = dayBounds(date, SYDNEY)
          const inside = Math.min(
            bounds.end - 1,
            bounds.start + Math.floor(f * (bounds.end - bounds.start)),
          )

          expect(dayBounds(addDays(date, 1), SYDNEY).start).toBe(bounds.end)
          expect(isoDateOf(inside, SYDNEY)).toBe(date)
        },
      ),
    )
  })

  it('refuses a malformed or impossible date, naming it and the zone', () => {
    expect(() => dayBounds('2019-2-15', SYDNEY)).toThrow(RangeError)
    expect(() => dayBounds('2019-02-30', SYDNEY)).toThrow(
      'Not a yyyy-MM-dd date in Australia/Sydney: 2019-02-30',
    )
  })

  it('starts at 01:00 and lasts 23 hours where the clocks go forward at midnight (Santiago, 5 Sep 2027)', () => {
    const SANTIAGO = 'America/Santiago'
    const saturday = dayBounds('2027-09-04', SANTIAGO)
    const sunday = dayBounds('2027-09-05', SANTIAGO)

    expect(saturday.end).toBe(sunday.start)
    expect(DateTime.fromMillis(sunday.start, { zone: SANTIAGO }).toISO()).toBe(
      '2027-09-05T01:00:00.000-03:00',
    )
    expect(sunday.end - sunday.start).toBe(23 * HOUR)
    expect(sunday.end).toBe(dayBounds('2027-09-06', SANTIAGO).start)
  })
})

describe('calendar helpers', () => {
  it('todayIn answers the local date in the zone, not the computer’s', () => {
    const now = Date.parse('2019-02-14T14:30:00Z') // 01:30 on the 15th in Sydney

    expect(todayIn(SYDNEY, now)).toBe('2019-02-15')
    expect(todayIn('UTC', now)).toBe('2019-02-14')
  })

  it('addDays crosses months, years and DST, and daysBetween inverts it', () => {
    expect(addDays('2019-02-28', 1)).toBe('2019-03-01')
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31')
    expect(addDays('2026-10-03', 2)).toBe('2026-10-05')
    fc.assert(
      fc.property(fc.integer({ min: -800, max: 800 }), (n) => {
        expect(daysBetween('2026-04-05', addDays('2026-04-05', n))).toBe(n)
      }),
    )
  })

  it('isIsoDate accepts real yyyy-MM-dd days only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2023-02-29')).toBe(false)
    expect(isIsoDate('2024-2-9')).toBe(false)
    expect(isIsoDate('2024-02-09T00:00')).toBe(false)
  })

  it('takes only days from 1970 to 2099 as sane, and real ones only', () => {
    expect(['1970-01-01', '2019-02-15', '2099-12-31'].map(isSaneDate)).toEqual([true, true, true])
    expect(['1969-12-31', '2100-01-01', '2019-02-30', '2019-2-15'].map(isSaneDate)).toEqual([
      false,
      false,
      false,
      false,
    ])
  })

  it('offers dates from two years back to five years ahead, a leap day ending on the 28th', () => {
    expect(deskDateRange('2026-12-01')).toEqual({ min: '2024-12-01', max: '2031-12-01' })
    expect(deskDateRange('2028-02-29')).toEqual({ min: '2026-02-28', max: '2033-02-28' })
  })

  it('formats wall-clock times in the zone', () => {
    const instant = DateTime.fromISO('2019-02-15T09:05:00+11:00').toMillis()

    expect(formatClock(instant + 7_000, SYDNEY)).toBe('09:05:07')
    expect(formatClock(instant, 'UTC')).toBe('22:05:00')
    expect(formatTime(instant, SYDNEY)).toBe('09:05')
    expect(formatTime(instant, 'UTC')).toBe('22:05')
    expect(formatDateTime(instant, SYDNEY)).toBe('Fri 15 Feb 2019 09:05')
    expect(minuteOfDay(instant, SYDNEY)).toBe(9 * 60 + 5)
  })
})
