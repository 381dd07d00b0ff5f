import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import type { DayView, JournalEntry } from '../../src/shared/domain'
import { bookableStarts } from '../../src/shared/slots'
import { dayBounds } from '../../src/shared/time'
import {
  boxOf,
  columnBlocks,
  openingMinute,
  selectionAllowed,
  slotZone,
  visibleHours,
} from '../../src/renderer/src/board'
import { at, dayView, zone } from './helpers/fixtures'
import { guideDraft } from '../helpers/booking-draft'

const DAY = '2030-02-15'

describe('visibleHours', () => {
  it('spans the opening hours with an hour of padding, in whole hours', () => {
    const hours = visibleHours(dayView(DAY), [15, 30])

    expect(hours).toEqual({ slotMinTime: '08:00:00', slotMaxTime: '19:00:00' })
  })

  // The board draws a day by time elapsed since midnight (the offset of its midnight), so a DST day's 23 or 25
  // hours each get a row: wall 01:00–06:00 on the 23-hour day is elapsed 01:00–05:00, shown with an hour each side.
  it('counts elapsed time on the day clocks go forward (Sydney, 2026-10-04: 02:00 becomes 03:00)', () => {
    const date = '2026-10-04'
    const wall = (time: string): number => DateTime.fromISO(`${date}T${time}`, { zone }).toMillis()
    const view: DayView = {
      ...dayView(date),
      schedules: [
        { scheduleId: 11, free: [{ start: wall('01:00'), end: wall('06:00') }], busy: [] },
      ],
    }

    expect(visibleHours(view, [30])).toEqual({ slotMinTime: '00:00:00', slotMaxTime: '06:00:00' })
  })

  it('runs a 24-hour schedule to 25:00 on the day clocks go back (Sydney, 2027-04-04)', () => {
    const date = '2027-04-04'
    const bounds = dayBounds(date, zone)
    const view: DayView = {
      ...dayView(date),
      bounds,
      schedules: [{ scheduleId: 11, free: [bounds], busy: [] }],
    }

    expect(visibleHours(view, [60])).toEqual({ slotMinTime: '00:00:00', slotMaxTime: '25:00:00' })
    expect(openingMinute(view, bounds.start - 86_400_000)).toBe(0)
  })

  it('starts on every schedule’s slot grid, so snapping lands on the server’s boundaries', () => {
    const view: DayView = {
      ...dayView(DAY),
      schedules: [
        { scheduleId: 1, free: [{ start: at(DAY, '08:00'), end: at(DAY, '17:00') }], busy: [] },
      ],
    }

    expect(visibleHours(view, [15, 45]).slotMinTime).toBe('06:00:00')
  })

  it('reaches 24:00 when the day is open until midnight', () => {
    const view: DayView = {
      ...dayView(DAY),
      schedules: [
        {
          scheduleId: 1,
          free: [{ start: at(DAY, '20:00'), end: at('2030-02-16', '00:00') }],
          busy: [],
        },
      ],
    }

    expect(visibleHours(view, [15]).slotMaxTime).toBe('24:00:00')
  })

  it('shows working hours when nothing is open that day', () => {
    const view: DayView = { ...dayView(DAY), schedules: [{ scheduleId: 1, free: [], busy: [] }] }

    expect(visibleHours(view, [15])).toEqual({ slotMinTime: '08:00:00', slotMaxTime: '18:00:00' })
  })
})

describe('openingMinute', () => {
  it('opens another day on its first opening time', () => {
    expect(openingMinute(dayView(DAY), at('2030-02-14', '12:00'))).toBe(9 * 60)
  })

  it('opens today on the current time once the clinic is open, on the opening before', () => {
    expect(openingMinute(dayView(DAY), at(DAY, '14:20'))).toBe(14 * 60 + 20)
    expect(openingMinute(dayView(DAY), at(DAY, '06:00'))).toBe(9 * 60)
  })

  it('lets a schedule open all night not pull the board back to midnight', () => {
    const base = dayView(DAY)
    const view: DayView = {
      ...base,
      schedules: [
        ...base.schedules,
        { scheduleId: 999, free: [{ start: base.bounds.start, end: base.bounds.end }], busy: [] },
      ],
    }

    expect(openingMinute(view, at('2030-02-14', '12:00'))).toBe(9 * 60)
    expect(openingMinute({ ...view, schedules: view.schedules.slice(2) }, 0)).toBe(0)
  })

  it('has no opening on a day nothing opens', () => {
    expect(openingMinute({ ...dayView(DAY), schedules: [] }, 0)).toBeNull()
  })
})

describe('columnBlocks', () => {
  it('draws free and busy, skips zero-length busy, and bands only this schedule’s availability', () => {
    const view = dayView(DAY)
    const schedule = {
      ...view.schedules[0]!,
      busy: [...view.schedules[0]!.busy, { start: 5, end: 5 }],
    }
    const clinician = view.clinicians[0]!

    const blocks = columnBlocks(schedule, [
      { day: clinician, name: 'Andrew Turner', colour: '#1565c0', lane: 2 },
    ])

    expect(blocks.map((block) => [block.kind, block.text])).toEqual([
      ['free', undefined],
      ['free', undefined],
      ['busy', 'Booked'],
      ['clinician', 'AT'],
    ])
    expect(blocks[3]).toMatchObject({
      start: at(DAY, '11:30'),
      end: at(DAY, '17:00'),
      colour: '#1565c0',
      lane: 2,
      tooltip: 'Andrew Turner available',
    })
  })
})

describe('columnBlocks past', () => {
  it('draws the part of today already gone as past, over free and busy', () => {
    const view = dayView(DAY)
    const past = { start: view.bounds.start, end: at(DAY, '10:00') }

    const blocks = columnBlocks(view.schedules[0]!, [], past)

    const drawn = blocks.find((block) => block.kind === 'past')
    expect(drawn).toMatchObject({ start: past.start, end: past.end })
    expect(blocks.indexOf(drawn!)).toBe(blocks.length - 1)
    expect(
      columnBlocks(view.schedules[0]!, [], { start: 7, end: 7 }).map((b) => b.kind),
    ).not.toContain('past')
  })
})

describe('columnBlocks unconfirmed', () => {
  it('marks this desk’s unanswered booking over the busy time, under the past, naming the customer', () => {
    const view = dayView(DAY)
    const busy = view.schedules[0]!.busy[0]!
    const draft = guideDraft({ start: busy.start, end: busy.start + 15 * 60_000 })
    const sent: JournalEntry = {
      reference: null,
      draft,
      submittedAt: busy.start - 3_600_000,
      outcome: 'unknown',
      message: 'No usable answer came back from OpenVPMS.',
    }

    const blocks = columnBlocks(view.schedules[0]!, [], { start: 0, end: 1 }, [sent])

    const kinds = blocks.map((block) => block.kind)
    expect(blocks[kinds.indexOf('unconfirmed')]).toEqual({
      kind: 'unconfirmed',
      start: draft.start,
      end: draft.end,
      text: 'Probably this desk’s booking (unconfirmed)',
      tooltip: 'Probably this desk’s booking (unconfirmed): Judith Bourke',
    })
    expect(kinds.indexOf('unconfirmed')).toBeGreaterThan(kinds.lastIndexOf('busy'))
    expect(kinds.indexOf('unconfirmed')).toBeLessThan(kinds.indexOf('past'))
  })
})

describe('boxOf', () => {
  const hours = { slotMinTime: '08:00:00', slotMaxTime: '18:00:00' }

  it('places a range by the minutes since the first hour shown, 1.6 px a minute', () => {
    const { bounds } = dayView(DAY)

    expect(boxOf({ start: at(DAY, '09:00'), end: at(DAY, '09:15') }, bounds, hours)).toEqual({
      top: 96,
      height: 24,
    })
  })

  it('cuts a range to the hours shown, and has no box for one wholly outside them', () => {
    const { bounds } = dayView(DAY)

    expect(boxOf({ start: at(DAY, '07:00'), end: at(DAY, '08:30') }, bounds, hours)).toEqual({
      top: 0,
      height: 48,
    })
    expect(boxOf({ start: at(DAY, '17:30'), end: bounds.end + 3_600_000 }, bounds, hours)).toEqual({
      top: 9.5 * 96,
      height: 48,
    })
    expect(boxOf({ start: at(DAY, '06:00'), end: at(DAY, '08:00') }, bounds, hours)).toBeNull()
    expect(boxOf({ start: at(DAY, '18:00'), end: at(DAY, '19:00') }, bounds, hours)).toBeNull()
  })

  it('counts the 25th hour of the day the clocks go back after the 24th (Sydney, 2027-04-04)', () => {
    const day = '2027-04-04'
    const bounds = dayBounds(day, 'Australia/Sydney')
    const allDay = { slotMinTime: '00:00:00', slotMaxTime: '25:00:00' }
    // The second 02:00 (standard time, +10:00) is the day's fourth hour: three elapsed hours after midnight.
    const secondTwo = DateTime.fromISO(`${day}T02:00:00+10:00`).toMillis()

    expect(boxOf({ start: secondTwo, end: secondTwo + 3_600_000 }, bounds, allDay)).toEqual({
      top: 3 * 96,
      height: 96,
    })
    expect(boxOf(bounds, bounds, allDay)).toEqual({ top: 0, height: 25 * 96 })
  })
})

describe('selectionAllowed', () => {
  const free = [
    { start: at(DAY, '09:00'), end: at(DAY, '10:45') },
    { start: at(DAY, '10:45'), end: at(DAY, '11:00') },
  ]
  const before = at(DAY, '08:00')

  it('allows free time, even across touching free ranges', () => {
    expect(
      selectionAllowed({ start: at(DAY, '10:30'), end: at(DAY, '11:00') }, free, null, before),
    ).toBe(true)
  })

  it('refuses time that is not free, or already past', () => {
    expect(
      selectionAllowed({ start: at(DAY, '10:45'), end: at(DAY, '11:15') }, free, null, before),
    ).toBe(false)
    expect(
      selectionAllowed(
        { start: at(DAY, '09:00'), end: at(DAY, '09:15') },
        free,
        null,
        at(DAY, '09:05'),
      ),
    ).toBe(false)
  })

  it('limits a booking for a clinician to when they are really available', () => {
    const available = [{ start: at(DAY, '10:00'), end: at(DAY, '11:00') }]

    expect(
      selectionAllowed({ start: at(DAY, '09:00'), end: at(DAY, '09:15') }, free, available, before),
    ).toBe(false)
    expect(
      selectionAllowed({ start: at(DAY, '10:00'), end: at(DAY, '10:15') }, free, available, before),
    ).toBe(true)
  })
})

describe('slotZone', () => {
  const starts = (view: DayView, inZone: string): number[] =>
    view.schedules.flatMap((schedule) =>
      bookableStarts(schedule.free, { slotSize: 15 }, { slots: 1 }, inZone),
    )

  it("finds an ordinary day's slots in its midnight's fixed offset, the same starts as in the named zone", () => {
    const view = dayView(DAY)

    expect(slotZone(view)).toBe('UTC+11')
    expect(starts(view, slotZone(view))).toEqual(starts(view, zone))
  })

  it('keeps the named zone on a day the clocks change, and for times beyond the day', () => {
    const back = { ...dayView(DAY), date: '2027-04-04', bounds: dayBounds('2027-04-04', zone) }
    const view = dayView(DAY)
    const beyond: DayView = {
      ...view,
      schedules: [
        {
          ...view.schedules[0]!,
          free: [{ start: view.bounds.end - 3_600_000, end: view.bounds.end + 3_600_000 }],
        },
      ],
    }

    expect(slotZone(back)).toBe(zone)
    expect(slotZone(beyond)).toBe(zone)
  })
})
