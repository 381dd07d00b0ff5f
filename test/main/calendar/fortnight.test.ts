import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { calendarHandlers } from '../../../src/main/calendar/ipc'
import { requestSchemas } from '../../../src/main/ipc/schemas'
import type { DaySummary, Fortnight } from '../../../src/shared/domain'
import type { GetFortnightRequest } from '../../../src/shared/ipc-contract'
import { guideDraft } from '../../helpers/booking-draft'
import { codeOf, startServices, type Services } from '../clinic/harness'

let s: Services
beforeEach(async () => {
  s = await startServices()
})
afterEach(() => s.close())

/** Long enough that requests sent one after another could never pass for parallel ones. */
const ROUND_TRIP = 1_000
const TURNER = 1158

/** The strip's own request: Main Clinic, a fortnight from the sandbox's today (Thursday 14 February 2019). */
const fortnight = (overrides: Partial<GetFortnightRequest> = {}): Promise<Fortnight> =>
  s.calendar.getFortnight({
    locationId: 98,
    fromDate: '2019-02-14',
    days: 14,
    scheduleIds: [],
    clinicianId: null,
    ...overrides,
  })

const dayOf = (result: Fortnight, date: string): DaySummary | undefined =>
  result.days.find((day) => day.date === date)

async function countRequests<T>(work: () => Promise<T>): Promise<{ result: T; requests: number }> {
  const before = s.sandbox.requestCount
  const result = await work()
  return { result, requests: s.sandbox.requestCount - before }
}

describe('the fortnight at a glance', () => {
  it('sums the bookable time left on every day; a day no schedule opens is closed', async () => {
    const result = await fortnight()

    expect(result.days.map((day) => day.date)).toHaveLength(14)
    expect(result.days[0]?.date).toBe('2019-02-14')
    expect(result.days[13]?.date).toBe('2019-02-27')
    // Friday 15th, the guide's day: 136 is free 09:00–10:45 and 11:30–17:30, 211 08:00–12:00 and 13:00–18:00.
    expect(dayOf(result, '2019-02-15')).toEqual({
      date: '2019-02-15',
      closed: false,
      freeMinutes: 105 + 360 + 240 + 300,
      openMinutes: 510 + 600,
    })
    // Saturday: only 136, 09:00–12:00. Sunday: neither opens.
    expect(dayOf(result, '2019-02-16')).toMatchObject({ closed: false, freeMinutes: 180 })
    expect(dayOf(result, '2019-02-17')).toEqual({
      date: '2019-02-17',
      closed: true,
      freeMinutes: 0,
      openMinutes: 0,
    })
  })

  it('counts only the time still ahead today, in whole slots', async () => {
    s.setNow('2019-02-15T12:05:00+11:00')

    const result = await fortnight({ fromDate: '2019-02-15' })

    // 136 (15-minute slots) from 12:15 to 17:30; 211 (30-minute slots) from 13:00 to 18:00; the morning is gone.
    expect(dayOf(result, '2019-02-15')).toEqual({
      date: '2019-02-15',
      closed: false,
      freeMinutes: 315 + 300,
      openMinutes: 325 + 355,
    })
    s.setNow('2019-02-15T19:00:00+11:00')
    expect(dayOf(await fortnight({ fromDate: '2019-02-15' }), '2019-02-15')).toEqual({
      date: '2019-02-15',
      closed: false,
      freeMinutes: 0,
      openMinutes: 0,
    })
  })

  it('sums only the schedules shown', async () => {
    const result = await fortnight({ scheduleIds: [211] })

    expect(dayOf(result, '2019-02-15')?.freeMinutes).toBe(240 + 300)
    // 211 is shut on Saturdays even though 136 opens.
    expect(dayOf(result, '2019-02-16')?.closed).toBe(true)
  })

  it('for a chosen clinician, their real availability on the shown schedules', async () => {
    const result = await fortnight({ clinicianId: TURNER })

    // As on the board: 136 from 11:30 (after the 10:45 booking) to 17:00; 211 09:00–12:00 and 13:00–17:00.
    expect(dayOf(result, '2019-02-15')).toMatchObject({ closed: false, freeMinutes: 330 + 420 })
    expect(dayOf(result, '2019-02-18')).toMatchObject({ closed: false, freeMinutes: 0 })
    expect(dayOf(result, '2019-02-17')?.closed).toBe(true)
  })

  it('asks once per shown schedule and once for the clinician for the whole fortnight, all in one round trip', async () => {
    await s.clinic.loadLocation(106)
    s.sandbox.setLatency(ROUND_TRIP)

    const started = performance.now()
    const { requests } = await countRequests(() =>
      fortnight({ locationId: 106, scheduleIds: [301, 302, 304], clinicianId: 1160 }),
    )
    const ms = performance.now() - started

    expect(requests).toBe(3 + 1)
    expect(ms).toBeLessThan(2 * ROUND_TRIP) // 4 round trips one after another
  })

  it('shares its answers with a next-available search over the same days, until the board refreshes it', async () => {
    await s.clinic.loadLocation(98)
    await fortnight({ clinicianId: TURNER })

    const search = await countRequests(() =>
      s.calendar.findNextAvailable({
        locationId: 98,
        appointmentTypeId: 66,
        clinicianId: TURNER,
      }),
    )
    const refreshed = await countRequests(() => fortnight({ clinicianId: TURNER, refresh: true }))

    expect(search.requests).toBe(0)
    expect(search.result.days[0]?.date).toBe('2019-02-15')
    expect(refreshed.requests).toBe(2 + 1)
  })

  it('a booking made here shows at once: the kept answers are dropped after a write', async () => {
    await s.clinic.loadLocation(98)
    const before = await fortnight()

    await s.booking.create(guideDraft())
    const after = await fortnight()

    expect(dayOf(after, '2019-02-15')?.freeMinutes).toBe(
      (dayOf(before, '2019-02-15')?.freeMinutes ?? 0) - 15,
    )
  })

  it('says which schedule or clinician is not at the location', async () => {
    expect(await codeOf(fortnight({ scheduleIds: [301] }))).toBe('NOT_FOUND')
    expect(await codeOf(fortnight({ clinicianId: 1160 }))).toBe('NOT_FOUND')
  })

  it('answers NOT_CONNECTED when signed out', async () => {
    s.setClient(null)

    expect(await codeOf(fortnight())).toBe('NOT_CONNECTED')
  })

  it('is a channel of its own with bounded arguments', async () => {
    const schema = requestSchemas['calendar:getFortnight']
    const request = {
      locationId: 98,
      fromDate: '2019-02-14',
      days: 14,
      scheduleIds: [],
      clinicianId: null,
    }

    expect(schema.safeParse(request).success).toBe(true)
    expect(schema.safeParse({ ...request, days: 62 }).success).toBe(true)
    expect(schema.safeParse({ ...request, days: 63 }).error?.issues[0]?.message).toBe(
      'Show at most 62 days at a time.',
    )
    expect(schema.safeParse({ ...request, days: 0 }).success).toBe(false)
    expect(schema.safeParse({ ...request, fromDate: '2019-02-30' }).success).toBe(false)
    expect(schema.safeParse({ ...request, extra: 1 }).success).toBe(false)
    const handled = await calendarHandlers(s.calendar)['calendar:getFortnight'](request)
    expect(handled.days).toHaveLength(14)
  })
})
