import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { requestSchemas } from '../../../src/main/ipc/schemas'
import type { NextAvailableResult } from '../../../src/shared/domain'
import { seedDataset } from '../../../src/main/sandbox/seed'
import { formatTime } from '../../../src/shared/time'
import { at, codeOf, failureOf, startServices, SYDNEY, type Services } from '../clinic/harness'

let s: Services
beforeEach(async () => {
  s = await startServices()
})
afterEach(() => s.close())

/** Long enough that requests sent one after another could never pass for parallel ones. */
const ROUND_TRIP = 1_000
const HOUR = 60

const times = (result: NextAvailableResult, date: string): string[] =>
  (result.days.find((day) => day.date === date)?.suggestions ?? []).map((x) =>
    formatTime(x.start, SYDNEY),
  )

/** Loads what the board would have loaded already: the locations and their details. */
async function warm(): Promise<void> {
  await s.clinic.listLocations()
  await Promise.all([s.clinic.loadLocation(98), s.clinic.loadLocation(106)])
}

async function countRequests<T>(work: () => Promise<T>): Promise<{ result: T; requests: number }> {
  const before = s.sandbox.requestCount
  const result = await work()
  return { result, requests: s.sandbox.requestCount - before }
}

describe('next available across every location', () => {
  it('searches each location’s schedules taking the type, and says where each time is, by name', async () => {
    await warm()

    const { result, requests } = await countRequests(() =>
      s.calendar.findNextAvailable({
        locationId: null,
        appointmentTypeId: 66,
        clinicianId: null,
        fromDate: '2019-02-15',
      }),
    )

    // Standard Consult: 136 at Main Clinic; 301, 302 and 303 at Branch Clinic.
    expect(requests).toBe(4)
    expect(result.locationIds).toEqual([106, 98])
    const first = result.days[0]
    expect(first?.date).toBe('2019-02-15')
    // Branch Clinic opens at 08:00 in three rooms: a few different times come first, the same time elsewhere later.
    expect(times(result, '2019-02-15')).toEqual(['08:00', '08:15', '08:30'])
    expect(first?.suggestions[0]).toMatchObject({
      locationId: 106,
      scheduleId: 301,
      names: { location: 'Branch Clinic', schedule: 'Consult Room 1', type: 'Standard Consult' },
    })
    const all = await s.calendar.findNextAvailable({
      locationId: null,
      appointmentTypeId: 66,
      clinicianId: null,
      fromDate: '2019-02-15',
      days: 1,
      perDay: 100,
    })
    const places = new Set(
      all.days[0]?.suggestions.map((x) => `${x.names.location} / ${x.names.schedule}`),
    )
    expect(places).toEqual(
      new Set([
        'Branch Clinic / Consult Room 1',
        'Branch Clinic / Consult Room 2',
        'Branch Clinic / Consult Room 3',
        'Main Clinic / Main Appointment Schedule',
      ]),
    )
  })

  it('with a clinician: one request per schedule and one per location they work at, all in one round trip', async () => {
    await warm()
    s.sandbox.setLatency(ROUND_TRIP)

    const started = performance.now()
    const { result, requests } = await countRequests(() =>
      s.calendar.findNextAvailable({
        locationId: null,
        appointmentTypeId: 66,
        clinicianId: 1158,
        fromDate: '2019-02-15',
      }),
    )
    const ms = performance.now() - started

    // Every schedule is read with a clinician (spec §6.5): 6 at Branch, 2 at Main, and Andrew Turner at each.
    expect(requests).toBe(6 + 2 + 2)
    expect(ms).toBeLessThan(3 * ROUND_TRIP)
    // The guide's roster: Andrew Turner on 136 from 11:00, and 10:45–11:30 is booked (for Chris Barton).
    expect(times(result, '2019-02-15')[0]).toBe('11:30')
    expect(result.days[0]?.suggestions[0]?.names).toEqual({
      location: 'Main Clinic',
      schedule: 'Main Appointment Schedule',
      type: 'Standard Consult',
      clinician: 'Andrew Turner',
    })
  })

  it('costs the same requests for 90 days as for 14: one ranged request per schedule, never one per day', async () => {
    await warm()

    const fortnight = await countRequests(() =>
      s.calendar.findNextAvailable({
        locationId: null,
        appointmentTypeId: 81,
        clinicianId: null,
        fromDate: '2019-02-15',
      }),
    )
    const quarter = await countRequests(() =>
      s.calendar.findNextAvailable({
        locationId: null,
        appointmentTypeId: 81,
        clinicianId: null,
        fromDate: '2019-02-15',
        days: 90,
      }),
    )

    // Vaccination: 301, 302 and 306, all at Branch Clinic; Main Clinic has no schedule for it and is not asked.
    expect(fortnight.requests).toBe(3)
    expect(quarter.requests).toBe(3)
    expect(quarter.result.locationIds).toEqual([106])
    expect(quarter.result.to).toBe('2019-05-15')
    expect(quarter.result.days.at(-1)?.date).toBe('2019-05-15')
  })

  it('searches a clinician only where they can be booked', async () => {
    await warm()

    const { result, requests } = await countRequests(() =>
      s.calendar.findNextAvailable({
        locationId: null,
        appointmentTypeId: 66,
        clinicianId: 1160,
        fromDate: '2019-02-15',
      }),
    )

    expect(result.locationIds).toEqual([106])
    expect(requests).toBe(6 + 1)
  })

  it('lists the locations once and remembers them, and the ranged answers until the board’s next refresh', async () => {
    await s.clinic.loadLocation(98)
    await s.clinic.loadLocation(106)
    const search = () =>
      s.calendar.findNextAvailable({ locationId: null, appointmentTypeId: 81, clinicianId: null })

    const first = await countRequests(search)
    const second = await countRequests(search)
    s.setNow('2019-02-14T09:00:31+11:00')
    const third = await countRequests(search)

    expect(first.requests).toBe(1 + 3)
    expect(second.requests).toBe(0)
    expect(third.requests).toBe(3)
  })

  it('says clearly when no location has the type, or the clinician', async () => {
    await warm()

    const type = await failureOf(
      s.calendar.findNextAvailable({ locationId: null, appointmentTypeId: 999, clinicianId: null }),
    )
    const clinician = await failureOf(
      s.calendar.findNextAvailable({ locationId: null, appointmentTypeId: 81, clinicianId: 999 }),
    )

    expect(type.error.message).toBe('No schedule at any location takes that appointment type.')
    expect(clinician.error.code).toBe('NOT_FOUND')
    expect(clinician.error.message).toMatch(/not available for online booking at any location/)
  })
})

describe('next available with a misconfigured schedule', () => {
  it('passes over a schedule with no slot size (the API allows 0) and finds times on the others', async () => {
    await s.close()
    const dataset = seedDataset()
    s = await startServices({
      sandbox: {
        dataset: {
          ...dataset,
          schedules: dataset.schedules?.map((schedule) =>
            schedule.id === 301 ? { ...schedule, slotSize: 0 } : schedule,
          ),
        },
      },
    })
    await warm()

    const result = await s.calendar.findNextAvailable({
      locationId: 106,
      appointmentTypeId: 66,
      clinicianId: null,
      fromDate: '2019-02-15',
      days: 1,
      perDay: 100,
    })

    const schedules = new Set(result.days[0]?.suggestions.map((x) => x.names.schedule))
    expect(schedules).toEqual(new Set(['Consult Room 2', 'Consult Room 3']))
    expect(times(result, '2019-02-15')[0]).toBe('08:00')
  })
})

describe('next available answers the caller’s words', () => {
  const base = { locationId: 98, appointmentTypeId: 66, clinicianId: null, fromDate: '2019-02-15' }

  it('groups by day, a few per day, and counts the rest', async () => {
    const result = await s.calendar.findNextAvailable({ ...base, days: 3 })

    expect(result.days.map((day) => day.date)).toEqual(
      ['2019-02-15', '2019-02-16', '2019-02-17'].slice(0, 2),
    )
    expect(times(result, '2019-02-15')).toEqual(['09:00', '09:15', '09:30'])
    // 09:00–10:45 and 11:30–17:30 on 15-minute slots.
    expect(result.days[0]?.total).toBe(7 + 24)
  })

  it('keeps to the part of the day asked for', async () => {
    const afternoon = await s.calendar.findNextAvailable({
      ...base,
      days: 1,
      window: { from: 12 * HOUR, to: 17 * HOUR },
      perDay: 100,
    })

    const found = times(afternoon, '2019-02-15')
    expect(found[0]).toBe('12:00')
    expect(found.at(-1)).toBe('16:45')
    expect(found).toHaveLength(20)
  })

  it('keeps to the weekdays asked for', async () => {
    // 2019-02-15 is a Friday: the next Monday and Wednesday are the 18th and 20th.
    const result = await s.calendar.findNextAvailable({ ...base, days: 7, weekdays: [1, 3] })

    expect(result.days.map((day) => day.date)).toEqual(['2019-02-18', '2019-02-20'])
  })

  it('ranks each day’s times by closeness to the time asked for', async () => {
    const result = await s.calendar.findNextAvailable({ ...base, days: 1, near: 15 * HOUR })

    expect(times(result, '2019-02-15')).toEqual(['15:00', '14:45', '15:15'])
  })

  it('starts from the day asked for, and never offers the past', async () => {
    s.setNow('2019-02-15T10:00:00+11:00')

    const result = await s.calendar.findNextAvailable({
      ...base,
      fromDate: '2019-02-10',
      days: 7,
    })

    expect(result.from).toBe('2019-02-15')
    expect(result.days[0]?.suggestions[0]?.start).toBe(at('10:15'))
  })

  it('refuses a clinician not at the location, and a search longer than 90 days', async () => {
    expect(await codeOf(s.calendar.findNextAvailable({ ...base, clinicianId: 1160 }))).toBe(
      'NOT_FOUND',
    )
    const tooLong = requestSchemas['calendar:findNextAvailable'].safeParse({ ...base, days: 91 })
    const backwards = requestSchemas['calendar:findNextAvailable'].safeParse({
      ...base,
      window: { from: 17 * HOUR, to: 12 * HOUR },
    })

    expect(tooLong.error?.issues[0]?.message).toBe('Search at most 90 days at a time.')
    expect(backwards.error?.issues[0]?.message).toBe(
      'The part of the day must end after it starts.',
    )
    expect(
      requestSchemas['calendar:findNextAvailable'].safeParse({ ...base, weekdays: [0] }).success,
    ).toBe(false)
  })
})
