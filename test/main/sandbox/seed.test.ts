import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox'
import { BEFORE_GUIDE_DAY, client, GUIDE_DAY, guideBooking } from './support'

// Every example of seed/online-booking-api-v2.txt, compared as exact JSON text (field order and date format).
const slot = (from: string, to: string) =>
  `{"start":"2019-02-15T${from}:00.000+11:00","end":"2019-02-15T${to}:00.000+11:00"}`
const quarterHours = (from: string, to: string): string[] => {
  const result: string[] = []
  const minutes = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3))
  const label = (value: number) =>
    `${String(Math.floor(value / 60)).padStart(2, '0')}:${String(value % 60).padStart(2, '0')}`
  for (let at = minutes(from); at < minutes(to); at += 15)
    result.push(slot(label(at), label(at + 15)))
  return result
}

const GUIDE = {
  locations:
    '[{"id":106,"name":"Branch Clinic","timeZone":"Australia/Sydney"},{"id":98,"name":"Main Clinic","timeZone":"Australia/Sydney"}]',
  schedules:
    '[{"id":136,"name":"Main Appointment Schedule","slotSize":15},{"id":211,"name":"Main Surgery Schedule","slotSize":30}]',
  appointmentTypes:
    '[{"id":79,"name":"Short Consult","slots":1},{"id":66,"name":"Standard Consult","slots":1},{"id":63,"name":"Long Consult","slots":2},{"id":76,"name":"New Patient","slots":2}]',
  free: `[${slot('09:00', '10:45')},${slot('11:30', '17:30')}]`,
  busy: `[${slot('10:45', '11:30')}]`,
  freeSlots: `[${[...quarterHours('09:00', '10:45'), ...quarterHours('11:30', '17:30')].join(',')}]`,
  users: '[{"id":1158,"name":"Andrew Turner"},{"id":1159,"name":"Chris Barton"}]',
  userFree:
    '[{"start":"2019-02-15T11:00:00.000+11:00","end":"2019-02-15T17:00:00.000+11:00","schedule":136},' +
    '{"start":"2019-02-15T09:00:00.000+11:00","end":"2019-02-15T17:00:00.000+11:00","schedule":211}]',
}

describe('seed clinic: the API guide examples', () => {
  let sandbox: RunningSandbox
  let api: ReturnType<typeof client>

  beforeAll(async () => {
    sandbox = await startSandbox()
    api = client(sandbox)
  })
  afterAll(() => sandbox.close())

  it('lists the locations, Branch Clinic first', async () => {
    const response = await api.get('/locations')

    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.text()).toBe(GUIDE.locations)
  })

  it('lists the schedules at Main Clinic', async () => {
    expect(await api.text('/locations/98/schedules')).toBe(GUIDE.schedules)
  })

  it('lists the appointment types of schedule 136 in the guide order', async () => {
    expect(await api.text('/schedules/136/appointmentTypes')).toBe(GUIDE.appointmentTypes)
  })

  it('answers free, busy and freebusy for 136 on 2019-02-15', async () => {
    const free = await api.text(`/schedules/136/free?${GUIDE_DAY}`)
    const busy = await api.text(`/schedules/136/busy?${GUIDE_DAY}`)
    const both = await api.text(`/schedules/136/freebusy?${GUIDE_DAY}`)

    expect(free).toBe(GUIDE.free)
    expect(busy).toBe(GUIDE.busy)
    expect(both).toBe(`{"free":${GUIDE.free},"busy":${GUIDE.busy}}`)
  })

  it('splits free time into the 31 quarter-hour slots with slots=true', async () => {
    const text = await api.text(`/schedules/136/free?${GUIDE_DAY}&slots=true`)

    expect(text).toBe(GUIDE.freeSlots)
    expect(JSON.parse(text)).toHaveLength(31)
  })

  it('lists the users at Main Clinic and the locations of user 1158', async () => {
    expect(await api.text('/locations/98/users')).toBe(GUIDE.users)
    expect(await api.text('/users/1158/locations')).toBe(GUIDE.locations)
  })

  it('answers user 1158 free at Main Clinic per schedule, 136 then 211', async () => {
    expect(await api.text(`/users/1158/locations/98/free?${GUIDE_DAY}`)).toBe(GUIDE.userFree)
  })

  it('returns appointment 603 for its reference, with the customer record details', async () => {
    const response = await api.get('/bookings/603:be08f3c6-1afb-11e6-be41-3dbaef689d97')

    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      location: 98,
      schedule: 136,
      appointmentType: 66,
      start: '2019-02-15T10:45:00.000+11:00',
      end: '2019-02-15T11:30:00.000+11:00',
      title: 'MS',
      firstName: 'Judith',
      lastName: 'Bourke',
      email: 'judith.bourke@example.com',
      phone: '0418976543',
      mobile: '0418976543',
      patientName: 'Muffett',
      notes: null,
      user: 1159,
    })
  })

  it("answers the guide's retrieve and cancel examples, as printed, with 400 and 404", async () => {
    // spec §7.3: the guide's 3-part reference predates the 2-part form; its cancel example is elided with "...".
    const retrieved = await api.get('/bookings/603:3:be08f3c6-1afb-11e6-be41-3dbaef689d97')
    const cancelled = await api.delete('391:a98f02c9-1a4b-...')

    expect([retrieved.status, await retrieved.text()]).toEqual([400, 'Invalid booking reference'])
    expect([cancelled.status, await cancelled.text()]).toEqual([404, 'Booking not found'])
  })

  it('has Branch Clinic with 6 schedules and 4 clinicians', async () => {
    const schedules = (await (await api.get('/locations/106/schedules')).json()) as unknown[]
    const users = (await (await api.get('/locations/106/users')).json()) as { name: string }[]

    expect(schedules).toHaveLength(6)
    expect(users.map((user) => user.name)).toEqual([
      'Andrew Turner',
      'Chris Barton',
      'Priya Shah',
      'Tom Nguyen',
    ])
  })
})

describe('seed clinic: the guide booking', () => {
  let sandbox: RunningSandbox
  let api: ReturnType<typeof client>

  beforeAll(async () => {
    sandbox = await startSandbox({ now: BEFORE_GUIDE_DAY })
    api = client(sandbox)
  })
  afterAll(() => sandbox.close())

  it('refuses booking.json as printed in the guide (a comma is missing) with a 400', async () => {
    const printed =
      '{ "location": 98, "schedule": 136, "appointmentType": 66, "start": "2019-02-15T12:30:00.000+11:00", ' +
      '"end": "2019-02-15T12:45:00.000+11:00", "title": "Ms", "firstName": "Judith", "lastName": "Bourke", ' +
      '"mobile": "0418976543", "patientName": "Muffett" "user": 1158 }'

    const response = await api.post(printed)

    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('text/plain')
    expect(await response.text()).toMatch(/^Unexpected character \('"' \(code 34\)\)/)
  })

  it('books it with the comma restored: 201, reference <id>:<uuid>, Location header', async () => {
    const response = await api.post(guideBooking())
    const reference = await response.text()

    expect(response.status).toBe(201)
    expect(response.headers.get('content-type')).toBe('text/plain')
    expect(reference).toMatch(
      /^\d+:[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
    expect(Number(reference.split(':')[0])).toBeGreaterThan(603)
    expect(response.headers.get('location')).toBe(`${sandbox.baseUrl}/bookings/${reference}`)
  })

  it('shows the booked quarter hour as busy right away', async () => {
    expect(await api.text(`/schedules/136/busy?${GUIDE_DAY}`)).toBe(
      `[${slot('10:45', '11:30')},${slot('12:30', '12:45')}]`,
    )
  })
})
