import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import {
  clockChange,
  dayClock,
  dayClockZone,
  elapsedMinutes,
  formatTimeOfDay,
  formatTimeRange,
  hourMarks,
  occurrence,
} from '../../src/shared/day-clock'
import { bookableStarts } from '../../src/shared/slots'
import { dayBounds } from '../../src/shared/time'

const SYDNEY = 'Australia/Sydney'
const HOUR = 3_600_000
const at = (iso: string): number => DateTime.fromISO(iso).toMillis()

// Sydney 2027: clocks go back at 03:00 AEDT on Sun 4 Apr (a 25-hour day) and forward at 02:00 AEST on Sun 3 Oct.
const BACK = '2027-04-04'
const FORWARD = '2027-10-03'

describe('clockChange', () => {
  it('finds when and which way the clocks change, and nothing on an ordinary day', () => {
    expect(clockChange(BACK, SYDNEY)).toEqual({
      at: at('2027-04-04T03:00:00+11:00'),
      kind: 'back',
      minutes: 60,
      from: '03:00',
      to: '02:00',
    })
    expect(clockChange(FORWARD, SYDNEY)).toEqual({
      at: at('2027-10-03T02:00:00+10:00'),
      kind: 'forward',
      minutes: 60,
      from: '02:00',
      to: '03:00',
    })
    expect(clockChange('2027-06-01', SYDNEY)).toBeNull()
    expect(clockChange(BACK, 'UTC')).toBeNull()
  })

  it('gives a change at midnight to the day it starts (Santiago goes forward at 00:00 on 5 Sep 2027)', () => {
    expect(clockChange('2027-09-04', 'America/Santiago')).toBeNull()
    expect(hourMarks('2027-09-04', 'America/Santiago')).toHaveLength(24)
    const marks = hourMarks('2027-09-05', 'America/Santiago')
    expect(marks).toHaveLength(23)
    expect(marks.slice(0, 2).map((mark) => mark.label)).toEqual(['01:00', '02:00'])
  })

  it('finds a half-hour change (Lord Howe Island goes back from 02:00 to 01:30)', () => {
    expect(clockChange(BACK, 'Australia/Lord_Howe')).toMatchObject({
      at: at('2027-04-04T02:00:00+11:00'),
      kind: 'back',
      minutes: 30,
      from: '02:00',
      to: '01:30',
    })
  })
})

describe('the day laid out by elapsed time', () => {
  it('has 25 hour marks on the day clocks go back, 02:00 twice, the second marked', () => {
    const marks = hourMarks(BACK, SYDNEY)

    expect(marks).toHaveLength(25)
    expect(marks.map((mark) => mark.label).slice(0, 5)).toEqual([
      '00:00',
      '01:00',
      '02:00',
      '02:00',
      '03:00',
    ])
    expect(marks.filter((mark) => mark.again)).toEqual([
      { minute: 180, label: '02:00', again: true },
    ])
    expect(marks[24]).toEqual({ minute: 24 * 60, label: '23:00', again: false })
  })

  it('has 23 hour marks on the day clocks go forward, with no 02:00', () => {
    const marks = hourMarks(FORWARD, SYDNEY)

    expect(marks).toHaveLength(23)
    expect(marks.map((mark) => mark.label).slice(0, 4)).toEqual([
      '00:00',
      '01:00',
      '03:00',
      '04:00',
    ])
    expect(marks.some((mark) => mark.again)).toBe(false)
  })

  it('has 24 hour marks on an ordinary day, each at its wall-clock minute', () => {
    const marks = hourMarks('2027-06-01', SYDNEY)

    expect(marks).toHaveLength(24)
    expect(marks.every((mark, hour) => mark.minute === hour * 60)).toBe(true)
  })

  it('draws a day in the offset of its midnight, so every real hour has its own place', () => {
    expect(dayClockZone(BACK, SYDNEY)).toBe('UTC+11')
    expect(dayClockZone(FORWARD, SYDNEY)).toBe('UTC+10')
    expect(dayClockZone('2027-01-10', 'America/St_Johns')).toBe('UTC-3:30')
    const bounds = dayBounds(BACK, SYDNEY)
    expect(elapsedMinutes(at('2027-04-04T02:00:00+10:00'), bounds)).toBe(180)
    expect(elapsedMinutes(bounds.end, bounds)).toBe(25 * 60)
  })
})

describe('saying a time on a clock-change day', () => {
  const firstTwo = at('2027-04-04T02:00:00+11:00')
  const secondTwo = at('2027-04-04T02:00:00+10:00')

  it('tells the two 02:00s apart, and leaves other times alone', () => {
    expect(occurrence(firstTwo, SYDNEY)).toBe('first')
    expect(occurrence(secondTwo, SYDNEY)).toBe('second')
    expect(occurrence(at('2027-04-04T02:59:00+10:00'), SYDNEY)).toBe('second')
    expect(occurrence(at('2027-04-04T03:00:00+10:00'), SYDNEY)).toBeNull()
    expect(occurrence(at('2027-04-04T01:59:00+11:00'), SYDNEY)).toBeNull()
    expect(occurrence(at('2027-10-03T03:00:00+11:00'), SYDNEY)).toBeNull()
    expect(formatTimeOfDay(secondTwo, SYDNEY)).toBe('02:00 (after the clocks go back)')
    expect(formatTimeOfDay(at('2027-04-04T09:00:00+10:00'), SYDNEY)).toBe('09:00')
  })

  it('never writes an hour of the repeated hour as 02:00–02:00', () => {
    expect(formatTimeRange(firstTwo, firstTwo + HOUR, SYDNEY)).toBe(
      '02:00–03:00 (before the clocks go back)',
    )
    expect(formatTimeRange(secondTwo, secondTwo + HOUR, SYDNEY)).toBe(
      '02:00–03:00 (after the clocks go back)',
    )
    // Half an hour each side of the change: two different 02:30s, each named.
    expect(formatTimeRange(firstTwo + HOUR / 2, secondTwo + HOUR / 2, SYDNEY)).toBe(
      '02:30 (before the clocks go back)–02:30 (after the clocks go back)',
    )
    expect(
      formatTimeRange(at('2027-04-04T01:00:00+11:00'), at('2027-04-04T04:00:00+10:00'), SYDNEY),
    ).toBe('01:00–04:00 (the clocks go back at 03:00)')
  })

  it('names the side of a range that starts or ends in the repeated hour, and only that', () => {
    // Across the change, ending at the second 03:00 (the end of the repeated hour).
    expect(formatTimeRange(at('2027-04-04T01:30:00+11:00'), secondTwo + HOUR, SYDNEY)).toBe(
      '01:30–03:00 (after the clocks go back)',
    )
    // Before the change, ending inside the first 02:00–03:00.
    expect(formatTimeRange(at('2027-04-04T01:30:00+11:00'), firstTwo + HOUR / 2, SYDNEY)).toBe(
      '01:30–02:30 (before the clocks go back)',
    )
    // Ending as the repeated hour begins: nothing in it.
    expect(formatTimeRange(at('2027-04-04T01:00:00+11:00'), firstTwo, SYDNEY)).toBe('01:00–02:00')
    // No length: said as it is.
    expect(formatTimeRange(firstTwo + HOUR / 2, firstTwo + HOUR / 2, SYDNEY)).toBe('02:30–02:30')
  })

  it('says so when the clocks go forward inside a range, and is plain otherwise', () => {
    expect(
      formatTimeRange(at('2027-10-03T01:30:00+10:00'), at('2027-10-03T03:30:00+11:00'), SYDNEY),
    ).toBe('01:30–03:30 (the clocks go forward at 02:00)')
    expect(
      formatTimeRange(at('2027-10-03T03:00:00+11:00'), at('2027-10-03T04:00:00+11:00'), SYDNEY),
    ).toBe('03:00–04:00')
    expect(
      formatTimeRange(at('2027-06-01T09:30:00+10:00'), at('2027-06-01T10:15:00+10:00'), SYDNEY),
    ).toBe('09:30–10:15')
  })

  it('on a 24-hour schedule of the 25-hour day offers 25 hourly starts, each written differently', () => {
    const starts = bookableStarts([dayBounds(BACK, SYDNEY)], { slotSize: 60 }, { slots: 1 }, SYDNEY)
    const written = starts.map((start) => formatTimeRange(start, start + HOUR, SYDNEY))

    expect(starts).toHaveLength(25)
    expect(new Set(written).size).toBe(25)
    expect(written.every((text) => !/^(\d\d:\d\d)–\1/.test(text))).toBe(true)
  })
})

describe("dayClock: a day's times named in bulk", () => {
  const days = [
    ['2027-06-01', SYDNEY],
    [BACK, SYDNEY],
    [FORWARD, SYDNEY],
    [BACK, 'Australia/Lord_Howe'],
    ['2027-01-10', 'America/St_Johns'],
    ['2027-03-14', 'America/New_York'],
  ] as const

  it.each(days)('writes every range of %s in %s as formatTimeRange does', (date, zone) => {
    const clock = dayClock(date, zone)
    const { start, end } = dayBounds(date, zone)
    const FIVE = 5 * 60_000

    for (let from = start; from < end; from += FIVE)
      for (const length of [FIVE, 3 * FIVE, HOUR]) {
        const to = Math.min(from + length, end)
        expect(clock.formatRange(from, to)).toBe(formatTimeRange(from, to, zone))
        expect(clock.wallMinute(from)).toBe(
          DateTime.fromMillis(from, { zone }).hour * 60 +
            DateTime.fromMillis(from, { zone }).minute,
        )
      }
  })

  it('writes a range beyond the day as formatTimeRange does', () => {
    const { end } = dayBounds('2027-06-01', SYDNEY)

    expect(dayClock('2027-06-01', SYDNEY).formatRange(end - HOUR, end + HOUR)).toBe('23:00–01:00')
  })
})

describe('a day’s clock for a range reaching into a neighbouring day', () => {
  it('names it by the neighbouring day’s own clock when the clocks changed between them', () => {
    const saturday = dayClock('2027-04-03', SYDNEY)
    const monday = dayClock('2027-04-05', SYDNEY)

    expect(
      saturday.formatRange(at('2027-04-03T23:00:00+11:00'), at('2027-04-04T05:00:00+10:00')),
    ).toBe('23:00–05:00')
    expect(
      monday.formatRange(at('2027-04-04T01:00:00+11:00'), at('2027-04-05T01:00:00+10:00')),
    ).toBe('01:00–01:00 (the clocks go back at 03:00)')
  })
})
