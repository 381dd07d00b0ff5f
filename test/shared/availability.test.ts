import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import type { Range } from '../../src/shared/domain'
import { appointmentBusy, clinicianAvailability, clinicianDay } from '../../src/shared/availability'
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

describe('appointmentBusy', () => {
  it('keeps only their busy time, and all of it where they are free on no schedule', () => {
    fc.assert(
      fc.property(ranges, ranges, ranges, ranges, (clinicianBusy, freeA, busyA, busyB) => {
        const kept = appointmentBusy(
          clinicianBusy,
          { 1: freeA },
          new Map([
            [1, { free: [], busy: busyA }],
            [2, { free: [], busy: busyB }],
          ]),
        )

        expect(subtract(kept, clinicianBusy)).toEqual([])
        expect(subtract(subtract(clinicianBusy, freeA), kept)).toEqual([])
      }),
    )
  })

  it('ignores roster gaps that cover the hours they are rostered on another schedule', () => {
    const kept = appointmentBusy(
      [r('00:00', '23:00')],
      { 1: [r('08:00', '10:00'), r('10:30', '13:00')], 2: [r('13:00', '18:00')] },
      new Map([
        [1, { free: [], busy: [r('10:00', '10:30')] }],
        [2, { free: [], busy: [r('14:00', '15:00')] }],
        [3, { free: [], busy: [r('09:00', '12:00')] }],
      ]),
    )

    expect(kept).toEqual([r('00:00', '08:00'), r('10:00', '10:30'), r('18:00', '23:00')])
  })
})

describe('clinicianDay', () => {
  it('keeps the guide’s 1158 free on 211 from 09:00 though their roster on 136 starts at 11:00', () => {
    const schedules = new Map([
      [136, { free: [r('09:00', '10:45'), r('11:30', '17:30')], busy: [r('10:45', '11:30')] }],
      [211, { free: [r('08:00', '12:00'), r('13:00', '18:00')], busy: [r('12:00', '13:00')] }],
    ])

    const day = clinicianDay(
      1158,
      {
        free: [
          { ...r('11:00', '17:00'), scheduleId: 136 },
          { ...r('09:00', '17:00'), scheduleId: 211 },
        ],
        busy: [
          { ...r('00:00', '11:00'), scheduleId: 136 },
          { ...r('17:00', '23:00'), scheduleId: 136 },
          { ...r('00:00', '09:00'), scheduleId: 211 },
        ],
      },
      schedules,
      dayBounds('2019-02-15', SYDNEY),
    )

    expect(day.free).toEqual({ 136: [r('11:00', '17:00')], 211: [r('09:00', '17:00')] })
    expect(day.busy).toEqual([r('00:00', '11:00'), r('17:00', '23:00')])
    expect(day.available).toEqual({
      136: [r('11:30', '17:00')],
      211: [r('09:00', '12:00'), r('13:00', '17:00')],
    })
  })

  it('removes their appointment on one schedule from another schedule’s free list (spec §6.5)', () => {
    const schedules = new Map([
      [136, { free: [r('09:00', '10:00'), r('10:30', '17:00')], busy: [r('10:00', '10:30')] }],
      [211, { free: [r('09:00', '17:00')], busy: [] }],
      [300, { free: [r('09:00', '17:00')], busy: [] }],
    ])

    const day = clinicianDay(
      7,
      {
        free: [
          { ...r('09:00', '10:00'), scheduleId: 136 },
          { ...r('10:30', '17:00'), scheduleId: 136 },
          { ...r('09:00', '17:00'), scheduleId: 211 },
        ],
        busy: [{ ...r('10:00', '10:30'), scheduleId: 211 }],
      },
      schedules,
      dayBounds('2019-02-15', SYDNEY),
    )

    expect(day.available).toEqual({
      136: [r('09:00', '10:00'), r('10:30', '17:00')],
      211: [r('09:00', '10:00'), r('10:30', '17:00')],
      300: [],
    })
  })

  it('leaves out free time outside the day, even when it only touches it', () => {
    const bounds = dayBounds('2019-02-15', SYDNEY)
    const hour = 3_600_000

    const day = clinicianDay(
      1,
      {
        free: [
          { start: bounds.start - 2 * hour, end: bounds.start, scheduleId: 136 },
          { start: bounds.end, end: bounds.end + hour, scheduleId: 211 },
          { start: bounds.start + 9 * hour, end: bounds.start + 10 * hour, scheduleId: 136 },
        ],
        busy: [],
      },
      new Map(),
      bounds,
    )

    expect(day.free).toEqual({
      136: [{ start: bounds.start + 9 * hour, end: bounds.start + 10 * hour }],
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
