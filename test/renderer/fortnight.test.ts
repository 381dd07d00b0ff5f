import { describe, expect, it } from 'vitest'
import type { DaySummary } from '../../src/shared/domain'
import {
  dayLabel,
  freeShare,
  shortDay,
  shortDuration,
  shortState,
  spokenDuration,
  stripStart,
} from '../../src/renderer/src/fortnight'

const day = (overrides: Partial<DaySummary> = {}): DaySummary => ({
  date: '2026-12-03',
  closed: false,
  freeMinutes: 315,
  openMinutes: 600,
  ...overrides,
})

describe('how the fortnight strip words a day', () => {
  it('names the day and its free time as a screen reader reads it', () => {
    expect(dayLabel(day(), null)).toBe('Thursday 3 December: 5 h 15 min free')
    expect(dayLabel(day(), '2026-12-03')).toBe('Today, Thursday 3 December: 5 h 15 min free')
    expect(dayLabel(day({ closed: true, freeMinutes: 0, openMinutes: 0 }), null)).toBe(
      'Thursday 3 December: closed',
    )
    expect(dayLabel(day({ freeMinutes: 0 }), null)).toBe('Thursday 3 December: nothing free')
  })

  it('says whole hours and lone minutes without the empty part', () => {
    expect(spokenDuration(45)).toBe('45 min')
    expect(spokenDuration(120)).toBe('2 h')
    expect(shortDuration(45)).toBe('45m')
    expect(shortDuration(315)).toBe('5h 15m')
    expect(shortDuration(600)).toBe('10h')
    // A big clinic sums many schedules: past ten hours the minutes would only crowd a narrow day.
    expect(shortDuration(23_655)).toBe('394h')
  })

  it('tells a booked-out day from a closed one and from one with nothing left to book', () => {
    expect(shortState(day({ freeMinutes: 0 }))).toBe('full')
    expect(shortState(day({ closed: true, freeMinutes: 0, openMinutes: 0 }))).toBe('closed')
    expect(shortState(day({ freeMinutes: 0, openMinutes: 0 }))).toBe('none')
    expect(shortDay('2026-12-03')).toBe('Thu 3')
  })

  it('shades by the share of the remaining opening time still free', () => {
    expect(freeShare(day())).toBeCloseTo(0.525)
    expect(freeShare(day({ freeMinutes: 0 }))).toBe(0)
    expect(freeShare(day({ closed: true, openMinutes: 0, freeMinutes: 0 }))).toBe(0)
    expect(freeShare(day({ freeMinutes: 700 }))).toBe(1)
  })
})

describe('which days the strip shows', () => {
  const today = '2026-12-03'

  it('the coming days while the board shows one of them, or a past day', () => {
    expect(stripStart(today, today, 14)).toBe(today)
    expect(stripStart(today, '2026-12-16', 14)).toBe(today)
    expect(stripStart(today, '2026-11-20', 14)).toBe(today)
    expect(stripStart(today, null, 14)).toBe(today)
  })

  it('the later page of days holding the board’s day, turning only at a page’s end', () => {
    expect(stripStart(today, '2026-12-17', 14)).toBe('2026-12-17')
    expect(stripStart(today, '2026-12-30', 14)).toBe('2026-12-17')
    expect(stripStart(today, '2026-12-31', 14)).toBe('2026-12-31')
    expect(stripStart(today, '2027-03-10', 28)).toBe('2027-02-25')
  })
})
