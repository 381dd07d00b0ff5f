import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { OpenVpmsClient } from '../../../src/main/openvpms/client'
import type { ClientConfig, WireBookingRequest } from '../../../src/main/openvpms/client'
import { startSandbox } from '../../../src/main/sandbox'
import type { AppError } from '../../../src/shared/result'
import { AppFailure } from '../../../src/shared/result'

type Sandbox = Awaited<ReturnType<typeof startSandbox>>

// The seed guide's day, with the server clock the day before so it is still bookable.
const NOW = '2019-02-14T09:00:00+11:00'
const at = (time: string, day = '2019-02-15'): number => Date.parse(`${day}T${time}:00+11:00`)
const DAY = { from: at('00:00'), to: at('00:00', '2019-02-16') }
const SYDNEY = 'Australia/Sydney'
const PASSWORD = 'changeit'

function clientFor(sandbox: Sandbox, config: Partial<ClientConfig> = {}): OpenVpmsClient {
  return new OpenVpmsClient({
    baseUrl: sandbox.baseUrl,
    username: 'sample',
    password: PASSWORD,
    log: () => {},
    ...config,
  })
}

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise
  } catch (thrown) {
    if (thrown instanceof AppFailure) {
      return thrown.error
    }
    throw thrown
  }
  throw new Error('expected the call to fail')
}

function booking(
  start: string,
  end: string,
  changes: Partial<WireBookingRequest> = {},
): WireBookingRequest {
  return {
    location: 98,
    schedule: 136,
    appointmentType: 66,
    start: at(start),
    end: at(end),
    title: 'Ms',
    firstName: 'Judith',
    lastName: 'Bourke',
    email: null,
    phone: null,
    mobile: '0418976543',
    patientName: 'Muffett',
    notes: null,
    user: null,
    ...changes,
  }
}

describe('reading the seed clinic (the seed guide examples)', () => {
  let sandbox: Sandbox
  let client: OpenVpmsClient
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, now: NOW })
    client = clientFor(sandbox)
  })
  afterAll(() => sandbox.close())

  it('lists the locations', async () => {
    const locations = await client.listLocations()

    expect(locations).toEqual([
      { id: 106, name: 'Branch Clinic', timeZone: SYDNEY },
      { id: 98, name: 'Main Clinic', timeZone: SYDNEY },
    ])
  })

  it('gets a location, or NOT_FOUND with the server text', async () => {
    const location = await client.getLocation(98)
    const error = await failureOf(client.getLocation(5))

    expect(location).toEqual({ id: 98, name: 'Main Clinic', timeZone: SYDNEY })
    expect(error).toMatchObject({ code: 'NOT_FOUND', serverMessage: 'Practice location not found' })
  })

  it("lists a location's schedules, or NOT_FOUND for an unknown location", async () => {
    const schedules = await client.listSchedules(98)
    const error = await failureOf(client.listSchedules(5))

    expect(schedules).toEqual([
      { id: 136, name: 'Main Appointment Schedule', slotSize: 15 },
      { id: 211, name: 'Main Surgery Schedule', slotSize: 30 },
    ])
    expect(error.code).toBe('NOT_FOUND')
  })

  it('gets a schedule, or NOT_FOUND', async () => {
    const schedule = await client.getSchedule(211)
    const error = await failureOf(client.getSchedule(999_999))

    expect(schedule).toEqual({ id: 211, name: 'Main Surgery Schedule', slotSize: 30 })
    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'That schedule no longer exists in OpenVPMS.',
    })
  })

  it("lists a schedule's appointment types with their slots, or NOT_FOUND", async () => {
    const types = await client.listAppointmentTypes(136)
    const error = await failureOf(client.listAppointmentTypes(999_999))

    expect(types).toEqual([
      { id: 79, name: 'Short Consult', slots: 1 },
      { id: 66, name: 'Standard Consult', slots: 1 },
      { id: 63, name: 'Long Consult', slots: 2 },
      { id: 76, name: 'New Patient', slots: 2 },
    ])
    expect(error.code).toBe('NOT_FOUND')
  })

  it('lists the users at a location, or NOT_FOUND', async () => {
    const users = await client.listLocationUsers(98)
    const error = await failureOf(client.listLocationUsers(5))

    expect(users).toEqual([
      { id: 1158, name: 'Andrew Turner' },
      { id: 1159, name: 'Chris Barton' },
    ])
    expect(error.code).toBe('NOT_FOUND')
  })

  it('gets a user, or NOT_FOUND', async () => {
    const user = await client.getUser(1158)
    const error = await failureOf(client.getUser(999_999))

    expect(user).toEqual({ id: 1158, name: 'Andrew Turner' })
    expect(error).toMatchObject({ code: 'NOT_FOUND', serverMessage: 'User not found' })
  })

  it("lists a user's locations and gets one, or NOT_FOUND where they do not work", async () => {
    const locations = await client.listUserLocations(1158)
    const location = await client.getUserLocation(1158, 98)
    const elsewhere = await failureOf(client.getUserLocation(1160, 98))
    const nobody = await failureOf(client.listUserLocations(999_999))

    expect(locations).toEqual([
      { id: 106, name: 'Branch Clinic', timeZone: SYDNEY },
      { id: 98, name: 'Main Clinic', timeZone: SYDNEY },
    ])
    expect(location).toEqual({ id: 98, name: 'Main Clinic', timeZone: SYDNEY })
    expect(elsewhere).toMatchObject({ code: 'NOT_FOUND', serverMessage: 'Location not found' })
    expect(nobody.code).toBe('NOT_FOUND')
  })

  it('reads schedule free, busy and freebusy as epoch-ms ranges', async () => {
    const free = await client.scheduleFree(136, DAY.from, DAY.to)
    const busy = await client.scheduleBusy(136, DAY.from, DAY.to)
    const both = await client.scheduleFreeBusy(136, DAY.from, DAY.to)

    expect(free).toEqual([
      { start: at('09:00'), end: at('10:45') },
      { start: at('11:30'), end: at('17:30') },
    ])
    expect(busy).toEqual([{ start: at('10:45'), end: at('11:30') }])
    expect(both).toEqual({ free, busy })
  })

  it('reads slots=true as consecutive slot-sized ranges', async () => {
    const slots = await client.scheduleFree(136, DAY.from, DAY.to, { slots: true })

    expect(slots).toHaveLength(31)
    expect(slots[0]).toEqual({ start: at('09:00'), end: at('09:15') })
    expect(slots[7]).toEqual({ start: at('11:30'), end: at('11:45') })
    expect(slots.every((slot) => slot.end - slot.start === 15 * 60_000)).toBe(true)
  })

  it('reads free and busy of an unknown schedule as NOT_FOUND', async () => {
    const error = await failureOf(client.scheduleFreeBusy(999_999, DAY.from, DAY.to))

    expect(error.code).toBe('NOT_FOUND')
  })

  it("reads a clinician's free time per schedule", async () => {
    const free = await client.userFree(1158, 98, DAY.from, DAY.to)
    const both = await client.userFreeBusy(1158, 98, DAY.from, DAY.to)
    const busy = await client.userBusy(1158, 98, DAY.from, DAY.to)

    expect(free).toEqual([
      { start: at('11:00'), end: at('17:00'), scheduleId: 136 },
      { start: at('09:00'), end: at('17:00'), scheduleId: 211 },
    ])
    expect(both).toEqual({ user: 1158, free, busy })
  })

  it.each([
    ['scheduleFree', () => client.scheduleFree(999_999, DAY.from, DAY.to)],
    ['scheduleBusy', () => client.scheduleBusy(999_999, DAY.from, DAY.to, { slots: true })],
    ['userFree', () => client.userFree(999_999, 98, DAY.from, DAY.to)],
    ['userBusy', () => client.userBusy(1158, 5, DAY.from, DAY.to)],
  ])('reads %s of something unknown as NOT_FOUND', async (_name, call) => {
    const error = await failureOf(call())

    expect(error.code).toBe('NOT_FOUND')
  })

  it('reads an address that is not the Booking API V2 on this server as NOT_OPENVPMS', async () => {
    const origin = new URL(sandbox.baseUrl).origin
    const wrongContext = clientFor(sandbox, { baseUrl: `${origin}/vets/ws/booking/v2` })

    const error = await failureOf(wrongContext.listLocations())

    expect(error.code).toBe('NOT_OPENVPMS')
    expect(error.message).not.toContain('<')
  })

  it("reads a clinician's free time where they do not work as NOT_FOUND", async () => {
    const error = await failureOf(client.userFreeBusy(1160, 98, DAY.from, DAY.to))

    expect(error.message).toBe(
      'That clinician is not available for online booking at this location.',
    )
  })
})

describe('booking and cancelling', () => {
  let sandbox: Sandbox
  let client: OpenVpmsClient
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, now: NOW })
    client = clientFor(sandbox)
  })
  afterAll(() => sandbox.close())

  it('books the seed guide booking and returns the reference as sent', async () => {
    const reference = await client.createBooking(booking('12:30', '12:45', { user: 1158 }))
    const busy = await client.scheduleBusy(136, DAY.from, DAY.to)

    expect(reference).toMatch(/^\d+:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    expect(busy).toContainEqual({ start: at('12:30'), end: at('12:45') })
  })

  it('looks a booking up by reference', async () => {
    const reference = await client.createBooking(booking('13:00', '13:30', { appointmentType: 63 }))

    const found = await client.getBooking(reference)

    expect(found).toMatchObject({
      location: 98,
      schedule: 136,
      appointmentType: 63,
      start: at('13:00'),
      end: at('13:30'),
      notes: null,
      user: null,
    })
  })

  it('cancels a booking, frees its time, and then no longer finds it', async () => {
    const reference = await client.createBooking(booking('14:00', '14:15'))

    await client.cancelBooking(reference)
    const free = await client.scheduleFree(136, DAY.from, DAY.to)
    const again = await failureOf(client.cancelBooking(reference))
    const lookup = await failureOf(client.getBooking(reference))

    expect(free.some((range) => range.start <= at('14:00') && range.end >= at('14:15'))).toBe(true)
    expect(again.code).toBe('NOT_FOUND')
    expect(lookup).toMatchObject({
      code: 'NOT_FOUND',
      message: 'No booking with that reference: it may have been cancelled or never existed.',
      serverMessage: 'Booking not found',
    })
  })

  it('reports a taken time as CONFLICT', async () => {
    const error = await failureOf(client.createBooking(booking('11:00', '11:15')))

    expect(error.code).toBe('CONFLICT')
    expect(error.serverMessage).toMatch(/^An appointment is already scheduled for /)
  })

  it('reports a checked-in booking as NOT_PENDING when cancelled', async () => {
    const reference = await client.createBooking(booking('15:00', '15:15'))
    sandbox.setAppointmentStatus(Number(reference.split(':')[0]), 'CHECKED_IN')

    const error = await failureOf(client.cancelBooking(reference))

    expect(error).toMatchObject({
      code: 'NOT_PENDING',
      serverMessage: 'The booking must be pending to cancel',
    })
  })

  it.each([
    [
      'a time in the past',
      booking('09:00', '09:15', {
        start: at('09:00', '2019-02-13'),
        end: at('09:15', '2019-02-13'),
      }),
      'start',
      'Cannot make a booking in the past',
    ],
    [
      'an end before the start',
      booking('16:15', '16:00'),
      'end',
      'Booking start must be less than end',
    ],
    [
      'a start off the slot grid',
      booking('16:05', '16:15'),
      'start',
      'Booking start is not on a slot boundary',
    ],
    [
      'a blank first name',
      booking('16:00', '16:15', { firstName: ' ' }),
      'firstName',
      "'firstName' is a required field",
    ],
    [
      'a schedule at another location',
      booking('16:00', '16:15', { location: 106 }),
      'scheduleId',
      'Schedule is not available at location 106',
    ],
    [
      'an unknown clinician',
      booking('16:00', '16:15', { user: 999_999 }),
      'clinicianId',
      'User not found: 999999',
    ],
  ])(
    'refuses %s as VALIDATION on the right field',
    async (_name, request, field, serverMessage) => {
      const error = await failureOf(client.createBooking(request))

      expect(error).toMatchObject({ code: 'VALIDATION', serverMessage })
      expect(error.fieldErrors?.map((fieldError) => fieldError.field)).toEqual([field])
    },
  )

  it.each([
    ['not-a-reference'],
    ['12345'],
    // The seed guide's 3-part form: spec §7.3 splits on ':' and wants exactly 2 parts.
    ['603:3:be08f3c6-1afb-11e6-be41-3dbaef689d97'],
  ])('refuses the reference %j as VALIDATION on lookup and cancel', async (reference) => {
    const lookup = await failureOf(client.getBooking(reference))
    const cancel = await failureOf(client.cancelBooking(reference))

    expect([lookup.serverMessage, cancel.serverMessage]).toEqual([
      'Invalid booking reference',
      'Invalid booking reference',
    ])
    expect([lookup.code, cancel.code]).toEqual(['VALIDATION', 'VALIDATION'])
  })

  it('answers NOT_FOUND for a well-formed reference that does not exist', async () => {
    const error = await failureOf(client.getBooking('391:a98f02c9-1a4b-11e6-be41-3dbaef689d97'))

    expect(error.code).toBe('NOT_FOUND')
  })

  it('percent-encodes a typed reference so it reaches the service intact', async () => {
    const lookup = await failureOf(client.getBooking('391: a98f/02c9?#%'))
    const cancel = await failureOf(client.cancelBooking('391: a98f/02c9?#%'))

    expect([lookup.serverMessage, cancel.serverMessage]).toEqual([
      'Booking not found',
      'Booking not found',
    ])
  })

  it('refuses an id the API cannot express as UNEXPECTED without asking the server', async () => {
    const before = sandbox.requestCount

    const errors = await Promise.all([
      failureOf(client.getSchedule(Number.NaN)),
      failureOf(client.listAppointmentTypes(-1)),
      failureOf(client.createBooking(booking('16:00', '16:15', { schedule: 1.5 }))),
    ])

    expect(errors.map((error) => error.code)).toEqual(['UNEXPECTED', 'UNEXPECTED', 'UNEXPECTED'])
    expect(sandbox.requestCount).toBe(before)
  })

  it.each(['.', '..'])(
    'refuses %s as a reference without asking the server (a URL would climb to another resource)',
    async (reference) => {
      const before = sandbox.requestCount

      const lookup = await failureOf(client.getBooking(reference))
      const cancel = await failureOf(client.cancelBooking(reference))

      for (const error of [lookup, cancel]) {
        expect(error.code).toBe('VALIDATION')
        expect(error.message).toMatch(/^That is not a booking reference/)
        expect(error.fieldErrors?.map((fieldError) => fieldError.field)).toEqual(['reference'])
      }
      expect(sandbox.requestCount).toBe(before)
    },
  )

  it('refuses an empty reference without asking the server', async () => {
    const before = sandbox.requestCount

    const error = await failureOf(client.getBooking(''))

    expect(error.code).toBe('VALIDATION')
    expect(sandbox.requestCount).toBe(before)
  })
})

describe('accounts', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, now: NOW })
  })
  afterAll(() => sandbox.close())

  it('reports a wrong password as AUTH without repeating it', async () => {
    const client = clientFor(sandbox, { password: 'wrong-password-123' })

    const error = await failureOf(client.listLocations())

    expect(error.code).toBe('AUTH')
    expect(JSON.stringify(error)).not.toContain('wrong-password-123')
  })

  it('reports a booking by an account without the Online Booking role as FORBIDDEN', async () => {
    const viewer = clientFor(sandbox, { username: 'viewer' })
    const reference = await clientFor(sandbox).createBooking(booking('16:00', '16:15'))

    const create = await failureOf(viewer.createBooking(booking('16:15', '16:30')))
    const cancel = await failureOf(viewer.cancelBooking(reference))

    expect(create.code).toBe('FORBIDDEN')
    expect(create.message).toContain('Online Booking role')
    expect(cancel.code).toBe('FORBIDDEN')
  })
})

describe('faults', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, now: NOW })
  })
  afterEach(() => sandbox.clearFaults())
  afterAll(() => sandbox.close())

  it('recovers a GET whose connection was reset once', async () => {
    sandbox.injectFault({ kind: 'reset', method: 'GET', times: 1 })
    const before = sandbox.requestCount

    const locations = await clientFor(sandbox).listLocations()

    expect(locations).toHaveLength(2)
    expect(sandbox.requestCount - before).toBe(2)
  })

  it('reports a POST whose connection was reset as OUTCOME_UNKNOWN and never sends it twice', async () => {
    sandbox.injectFault({ kind: 'reset', method: 'POST', times: 1 })
    const before = sandbox.requestCount

    const error = await failureOf(clientFor(sandbox).createBooking(booking('16:30', '16:45')))

    expect(error.code).toBe('OUTCOME_UNKNOWN')
    expect(sandbox.requestCount - before).toBe(1)
  })

  it('never repeats a DELETE', async () => {
    sandbox.injectFault({ kind: 'html500', method: 'DELETE', times: 1 })
    const before = sandbox.requestCount

    const error = await failureOf(
      clientFor(sandbox).cancelBooking('391:a98f02c9-1a4b-11e6-be41-3dbaef689d97'),
    )

    expect(error.code).toBe('SERVER')
    expect(sandbox.requestCount - before).toBe(1)
  })

  it('times out a GET that hangs', async () => {
    sandbox.injectFault({ kind: 'hang', method: 'GET' })

    const error = await failureOf(clientFor(sandbox, { timeoutMs: 300 }).listLocations())

    expect(error.code).toBe('TIMEOUT')
  })

  it('reports a POST that hangs as OUTCOME_UNKNOWN', async () => {
    sandbox.injectFault({ kind: 'hang', method: 'POST' })

    const error = await failureOf(
      clientFor(sandbox, { timeoutMs: 300 }).createBooking(booking('16:30', '16:45')),
    )

    expect(error.code).toBe('OUTCOME_UNKNOWN')
  })

  it('times out an answer slower than the limit', async () => {
    sandbox.injectFault({ kind: 'latency', method: 'GET', ms: 1_000 })

    const error = await failureOf(clientFor(sandbox, { timeoutMs: 300 }).listLocations())

    expect(error.code).toBe('TIMEOUT')
  })

  it('retries a GET answered by an error page and gives up with SERVER', async () => {
    sandbox.injectFault({ kind: 'html500', method: 'GET', times: 5 })
    const before = sandbox.requestCount

    const error = await failureOf(clientFor(sandbox, { retries: 2 }).listLocations())

    expect(error.code).toBe('SERVER')
    expect(error.message).not.toContain('<')
    expect(sandbox.requestCount - before).toBe(3)
  })

  it('by default asks a failing GET at most three times in all, and recovers on the last', async () => {
    sandbox.injectFault({ kind: 'reset', method: 'GET', times: 2 })
    const recovering = sandbox.requestCount
    const locations = await clientFor(sandbox).listLocations()
    const afterRecovery = sandbox.requestCount
    sandbox.injectFault({ kind: 'reset', method: 'GET', times: 5 })

    const error = await failureOf(clientFor(sandbox).listLocations())

    expect(locations).toHaveLength(2)
    expect(afterRecovery - recovering).toBe(3)
    expect(error.code).toBe('NETWORK')
    expect(sandbox.requestCount - afterRecovery).toBe(3)
  })

  it('asks a GET again when its body was cut short on the way, and recovers', async () => {
    sandbox.injectFault({ kind: 'cutShort', method: 'GET' })
    const before = sandbox.requestCount

    const locations = await clientFor(sandbox).listLocations()

    expect(locations).toHaveLength(2)
    expect(sandbox.requestCount - before).toBe(2)
  })

  it('never downloads again a body that arrived whole but is not JSON: BAD_RESPONSE, asked once (finding 3)', async () => {
    sandbox.injectFault({ kind: 'malformedJson', method: 'GET', times: 5 })
    const before = sandbox.requestCount

    const error = await failureOf(clientFor(sandbox).listLocations())

    expect(error.code).toBe('BAD_RESPONSE')
    expect(sandbox.requestCount - before).toBe(1)
  })

  it('reports a revoked session as AUTH', async () => {
    sandbox.injectFault({ kind: 'unauthorized' })

    const error = await failureOf(clientFor(sandbox).listLocations())

    expect(error.code).toBe('AUTH')
  })
})

describe('the GET defect', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, now: NOW, emulateGetDefect: true })
  })
  afterAll(() => sandbox.close())

  it('reports a live booking the server cannot show as GET_DEFECT, asked once', async () => {
    const client = clientFor(sandbox, { retries: 2 })
    const reference = await client.createBooking(booking('09:00', '09:15'))
    const before = sandbox.requestCount

    const error = await failureOf(client.getBooking(reference))

    expect(error.code).toBe('GET_DEFECT')
    expect(error.message).toContain('known OpenVPMS defect')
    expect(sandbox.requestCount - before).toBe(1)
  })

  it('still tells unknown references from cancelled ones (the checks come first)', async () => {
    const client = clientFor(sandbox)
    const reference = await client.createBooking(booking('09:15', '09:30'))
    await client.cancelBooking(reference)

    const error = await failureOf(client.getBooking(reference))

    expect(error.code).toBe('NOT_FOUND')
  })
})

describe('the password', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, now: NOW })
  })
  afterAll(() => sandbox.close())

  it('never reaches the log or a failure, whether the call succeeds, is refused or fails on the wire', async () => {
    const wrong = 'Tr0ub4dor&3-wrong'
    const seen = { lines: [] as string[], failures: [] as AppError[] }
    const log = (level: string, message: string) => seen.lines.push(`${level} ${message}`)
    const good = clientFor(sandbox, { log, retries: 1 })
    sandbox.injectFault({ kind: 'html500', method: 'GET', path: '/locations', times: 1 })
    sandbox.injectFault({ kind: 'reset', method: 'POST', times: 1 })

    await good.listLocations()
    seen.failures.push(await failureOf(good.createBooking(booking('17:00', '17:15'))))
    seen.failures.push(
      await failureOf(clientFor(sandbox, { log, password: wrong }).listLocations()),
    )

    expect(seen.failures.map((failure) => failure.code)).toEqual(['OUTCOME_UNKNOWN', 'AUTH'])
    expect(seen.lines.join('\n')).toContain('/locations')
    const header = Buffer.from(`sample:${PASSWORD}`).toString('base64')
    for (const secret of [PASSWORD, wrong, header]) {
      expect(seen.lines.join('\n')).not.toContain(secret)
      expect(JSON.stringify(seen.failures)).not.toContain(secret)
    }
  })
})
