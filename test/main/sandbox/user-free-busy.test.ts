import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox'
import { client } from './support'

const vet = (id: number) => ({
  id,
  name: `Vet ${id}`,
  login: `vet${id}`,
  password: 'x',
  onlineBooking: true,
  clinician: true,
})
const schedule = (id: number, location: number, active = true) => ({
  id,
  name: `S${id}`,
  location,
  active,
  onlineBooking: true,
})
const appointment = (
  id: number,
  clinician: number,
  scheduleId: number,
  start: string,
  end: string,
  status = 'PENDING',
) => ({
  id,
  schedule: scheduleId,
  appointmentType: 1,
  clinician,
  start: `2026-03-${start}`,
  end: `2026-03-${end}`,
  status,
})
const roster = (user: number, area: number, start: string, end: string, location = 1) => ({
  user,
  area,
  location,
  start: `2026-03-${start}`,
  end: `2026-03-${end}`,
})

const dataset = {
  timeZone: 'Australia/Sydney',
  users: [
    { id: 1, name: 'Api', login: 'api', password: 'secret' },
    ...[10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23].map(vet),
  ],
  locations: [
    { id: 1, name: 'North', onlineBooking: true },
    { id: 2, name: 'South', onlineBooking: true },
  ],
  appointmentTypes: [{ id: 1, name: 'Consult', onlineBooking: true }],
  schedules: [
    schedule(40, 1),
    schedule(41, 1),
    schedule(42, 1),
    schedule(43, 1, false),
    schedule(50, 2),
  ],
  rosterAreas: [
    { id: 1, location: 1, schedules: [40] },
    { id: 2, location: 1, schedules: [42, 41] },
    { id: 3, location: 1, schedules: [40], active: false },
    { id: 4, location: 1, schedules: [43] },
  ],
  rosterEvents: [
    roster(10, 1, '02T09:00', '02T17:00'),
    roster(12, 1, '02T08:00', '02T17:00'),
    roster(13, 1, '02T09:00', '02T17:00'),
    roster(13, 1, '03T09:00', '03T17:00'),
    roster(14, 2, '02T09:00', '02T17:00'),
    roster(15, 3, '02T09:00', '02T17:00'),
    roster(15, 4, '02T09:00', '02T17:00'),
    roster(16, 1, '02T20:00', '03T04:00'),
    roster(17, 1, '02T09:00', '02T17:00'),
    roster(18, 1, '02T09:00', '02T12:00'),
    roster(18, 1, '02T13:00', '02T17:00', 2),
    roster(19, 1, '02T09:00', '02T13:00'),
    roster(19, 1, '02T12:00', '02T15:00'),
    roster(19, 1, '02T10:00', '02T11:00'),
    roster(19, 1, '02T15:00', '02T17:00'),
    roster(20, 1, '02T09:00', '02T12:00'),
    roster(20, 1, '02T13:00', '02T17:00'),
    roster(21, 1, '02T09:00', '02T17:00'),
    roster(21, 1, '03T09:00', '03T17:00'),
    roster(22, 1, '02T09:00', '02T12:00'),
    roster(22, 1, '02T13:00', '02T17:00'),
    roster(23, 1, '02T09:00', '02T10:00'),
    roster(23, 1, '02T11:00', '02T17:00'),
  ],
  appointments: [
    appointment(1, 10, 40, '02T11:00', '02T11:30'),
    appointment(2, 10, 50, '02T14:00', '02T15:00'),
    appointment(3, 10, 40, '02T15:30', '02T16:00', 'CANCELLED'),
    appointment(4, 12, 40, '02T09:30', '02T10:30'),
    appointment(5, 14, 41, '02T10:00', '02T10:30'),
    appointment(6, 17, 50, '03T08:00', '03T09:30'),
    appointment(7, 20, 40, '02T11:00', '02T14:00'),
    appointment(8, 21, 40, '02T22:00', '03T00:00'),
    appointment(9, 23, 40, '02T09:00', '02T12:00'),
    appointment(10, 23, 40, '02T16:00', '02T17:00'),
  ],
  calendarBlocks: [{ schedule: 40, start: '2026-03-02T12:00', end: '2026-03-02T13:00' }],
}

interface ScheduleRange {
  start: string
  end: string
  schedule: number
}

const at = (day: string, time: string) => `2026-03-${day}T${time}:00.000+11:00`
const span = (schedule: number, from: [string, string], to: [string, string]) => ({
  start: at(...from),
  end: at(...to),
  schedule,
})

let sandbox: RunningSandbox
let api: ReturnType<typeof client>

beforeAll(async () => {
  sandbox = await startSandbox({ dataset })
  api = client(sandbox, 'api', 'secret')
})
afterAll(() => sandbox.close())

async function freeBusy(
  user: number,
  from = '2026-03-02T00:00:00+11:00',
  to = '2026-03-03T00:00:00+11:00',
) {
  const query = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`
  const response = await api.get(`/users/${user}/locations/1/freebusy?${query}`)
  expect(response.status).toBe(200)
  return (await response.json()) as { user: number; free: ScheduleRange[]; busy: ScheduleRange[] }
}

describe('user free/busy (spec §6)', () => {
  it('frees the roster minus the user’s appointments anywhere, ignoring cancelled ones and blocks', async () => {
    expect(await freeBusy(10)).toEqual({
      user: 10,
      free: [
        span(40, ['02', '09:00'], ['02', '11:00']),
        span(40, ['02', '11:30'], ['02', '14:00']),
        span(40, ['02', '15:00'], ['02', '17:00']),
      ],
      busy: [
        span(40, ['02', '00:00'], ['02', '09:00']),
        span(40, ['02', '11:00'], ['02', '11:30']),
        span(40, ['02', '14:00'], ['02', '15:00']),
        span(40, ['02', '17:00'], ['03', '00:00']),
      ],
    })
  })

  it('answers the free and busy lists alone on their own endpoints', async () => {
    const query = 'from=2026-03-02T00:00:00Z&to=2026-03-02T06:00:00Z'

    const free = await (await api.get(`/users/10/locations/1/free?${query}`)).json()
    const busy = await (await api.get(`/users/10/locations/1/busy?${query}`)).json()

    expect(free).toEqual([
      span(40, ['02', '11:30'], ['02', '14:00']),
      span(40, ['02', '15:00'], ['02', '17:00']),
    ])
    expect(busy).toEqual([
      span(40, ['02', '11:00'], ['02', '11:30']),
      span(40, ['02', '14:00'], ['02', '15:00']),
    ])
  })

  it('gives empty free and busy to a user with no roster', async () => {
    expect(await freeBusy(11)).toEqual({ user: 11, free: [], busy: [] })
  })

  it('lets busy extend before `from` when an appointment straddles it', async () => {
    const result = await freeBusy(12, '2026-03-02T10:00:00+11:00')

    expect(result.free).toEqual([span(40, ['02', '10:30'], ['02', '17:00'])])
    expect(result.busy).toEqual([
      span(40, ['02', '09:30'], ['02', '10:30']),
      span(40, ['02', '17:00'], ['03', '00:00']),
    ])
  })

  it('keeps busy ranges of consecutive days apart at midnight when the later day has no appointments', async () => {
    const result = await freeBusy(13, '2026-03-02T00:00:00+11:00', '2026-03-04T00:00:00+11:00')

    expect(result.busy).toEqual([
      span(40, ['02', '00:00'], ['02', '09:00']),
      span(40, ['02', '17:00'], ['03', '00:00']),
      span(40, ['03', '00:00'], ['03', '09:00']),
      span(40, ['03', '17:00'], ['04', '00:00']),
    ])
  })

  it('makes a rostered schedule busy all day on a day without roster, kept apart at midnight', async () => {
    const result = await freeBusy(10, '2026-03-02T00:00:00+11:00', '2026-03-04T00:00:00+11:00')

    expect(result.busy).toEqual([
      span(40, ['02', '00:00'], ['02', '09:00']),
      span(40, ['02', '11:00'], ['02', '11:30']),
      span(40, ['02', '14:00'], ['02', '15:00']),
      span(40, ['02', '17:00'], ['03', '00:00']),
      span(40, ['03', '00:00'], ['04', '00:00']),
    ])
  })

  it('merges busy across midnight when the later day has an appointment, at any location', async () => {
    const result = await freeBusy(17, '2026-03-02T00:00:00+11:00', '2026-03-04T00:00:00+11:00')

    expect(result.free).toEqual([span(40, ['02', '09:00'], ['02', '17:00'])])
    expect(result.busy).toEqual([
      span(40, ['02', '00:00'], ['02', '09:00']),
      span(40, ['02', '17:00'], ['04', '00:00']),
    ])
  })

  it('omits the busy tail when the roster runs past `to`', async () => {
    const result = await freeBusy(10, '2026-03-02T00:00:00+11:00', '2026-03-02T12:00:00+11:00')

    expect(result.free).toEqual([
      span(40, ['02', '09:00'], ['02', '11:00']),
      span(40, ['02', '11:30'], ['02', '12:00']),
    ])
    expect(result.busy).toEqual([
      span(40, ['02', '00:00'], ['02', '09:00']),
      span(40, ['02', '11:00'], ['02', '11:30']),
    ])
  })

  it('does not remove appointments from a second schedule of the same area, and tags busy with the last schedule (quirks)', async () => {
    const result = await freeBusy(14)

    expect(result.free).toEqual([
      span(41, ['02', '09:00'], ['02', '10:00']),
      span(41, ['02', '10:30'], ['02', '17:00']),
      span(42, ['02', '09:00'], ['02', '17:00']),
    ])
    expect(result.busy.every((range) => range.schedule === 42)).toBe(true)
  })

  it('ignores inactive roster areas and inactive schedules', async () => {
    expect(await freeBusy(15)).toEqual({ user: 15, free: [], busy: [] })
  })

  it('counts only the roster at the asked location: a shift at another one is not free time here', async () => {
    expect(await freeBusy(18)).toEqual({
      user: 18,
      free: [span(40, ['02', '09:00'], ['02', '12:00'])],
      busy: [
        span(40, ['02', '00:00'], ['02', '09:00']),
        span(40, ['02', '12:00'], ['03', '00:00']),
      ],
    })
  })

  it('joins overlapping, nested and touching shifts into one stretch of free time', async () => {
    expect(await freeBusy(19)).toEqual({
      user: 19,
      free: [span(40, ['02', '09:00'], ['02', '17:00'])],
      busy: [
        span(40, ['02', '00:00'], ['02', '09:00']),
        span(40, ['02', '17:00'], ['03', '00:00']),
      ],
    })
  })

  it('takes an appointment spanning the gap between two shifts out of both', async () => {
    expect(await freeBusy(20)).toEqual({
      user: 20,
      free: [
        span(40, ['02', '09:00'], ['02', '11:00']),
        span(40, ['02', '14:00'], ['02', '17:00']),
      ],
      busy: [
        span(40, ['02', '00:00'], ['02', '09:00']),
        span(40, ['02', '11:00'], ['02', '14:00']),
        span(40, ['02', '17:00'], ['03', '00:00']),
      ],
    })
  })

  it('leaves a gap between two shifts busy, and keeps everything inside the query', async () => {
    const whole = await freeBusy(22)
    const morning = await freeBusy(22, '2026-03-02T00:00:00+11:00', '2026-03-02T12:00:00+11:00')
    const afternoon = await freeBusy(22, '2026-03-02T13:00:00+11:00')

    expect(whole.free).toEqual([
      span(40, ['02', '09:00'], ['02', '12:00']),
      span(40, ['02', '13:00'], ['02', '17:00']),
    ])
    expect(whole.busy).toEqual([
      span(40, ['02', '00:00'], ['02', '09:00']),
      span(40, ['02', '12:00'], ['02', '13:00']),
      span(40, ['02', '17:00'], ['03', '00:00']),
    ])
    expect(morning.busy).toEqual([span(40, ['02', '00:00'], ['02', '09:00'])])
    expect(afternoon.free).toEqual([span(40, ['02', '13:00'], ['02', '17:00'])])
    expect(afternoon.busy).toEqual([span(40, ['02', '17:00'], ['03', '00:00'])])
  })

  it('gives no free time for a shift that ends where the query starts', async () => {
    expect((await freeBusy(18, '2026-03-02T12:00:00+11:00')).free).toEqual([])
  })

  it('removes a shift the appointment covers whole, trims the next, and leaves no empty piece', async () => {
    expect((await freeBusy(23)).free).toEqual([span(40, ['02', '12:00'], ['02', '16:00'])])
  })

  it('does not carry an appointment ending at midnight into the next day', async () => {
    const result = await freeBusy(21, '2026-03-02T00:00:00+11:00', '2026-03-04T00:00:00+11:00')

    expect(result.busy).toEqual([
      span(40, ['02', '00:00'], ['02', '09:00']),
      span(40, ['02', '17:00'], ['03', '00:00']),
      span(40, ['03', '00:00'], ['03', '09:00']),
      span(40, ['03', '17:00'], ['04', '00:00']),
    ])
  })

  it('stops at `to`: an appointment on the day after the query is not busy', async () => {
    expect((await freeBusy(17)).busy).toEqual([
      span(40, ['02', '00:00'], ['02', '09:00']),
      span(40, ['02', '17:00'], ['03', '00:00']),
    ])
  })

  it('splits a roster crossing midnight into the two days', async () => {
    const result = await freeBusy(16, '2026-03-02T00:00:00+11:00', '2026-03-04T00:00:00+11:00')

    expect(result.free).toEqual([
      span(40, ['02', '20:00'], ['03', '00:00']),
      span(40, ['03', '00:00'], ['03', '04:00']),
    ])
  })
})
