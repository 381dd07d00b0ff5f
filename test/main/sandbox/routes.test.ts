import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox'
import { basic, client } from './support'

// A small clinic exercising every flag of spec §3: hidden locations, inactive and offline schedules, users.
const dataset = {
  timeZone: 'Australia/Sydney',
  users: [
    { id: 1, name: 'Api', login: 'api', password: 'secret', bookingRole: true },
    {
      id: 10,
      name: 'Zed Vet',
      login: 'zed',
      password: 'x',
      onlineBooking: true,
      clinician: true,
      locations: [1],
    },
    { id: 11, name: 'Amy Vet', login: 'amy', password: 'x', onlineBooking: true, clinician: true },
    {
      id: 9,
      name: 'Amy Vet',
      login: 'amy2',
      password: 'x',
      onlineBooking: true,
      locations: [1, 2],
    },
    { id: 12, name: 'Gone Vet', login: 'gone', password: 'x', onlineBooking: true, active: false },
    { id: 13, name: 'Offline Vet', login: 'off', password: 'x', onlineBooking: false },
    {
      id: 14,
      name: 'Hidden Vet',
      login: 'hid',
      password: 'x',
      onlineBooking: true,
      locations: [3],
    },
  ],
  locations: [
    { id: 1, name: 'North', onlineBooking: true },
    { id: 2, name: 'South', onlineBooking: true },
    { id: 3, name: 'Hidden', onlineBooking: false },
  ],
  appointmentTypes: [
    { id: 1, name: 'Consult', onlineBooking: true },
    { id: 2, name: 'Private', onlineBooking: false },
    { id: 3, name: 'Zero', onlineBooking: true },
  ],
  schedules: [
    {
      id: 20,
      name: 'Room',
      location: 1,
      onlineBooking: true,
      appointmentTypes: [
        { type: 2, slots: 1 },
        { type: 3, slots: 0 },
        { type: 1, slots: 2 },
      ],
    },
    { id: 21, name: 'Old room', location: 1, onlineBooking: true, active: false },
    { id: 22, name: 'Back room', location: 1, onlineBooking: false },
    { id: 23, name: 'Surgery', location: 2, onlineBooking: true, slotSize: 1, slotUnits: 'HOURS' },
  ],
}

const DAY = 'from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z'

let sandbox: RunningSandbox
let api: ReturnType<typeof client>

beforeAll(async () => {
  sandbox = await startSandbox({ dataset })
  api = client(sandbox, 'api', 'secret')
})
afterAll(() => sandbox.close())

async function call(path: string): Promise<[number, unknown]> {
  const response = await api.get(path)
  const type = response.headers.get('content-type') ?? ''
  return [
    response.status,
    type.startsWith('application/json') ? await response.json() : await response.text(),
  ]
}

describe('locations (spec §3.1)', () => {
  it('lists only online-booking locations, with the server zone', async () => {
    expect(await call('/locations')).toEqual([
      200,
      [
        { id: 1, name: 'North', timeZone: 'Australia/Sydney' },
        { id: 2, name: 'South', timeZone: 'Australia/Sydney' },
      ],
    ])
  })

  it('answers 404 Practice location not found for unknown and offline locations', async () => {
    expect(await call('/locations/3')).toEqual([404, 'Practice location not found'])
    expect(await call('/locations/77/schedules')).toEqual([404, 'Practice location not found'])
    expect(await call('/locations/3/users')).toEqual([404, 'Practice location not found'])
  })

  it('lists online schedules including inactive ones, slot size in minutes', async () => {
    expect(await call('/locations/1/schedules')).toEqual([
      200,
      [
        { id: 20, name: 'Room', slotSize: 15 },
        { id: 21, name: 'Old room', slotSize: 15 },
      ],
    ])
    expect(await call('/locations/2/schedules')).toEqual([
      200,
      [{ id: 23, name: 'Surgery', slotSize: 60 }],
    ])
  })

  it('lists active online users linked here or nowhere, by name then id', async () => {
    expect(await call('/locations/1/users')).toEqual([
      200,
      [
        { id: 9, name: 'Amy Vet' },
        { id: 11, name: 'Amy Vet' },
        { id: 10, name: 'Zed Vet' },
      ],
    ])
  })
})

describe('schedules (spec §3.2)', () => {
  it('returns a schedule, 404 when unknown and 400 when not online', async () => {
    expect(await call('/schedules/21')).toEqual([200, { id: 21, name: 'Old room', slotSize: 15 }])
    expect(await call('/schedules/99')).toEqual([404, 'Schedule not found'])
    expect(await call('/schedules/22')).toEqual([
      400,
      'Schedule is not available for online booking',
    ])
    expect(await call('/schedules/22/appointmentTypes')).toEqual([
      400,
      'Schedule is not available for online booking',
    ])
  })

  it('lists online types with a positive slot count only', async () => {
    expect(await call('/schedules/20/appointmentTypes')).toEqual([
      200,
      [{ id: 1, name: 'Consult', slots: 2 }],
    ])
  })

  it.each([
    ['', "Missing 'from' parameter"],
    ['from=2026-03-02T00:00:00Z', "Missing 'to' parameter"],
    ['from=&to=2026-03-03T00:00:00Z', "Parameter 'from' is not a valid ISO date/time: "],
    ['from=2026-03-02&to=x', "Parameter 'from' is not a valid ISO date/time: 2026-03-02"],
    [
      'from=2026-03-02T00:00:00+11:00&to=x',
      "Parameter 'from' is not a valid ISO date/time: 2026-03-02T00:00:00 11:00",
    ],
    [
      'from=2026-03-02T00:00:00Z&to=2026-03-03T00:00',
      "Parameter 'to' is not a valid ISO date/time: 2026-03-03T00:00",
    ],
  ])('validates the dates before the schedule: %s', async (query, message) => {
    for (const part of ['free', 'busy', 'freebusy']) {
      expect(await call(`/schedules/99/${part}?${query}`)).toEqual([400, message])
    }
  })

  it('looks the schedule up after valid dates', async () => {
    expect(await call(`/schedules/99/free?${DAY}`)).toEqual([404, 'Schedule not found'])
    expect(await call(`/schedules/22/busy?${DAY}`)).toEqual([
      400,
      'Schedule is not available for online booking',
    ])
  })

  it.each([
    ['2026-03-02T00:00:00Z', true],
    ['2026-03-02T11:00:00%2B11:00', true],
    ['2026-03-02T11:00:00%2B1100', true],
    ['2026-03-02T11:00:00%2B11', true],
    ['2026-03-02T11:00:00.000%2B11:00', true],
    ['2026-03-02T11:00:00.123456789%2B11:00', true],
    ['2026-03-02T11:00:00', false],
    ['2026-03-02T11:00%2B11:00', false],
    ['2026-03-02 11:00:00Z', false],
    ['2026-02-30T11:00:00Z', false],
  ])('query date %s accepted: %s (Joda forms, spec §1.4)', async (from, accepted) => {
    const [status] = await call(`/schedules/20/free?from=${from}&to=2026-03-03T00:00:00Z`)

    expect(status).toBe(accepted ? 200 : 400)
  })

  it('treats slots as true only for "true" in any case', async () => {
    const [, plain] = await call(`/schedules/20/free?${DAY}&slots=yes`)
    const [, slotted] = await call(`/schedules/20/free?${DAY}&slots=TRUE`)

    expect(plain).toHaveLength(1)
    expect((slotted as unknown[]).length).toBeGreaterThan(1)
  })
})

describe('users (spec §3.3)', () => {
  it('finds active online users only', async () => {
    expect(await call('/users/10')).toEqual([200, { id: 10, name: 'Zed Vet' }])
    expect(await call('/users/12')).toEqual([404, 'User not found'])
    expect(await call('/users/13')).toEqual([404, 'User not found'])
    expect(await call('/users/1/locations')).toEqual([404, 'User not found'])
  })

  it('lists linked online locations, all when unlinked, none when linked only to offline ones', async () => {
    expect(await call('/users/10/locations')).toEqual([
      200,
      [{ id: 1, name: 'North', timeZone: 'Australia/Sydney' }],
    ])
    expect(await call('/users/11/locations')).toEqual([
      200,
      [
        { id: 1, name: 'North', timeZone: 'Australia/Sydney' },
        { id: 2, name: 'South', timeZone: 'Australia/Sydney' },
      ],
    ])
    expect(await call('/users/14/locations')).toEqual([200, []])
  })

  it('answers Location not found (not Practice location) for a location outside the user', async () => {
    expect(await call('/users/10/locations/1')).toEqual([
      200,
      { id: 1, name: 'North', timeZone: 'Australia/Sydney' },
    ])
    expect(await call('/users/10/locations/2')).toEqual([404, 'Location not found'])
    expect(await call('/users/14/locations/3')).toEqual([404, 'Location not found'])
  })

  it('checks user, then location, then dates on free/busy', async () => {
    expect(await call('/users/12/locations/9/free?from=x')).toEqual([404, 'User not found'])
    expect(await call('/users/10/locations/2/busy?from=x')).toEqual([404, 'Location not found'])
    expect(await call('/users/10/locations/1/freebusy?from=x')).toEqual([
      400,
      "Parameter 'from' is not a valid ISO date/time: x",
    ])
    expect(await call(`/users/10/locations/1/freebusy?${DAY}`)).toEqual([
      200,
      { user: 10, free: [], busy: [] },
    ])
  })
})

describe('transport (spec §1.2, §1.3, §8)', () => {
  it('answers 401 with the OpenVPMS Services realm and an HTML page without or with bad credentials', async () => {
    const none = await fetch(`${sandbox.baseUrl}/locations`)
    const wrong = await fetch(`${sandbox.baseUrl}/locations`, {
      headers: { Authorization: basic('api', 'nope') },
    })
    const inactive = await fetch(`${sandbox.baseUrl}/locations`, {
      headers: { Authorization: basic('gone', 'x') },
    })

    for (const response of [none, wrong, inactive]) {
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toBe('Basic realm="OpenVPMS Services"')
      expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    }
  })

  it('lets any authenticated user read, role or not', async () => {
    const response = await fetch(`${sandbox.baseUrl}/locations`, {
      headers: { Authorization: basic('zed', 'x') },
    })

    expect(response.status).toBe(200)
  })

  it('answers text/plain HTTP 404 Not Found for unknown paths', async () => {
    expect(await call('/nothing')).toEqual([404, 'HTTP 404 Not Found'])
    expect(await call('/schedules/20/appointments')).toEqual([404, 'HTTP 404 Not Found'])
  })

  it('answers the container 404 page for a non-numeric id', async () => {
    const response = await api.get('/schedules/abc')

    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
  })

  it('answers the container 400 page for a path with broken percent-encoding', async () => {
    const response = await api.get('/bookings/%E0%A4%A')

    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
  })

  it('accepts +5 and 007 forms of numeric ids', async () => {
    expect((await call('/schedules/+020'))[0]).toBe(200)
  })

  it('answers 405 with Allow for a wrong method', async () => {
    const response = await api.request('/locations', { method: 'POST' })

    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toContain('GET')
  })

  it('answers 406 when Accept excludes JSON on a GET', async () => {
    const response = await api.get('/locations', { Accept: 'text/plain' })

    expect(response.status).toBe(406)
  })

  it('serves the WADL and HEAD requests', async () => {
    const wadl = await api.get('/application.wadl')
    const head = await api.request('/locations', { method: 'HEAD' })

    expect(wadl.status).toBe(200)
    expect(await wadl.text()).toContain('<resource path="schedules/{id}/freebusy">')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })

  it('answers paths outside the API with the container page, without asking for credentials', async () => {
    const response = await fetch(sandbox.baseUrl.replace('/ws/booking/v2', '/app'))

    expect(response.status).toBe(404)
  })
})
