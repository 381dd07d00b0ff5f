import { describe, expect, it } from 'vitest'
import {
  bookingSchema,
  formatWireInstant,
  locationSchema,
  parseWireInstant,
  rangeSchema,
  userFreeBusySchema,
} from '../../../src/main/openvpms/wire'

describe('parseWireInstant', () => {
  it.each([
    ['2019-02-15T09:00:00.000+11:00', Date.UTC(2019, 1, 14, 22, 0, 0, 0)],
    ['2019-02-14T22:00:00.000Z', Date.UTC(2019, 1, 14, 22, 0, 0, 0)],
    ['2019-02-15T09:00:00.123-05:30', Date.UTC(2019, 1, 15, 14, 30, 0, 123)],
    ['2020-02-29T00:00:00.000Z', Date.UTC(2020, 1, 29)],
  ])('reads %s as the same instant', (text, expected) => {
    expect(parseWireInstant(text)).toBe(expected)
  })

  it.each([
    '2019-02-15T09:00:00+11:00',
    '2019-02-15T09:00:00.000',
    '2019-02-15T09:00:00.000+1100',
    '2019-02-15T09:00:00.0+11:00',
    '2019-02-15 09:00:00.000+11:00',
    '2019-02-15',
    '2019-02-30T09:00:00.000+11:00',
    '2019-13-01T09:00:00.000Z',
    '2019-02-15T24:00:00.000Z',
    '2019-02-15T09:00:00.000+11:00 ',
    '',
  ])('refuses %j, which OpenVPMS never sends', (text) => {
    expect(parseWireInstant(text)).toBeNull()
  })
})

describe('formatWireInstant', () => {
  it('writes UTC with milliseconds, which queries and bodies both accept', () => {
    expect(formatWireInstant(Date.UTC(2019, 1, 14, 22, 0))).toBe('2019-02-14T22:00:00.000Z')
  })
})

describe('response schemas', () => {
  it('accepts the seed guide location and keeps its zone', () => {
    const result = locationSchema.parse({
      id: 106,
      name: 'Branch Clinic',
      timeZone: 'Australia/Sydney',
    })

    expect(result).toEqual({ id: 106, name: 'Branch Clinic', timeZone: 'Australia/Sydney' })
  })

  it('refuses a location whose zone cannot be used for day arithmetic', () => {
    const result = locationSchema.safeParse({
      id: 106,
      name: 'Branch Clinic',
      timeZone: 'Mars/Olympus',
    })

    expect(result.success).toBe(false)
  })

  it('accepts a zero-length busy range but not one that ends before it starts', () => {
    const zero = rangeSchema.safeParse({
      start: '2019-02-15T09:00:00.000+11:00',
      end: '2019-02-15T09:00:00.000+11:00',
    })
    const backwards = rangeSchema.safeParse({
      start: '2019-02-15T09:15:00.000+11:00',
      end: '2019-02-15T09:00:00.000+11:00',
    })

    expect(zero.success).toBe(true)
    expect(backwards.success).toBe(false)
  })

  it('renames a user range schedule to scheduleId', () => {
    const result = userFreeBusySchema.parse({
      user: 1158,
      free: [
        {
          schedule: 136,
          start: '2019-02-15T11:00:00.000+11:00',
          end: '2019-02-15T17:00:00.000+11:00',
        },
      ],
      busy: [],
    })

    expect(result.free).toEqual([
      { scheduleId: 136, start: Date.UTC(2019, 1, 15, 0), end: Date.UTC(2019, 1, 15, 6) },
    ])
  })

  it('turns a booking without a clinician (user 0) into user null', () => {
    const result = bookingSchema.parse({
      location: 98,
      schedule: 136,
      appointmentType: 66,
      start: '2019-02-15T09:00:00.000+11:00',
      end: '2019-02-15T09:15:00.000+11:00',
      title: null,
      firstName: null,
      lastName: null,
      email: null,
      phone: null,
      mobile: null,
      patientName: null,
      notes: null,
      user: 0,
    })

    expect(result.user).toBeNull()
  })
})
