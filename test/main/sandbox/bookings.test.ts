import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox'
import { BEFORE_GUIDE_DAY, client, guideBooking } from './support'

let sandbox: RunningSandbox
let api: ReturnType<typeof client>

beforeEach(async () => {
  sandbox = await startSandbox({ now: BEFORE_GUIDE_DAY })
  api = client(sandbox)
})
afterEach(() => sandbox.close())

const at = (time: string) => `2019-02-15T${time}:00.000+11:00`

async function refusal(body: unknown): Promise<[number, string, string | null]> {
  const response = await api.post(body)
  return [response.status, await response.text(), response.headers.get('content-type')]
}

async function book(overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await api.post({ ...guideBooking(), ...overrides })
  expect(response.status).toBe(201)
  return response.text()
}

/** The booking as the server reads it back (spec §7.3). */
async function stored(reference: string): Promise<Record<string, unknown>> {
  const response = await api.get(`/bookings/${reference}`)
  expect(response.status).toBe(200)
  return (await response.json()) as Record<string, unknown>
}

describe('POST /bookings validation (spec §7.1, in order, 400 text/plain)', () => {
  it.each([
    ['a JSON null body', 'null', 'Booking is required'],
    ['an empty body', '', 'Booking is required'],
    ['no start', { ...guideBooking(), start: undefined }, "'start' is a required field"],
    ['an empty start', { ...guideBooking(), start: '' }, "'start' is a required field"],
    ['no end', { ...guideBooking(), end: null }, "'end' is a required field"],
    [
      'a start before the clock',
      { ...guideBooking(), start: '2019-02-13T09:00:00.000+11:00', end: at('09:15') },
      'Cannot make a booking in the past',
    ],
    [
      'end before start',
      { ...guideBooking(), end: at('12:15') },
      'Booking start must be less than end',
    ],
    [
      'end equal to start',
      { ...guideBooking(), end: at('12:30') },
      'Booking start must be less than end',
    ],
    ['an unknown schedule', { ...guideBooking(), schedule: 999 }, 'Schedule not found: 999'],
    ['no schedule', { ...guideBooking(), schedule: undefined }, 'Schedule not found: 0'],
    [
      'another location',
      { ...guideBooking(), location: 106 },
      'Schedule is not available at location 106',
    ],
    [
      'no location',
      { ...guideBooking(), location: undefined },
      'Schedule is not available at location 0',
    ],
    ['an unknown type', { ...guideBooking(), appointmentType: 5 }, 'Appointment Type not found: 5'],
    [
      'a start off the slot grid',
      { ...guideBooking(), start: at('12:20') },
      'Booking start is not on a slot boundary',
    ],
    [
      'an end off the slot grid',
      { ...guideBooking(), end: at('12:50') },
      'Booking end is not on a slot boundary',
    ],
    [
      'a blank first name',
      { ...guideBooking(), firstName: '  ' },
      "'firstName' is a required field",
    ],
    ['no last name', { ...guideBooking(), lastName: null }, "'lastName' is a required field"],
    ['an unknown user', { ...guideBooking(), user: 4242 }, 'User not found: 4242'],
    [
      'a time overlapping appointment 603',
      { ...guideBooking(), start: at('11:15'), end: at('11:45') },
      'An appointment is already scheduled for 2019-02-15 10:45:00.0-2019-02-15 11:30:00.0',
    ],
  ])('refuses %s', async (_case, body, message) => {
    expect(await refusal(body)).toEqual([400, message, 'text/plain'])
  })

  it('reports the first failing step when every later step fails too, one fix at a time', async () => {
    // Each fix in turn removes the failure reported; every later step still fails until its own fix.
    let body: Record<string, unknown> = {
      ...guideBooking(),
      start: undefined,
      end: undefined,
      schedule: 999,
      location: 106,
      appointmentType: 5,
      firstName: ' ',
      lastName: '',
      user: 4242,
    }
    const steps: [Record<string, unknown>, string][] = [
      [{}, "'start' is a required field"],
      [{ start: '2019-02-13T09:07:00.000+11:00' }, "'end' is a required field"],
      [{ end: '2019-02-13T09:00:00.000+11:00' }, 'Cannot make a booking in the past'],
      [{ start: at('11:20') }, 'Booking start must be less than end'],
      [{ end: at('11:50') }, 'Schedule not found: 999'],
      [{ schedule: 136 }, 'Schedule is not available at location 106'],
      [{ location: 98 }, 'Appointment Type not found: 5'],
      [{ appointmentType: 66 }, 'Booking start is not on a slot boundary'],
      [{ start: at('11:15') }, 'Booking end is not on a slot boundary'],
      [{ end: at('11:45') }, "'firstName' is a required field"],
      [{ firstName: 'Judith' }, "'lastName' is a required field"],
      [{ lastName: 'Bourke' }, 'User not found: 4242'],
      [
        { user: 1158 },
        'An appointment is already scheduled for 2019-02-15 10:45:00.0-2019-02-15 11:30:00.0',
      ],
    ]
    const seen: string[] = []

    for (const [fix] of steps) {
      body = { ...body, ...fix }
      seen.push((await refusal(body))[1])
    }
    const booked = await api.post({ ...body, start: at('11:30') })

    expect(seen).toEqual(steps.map(([, message]) => message))
    expect(booked.status).toBe(201)
  })

  it('checks the past before the slot grid and the slot grid before the names', async () => {
    const past = { start: '2019-02-13T09:07:00.000+11:00', end: '2019-02-13T09:20:00.000+11:00' }

    expect((await refusal({ ...guideBooking(), ...past, firstName: '' }))[1]).toBe(
      'Cannot make a booking in the past',
    )
    expect((await refusal({ ...guideBooking(), start: at('12:31'), firstName: '' }))[1]).toBe(
      'Booking start is not on a slot boundary',
    )
  })

  it('ignores seconds on the slot grid, as OpenVPMS checks hour and minute only', async () => {
    const response = await api.post({ ...guideBooking(), start: '2019-02-15T12:30:30.000+11:00' })

    expect(response.status).toBe(201)
  })

  it('does not check online flags, type membership, opening hours or calendar blocks (spec §11.10)', async () => {
    // Type 90 is not online-bookable and not on 211; 211 has a lunch block 12:00–13:00 and 19:00 is after hours.
    await book({ schedule: 211, appointmentType: 90, start: at('12:00'), end: at('13:00') })
    await book({ schedule: 211, start: at('19:00'), end: at('19:30') })
  })

  it('allows touching appointments', async () => {
    await book({ start: at('11:30'), end: at('11:45') })
    await book({ start: at('10:30'), end: at('10:45') })
  })

  it('ignores cancelled appointments in the overlap check', async () => {
    const reference = await book()
    await api.delete(reference)

    await book()
  })

  it('accepts epoch millis, Z dates and JSON strings for ids, and stores the times they mean', async () => {
    const start = Date.parse('2019-02-15T02:00:00.000Z')

    const millis = await book({ start, end: start + 15 * 60_000, location: '98', schedule: '136' })
    const utc = await book({ start: '2019-02-15T03:00:00.000Z', end: '2019-02-15T03:15:00.000Z' })

    expect(await stored(millis)).toMatchObject({
      location: 98,
      schedule: 136,
      start: at('13:00'),
      end: at('13:15'),
    })
    expect(await stored(utc)).toMatchObject({ start: at('14:00'), end: at('14:15') })
  })
})

describe('POST /bookings body parsing (Jackson, spec §1.4–§1.5)', () => {
  it('rejects an unknown field, naming it', async () => {
    const [status, body] = await refusal({ ...guideBooking(), colour: 'blue' })

    expect(status).toBe(400)
    expect(body).toMatch(
      /^Unrecognized field "colour" \(class org\.openvpms\.booking\.domain\.Booking\), not marked as ignorable/,
    )
  })

  it.each([
    ['no millis', '2019-02-15T12:30:00+11:00'],
    ['a +1100 offset', '2019-02-15T12:30:00.000+1100'],
    ['a +11 offset', '2019-02-15T12:30:00.000+11'],
    ['no offset', '2019-02-15T12:30:00.000'],
  ])('rejects a body date with %s', async (_case, start) => {
    const [status, body] = await refusal({ ...guideBooking(), start })

    expect(status).toBe(400)
    expect(body).toContain(
      `Can not construct instance of java.util.Date from String value '${start}'`,
    )
  })

  it('reads a 1-digit fraction as 1 ms and ignores trailing text, like SimpleDateFormat', async () => {
    const reference = await book({
      start: '2019-02-15T14:00:00.1+11:00',
      end: '2019-02-15T14:15:00.000+11:00junk',
    })

    expect(await stored(reference)).toMatchObject({
      start: '2019-02-15T14:00:00.001+11:00',
      end: at('14:15'),
    })
  })

  it('rejects a non-numeric string for an id', async () => {
    const [status, body] = await refusal({ ...guideBooking(), schedule: 'abc' })

    expect(status).toBe(400)
    expect(body).toMatch(/^Can not deserialize value of type long from String "abc"/)
  })

  it('rejects an object for a text field and a top-level array', async () => {
    expect((await refusal({ ...guideBooking(), notes: { a: 1 } }))[0]).toBe(400)
    expect((await refusal([guideBooking()]))[1]).toMatch(/out of START_ARRAY token/)
  })

  it('answers 415 for a non-JSON content type and 406 when Accept excludes text/plain', async () => {
    const form = await api.post(guideBooking(), { 'Content-Type': 'text/plain' })
    const jsonOnly = await api.post(guideBooking(), { Accept: 'application/json' })
    const anything = await api.post(guideBooking(), { Accept: 'text/plain, */*;q=0.1' })

    expect(form.status).toBe(415)
    expect(jsonOnly.status).toBe(406)
    expect(anything.status).toBe(201)
  })
})

describe('GET and DELETE /bookings/{reference} (spec §7.3, §7.4)', () => {
  it.each(['123', '123:', '1:2:3', 'abc', 'x:be08f3c6-1afb-11e6-be41-3dbaef689d97'])(
    'answers 400 Invalid booking reference for %s',
    async (reference) => {
      const got = await api.get(`/bookings/${reference}`)
      const deleted = await api.delete(reference)

      expect([got.status, await got.text()]).toEqual([400, 'Invalid booking reference'])
      expect([deleted.status, await deleted.text()]).toEqual([400, 'Invalid booking reference'])
    },
  )

  it('answers 404 Booking not found for an unknown id or a wrong linkId', async () => {
    const unknown = await api.get('/bookings/9999:be08f3c6-1afb-11e6-be41-3dbaef689d97')
    const wrongLink = await api.get('/bookings/603:BE08F3C6-1afb-11e6-be41-3dbaef689d97')

    expect([unknown.status, await unknown.text()]).toEqual([404, 'Booking not found'])
    expect([wrongLink.status, await wrongLink.text()]).toEqual([404, 'Booking not found'])
  })

  it('accepts +5 and 007 style ids, as Long.parseLong does', async () => {
    const response = await api.get('/bookings/+0603:be08f3c6-1afb-11e6-be41-3dbaef689d97')

    expect(response.status).toBe(200)
  })

  it('returns a matched customer booking from the customer record, never the notes', async () => {
    const reference = await book({
      mobile: '0418 976 543',
      email: 'other@example.com',
      notes: 'Limping',
    })

    const booking = await (await api.get(`/bookings/${reference}`)).json()

    expect(booking).toEqual({
      location: 98,
      schedule: 136,
      appointmentType: 66,
      start: at('12:30'),
      end: at('12:45'),
      title: 'MS',
      firstName: 'Judith',
      lastName: 'Bourke',
      email: 'judith.bourke@example.com',
      phone: '0418976543',
      mobile: '0418976543',
      patientName: 'Muffett',
      notes: null,
      user: 1158,
    })
  })

  it('returns no name or contacts for a new (unmatched) customer', async () => {
    const reference = await book({ firstName: 'Ann', lastName: 'Newcomer', user: 0 })

    const booking = (await (await api.get(`/bookings/${reference}`)).json()) as Record<
      string,
      unknown
    >

    expect(booking).toMatchObject({
      firstName: null,
      lastName: null,
      mobile: null,
      patientName: null,
      user: 0,
    })
  })

  it('cancels a pending booking once: 204, then 404, and the time is free again', async () => {
    const reference = await book()

    const first = await api.delete(reference)
    const second = await api.delete(reference)
    const got = await api.get(`/bookings/${reference}`)

    expect([first.status, await first.text()]).toEqual([204, ''])
    expect([second.status, await second.text()]).toEqual([404, 'Booking not found'])
    expect(got.status).toBe(404)
  })

  it('refuses to cancel once the patient is checked in', async () => {
    const reference = await book()
    sandbox.setAppointmentStatus(Number(reference.split(':')[0]), 'CHECKED_IN')

    const response = await api.delete(reference)

    expect([response.status, await response.text()]).toEqual([
      400,
      'The booking must be pending to cancel',
    ])
  })

  it('answers 405 for GET /bookings and for PUT on a reference', async () => {
    expect((await api.get('/bookings')).status).toBe(405)
    expect((await api.request('/bookings/603:x', { method: 'PUT' })).status).toBe(405)
  })
})

describe('bookings: roles, concurrency and the GET defect', () => {
  it('lets the viewer read but answers 403 Access is denied to its POST and DELETE', async () => {
    const viewer = client(sandbox, 'viewer', 'changeit')
    const reference = await book()

    const posted = await viewer.post({ ...guideBooking(), start: at('15:00'), end: at('15:15') })
    const deleted = await viewer.delete(reference)
    const read = await viewer.get(`/bookings/${reference}`)

    expect([posted.status, await posted.text(), posted.headers.get('content-type')]).toEqual([
      403,
      'Access is denied',
      'text/plain',
    ])
    expect([deleted.status, await deleted.text()]).toEqual([403, 'Access is denied'])
    expect(read.status).toBe(200)
  })

  it('gives exactly one 201 when two clients book the same time at once', async () => {
    const responses = await Promise.all(
      Array.from({ length: 4 }, () =>
        api.post({ ...guideBooking(), start: at('16:00'), end: at('16:30') }),
      ),
    )
    const statuses = responses.map((response) => response.status).sort()
    const bodies = await Promise.all(responses.map((response) => response.text()))

    expect(statuses).toEqual([201, 400, 400, 400])
    expect(
      bodies.filter((body) => body.startsWith('An appointment is already scheduled for')),
    ).toHaveLength(3)
  })

  it('answers 500 with an HTML page for a valid reference when emulating the GET defect', async () => {
    const defective = await startSandbox({ now: BEFORE_GUIDE_DAY, emulateGetDefect: true })
    const other = client(defective)
    try {
      const valid = await other.get('/bookings/603:be08f3c6-1afb-11e6-be41-3dbaef689d97')
      const unknown = await other.get('/bookings/603:ffffffff-1afb-11e6-be41-3dbaef689d97')
      const invalid = await other.get('/bookings/603')

      expect(valid.status).toBe(500)
      expect(valid.headers.get('content-type')).toMatch(/^text\/html/)
      expect(await valid.text()).toContain('clincian')
      expect(unknown.status).toBe(404)
      expect(invalid.status).toBe(400)
    } finally {
      await defective.close()
    }
  })
})
