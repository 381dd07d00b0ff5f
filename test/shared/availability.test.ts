import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import type { Range } from '../../src/shared/domain'
import { clinicianAvailability, clinicianDay } from '../../src/shared/availability'
import { intersect, subtract } from '../../src/shared/intervals'
import { dayBounds } from '../../src/shared/time'

const SYDNEY = 'Australia/Sydney'
const at = (time: string): number => DateTime.fromISO(`2019-02-15T${time}:00+11:00`).toMillis()
const r = (from: string, to: string): Range => ({ start: at(from), end: at(to) })

const range = fc
  .tuple(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 200 }))
  .map(([start, length]): Range => ({ start, end: start + length }))
const ranges = fc.array(range, { maxLength: 10 })

describe('clinicianAvailability', () => {
  it('removes the schedule’s bookings and the clinician’s bookings elsewhere from their roster', () => {
    const available = clinicianAvailability(
      [r('09:00', '17:00')],
      { free: [r('09:00', '10:45'), r('11:30', '17:30')], busy: [r('10:45', '11:30')] },
      [r('14:00', '14:30')],
    )

    expect(available).toEqual([r('09:00', '10:45'), r('11:30', '14:00'), r('14:30', '17:00')])
  })

  it('never overlaps any busy time and stays within both free lists', () => {
    fc.assert(
      fc.property(
        ranges,
        ranges,
        ranges,
        ranges,
        (clinicianFree, scheduleFree, scheduleBusy, clinicianBusy) => {
          const available = clinicianAvailability(
            clinicianFree,
            { free: scheduleFree, busy: scheduleBusy },
            clinicianBusy,
          )

          expect(intersect(available, scheduleBusy)).toEqual([])
          expect(intersect(available, clinicianBusy)).toEqual([])
          expect(subtract(available, intersect(clinicianFree, scheduleFree))).toEqual([])
        },
      ),
    )
  })
})

describe('clinicianDay', () => {
  it('groups free per schedule, merges busy across schedules and fills available for each loaded schedule', () => {
    const schedules = new Map([
      [136, { free: [r('09:00', '10:45'), r('11:30', '17:30')], busy: [r('10:45', '11:30')] }],
      [211, { free: [r('09:00', '17:00')], busy: [] }],
      [300, { free: [r('09:00', '17:00')], busy: [] }],
    ])

    const day = clinicianDay(
      1158,
      {
        free: [
          { ...r('11:00', '17:00'), scheduleId: 136 },
          { ...r('13:00', '17:00'), scheduleId: 211 },
        ],
        busy: [
          { ...r('00:00', '11:00'), scheduleId: 136 },
          { ...r('12:00', '13:00'), scheduleId: 211 },
        ],
      },
      schedules,
      dayBounds('2019-02-15', SYDNEY),
    )

    expect(day.free).toEqual({ 136: [r('11:00', '17:00')], 211: [r('13:00', '17:00')] })
    expect(day.busy).toEqual([r('00:00', '11:00'), r('12:00', '13:00')])
    expect(day.available).toEqual({
      136: [r('11:30', '12:00'), r('13:00', '17:00')],
      211: [r('13:00', '17:00')],
      300: [],
    })
  })

  it('clips busy that reaches outside the day (spec §6.5)', () => {
    const bounds = dayBounds('2019-02-15', SYDNEY)

    const day = clinicianDay(
      1,
      {
        free: [],
        busy: [{ start: bounds.start - 3_600_000, end: bounds.start + 3_600_000, scheduleId: 1 }],
      },
      new Map(),
      bounds,
    )

    expect(day.busy).toEqual([{ start: bounds.start, end: bounds.start + 3_600_000 }])
  })
})
