// The live suite's checks must catch what they claim to: each is shown a violating answer here.
import { describe, expect, it } from 'vitest'
import {
  covered,
  dayWindow,
  listProblems,
  onChangeDay,
  overlapProblems,
  slotProblems,
} from './invariants'

const ZONE = 'Australia/Sydney'
const at = (time: string): number => Date.parse(`2019-02-15T${time}:00+11:00`)
const range = (start: string, end: string) => ({ start: at(start), end: at(end) })
const WINDOW = range('00:00', '23:59')

describe('listProblems', () => {
  it('passes ordered, disjoint ranges inside the query', () => {
    const problems = listProblems(
      [range('09:00', '10:45'), range('11:30', '17:30')],
      WINDOW,
      ZONE,
      {
        positiveLength: true,
      },
    )

    expect(problems).toEqual([])
  })

  it('catches a range outside the query, an empty range and an overlap', () => {
    const problems = listProblems(
      [
        range('09:00', '10:00'),
        range('09:30', '09:30'),
        { start: at('23:00'), end: at('23:59') + 60_000 },
      ],
      WINDOW,
      ZONE,
      { positiveLength: true },
    )

    expect(problems).toHaveLength(3)
  })

  it('allows a zero-length busy range when told to (spec §5.4)', () => {
    expect(
      listProblems([range('09:00', '09:00')], WINDOW, ZONE, { positiveLength: false }),
    ).toEqual([])
  })
})

describe('overlapProblems', () => {
  it('catches free time that is also busy, but not ranges that only touch', () => {
    const free = [range('09:00', '10:45'), range('11:30', '17:30')]

    expect(overlapProblems(free, [range('10:45', '11:30')], ZONE)).toEqual([])
    expect(overlapProblems(free, [range('10:30', '11:30')], ZONE)).toHaveLength(1)
  })
})

describe('slotProblems', () => {
  it('catches a slot off the boundary and a slot of the wrong length', () => {
    const problems = slotProblems(
      [range('09:00', '09:15'), range('09:05', '09:20'), range('09:30', '10:00')],
      15,
      ZONE,
    )

    expect(problems).toHaveLength(2)
  })
})

describe('onChangeDay', () => {
  it('is true on the days Sydney changes its clocks and false on ordinary days', () => {
    const slot = (iso: string) => ({ start: Date.parse(iso), end: Date.parse(iso) + 15 * 60_000 })

    expect(onChangeDay(slot('2019-04-07T12:00:00+10:00'), ZONE)).toBe(true)
    expect(onChangeDay(slot('2019-10-06T12:00:00+11:00'), ZONE)).toBe(true)
    expect(onChangeDay(slot('2019-04-08T12:00:00+10:00'), ZONE)).toBe(false)
    expect(onChangeDay(range('10:00', '10:15'), ZONE)).toBe(false)
  })
})

describe('covered', () => {
  it('joins touching ranges', () => {
    expect(
      covered(range('10:00', '11:00'), [range('09:00', '10:30'), range('10:30', '12:00')]),
    ).toBe(true)
    expect(
      covered(range('10:00', '11:00'), [range('09:00', '10:30'), range('10:45', '12:00')]),
    ).toBe(false)
  })
})

describe('dayWindow', () => {
  it('runs from local midnight today for the given days', () => {
    const window = dayWindow(ZONE, 14, at('15:00'))

    expect(window).toEqual({ start: at('00:00'), end: Date.parse('2019-03-01T00:00:00+11:00') })
  })
})
