import { describe, expect, it } from 'vitest'
import { slotRows, type SlotRowsInput } from '../../src/renderer/src/board-model'
import { at, dayView, zone } from './helpers/fixtures'

const DAY = '2030-02-15'
const main = dayView(DAY).schedules[0]!

const input = (more: Partial<SlotRowsInput> = {}): SlotRowsInput => ({
  scheduleName: 'Consult Room 2',
  slotSize: 15,
  day: main,
  date: DAY,
  zone,
  hours: { slotMinTime: '08:00:00', slotMaxTime: '19:00:00' },
  bookingFor: null,
  shown: [],
  now: at(DAY, '00:00'),
  ...more,
})

const named = (rows: ReturnType<typeof slotRows>, time: string): string | undefined =>
  rows.find((row) => row.start === at(DAY, time))?.label

describe('slotRows: the board as a screen reader reads it', () => {
  it('names every row of the visible hours with its time and what it is', () => {
    const rows = slotRows(input())

    expect(rows).toHaveLength(11 * 4)
    expect(named(rows, '08:45')).toBe('Consult Room 2, 08:45 to 09:00, closed')
    expect(named(rows, '09:00')).toBe('Consult Room 2, 09:00 to 09:15, free')
    expect(named(rows, '10:45')).toBe('Consult Room 2, 10:45 to 11:00, booked')
  })

  it('says past for time already gone, whatever it was', () => {
    const rows = slotRows(input({ now: at(DAY, '11:00') }))

    expect(named(rows, '09:00')).toBe('Consult Room 2, 09:00 to 09:15, past')
    expect(named(rows, '11:30')).toBe('Consult Room 2, 11:30 to 11:45, free')
  })

  it('says who is not available when booking for a clinician, and who is when they are shown', () => {
    const turner = dayView(DAY).clinicians[0]!
    const rows = slotRows(
      input({
        bookingFor: { name: 'Andrew Turner', available: turner.available[136]! },
        shown: [{ day: turner, name: 'Andrew Turner', colour: '#1565c0', lane: 0 }],
      }),
    )

    expect(named(rows, '09:00')).toBe(
      'Consult Room 2, 09:00 to 09:15, free, but Andrew Turner is not available',
    )
    expect(named(rows, '11:30')).toBe(
      'Consult Room 2, 11:30 to 11:45, free, Andrew Turner available',
    )
  })

  it('offers nothing on a schedule without a slot size (hourly rows, all closed or booked)', () => {
    const rows = slotRows(input({ slotSize: 0 }))

    expect(rows).toHaveLength(11)
    expect(rows.some((row) => row.state === 'free')).toBe(false)
  })
})
