import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { WireBookingRequest } from '../../../src/main/openvpms/client'
import { at, otherDeskBooking, startServices, type Services } from '../clinic/harness'

/** A booking made online or at another desk (none in this desk's journal), at the seed's Main Clinic. */
const elsewhere = (overrides: Partial<WireBookingRequest> = {}): WireBookingRequest =>
  otherDeskBooking({
    firstName: 'Judith',
    lastName: 'Bourke',
    mobile: '0418976543',
    patientName: 'Muffett',
    user: 1158,
    ...overrides,
  })

let s: Services
beforeEach(async () => {
  s = await startServices()
})
afterEach(() => s.close())

describe('BookingService.get names the booking', () => {
  it('by its location, schedule, type and clinician, as the server lists them', async () => {
    const reference = await s.newClient().createBooking(elsewhere())

    const found = await s.booking.get(reference)

    expect(found.names).toEqual({
      location: 'Main Clinic',
      timeZone: 'Australia/Sydney',
      schedule: 'Main Appointment Schedule',
      appointmentType: 'Standard Consult',
      clinician: 'Andrew Turner',
    })
  })

  it('loads each location’s names once, however many of its bookings are looked up', async () => {
    const first = await s.newClient().createBooking(elsewhere())
    const second = await s
      .newClient()
      .createBooking(elsewhere({ start: at('14:00'), end: at('14:15') }))
    await s.booking.get(first)
    const before = s.sandbox.requestCount

    const found = await s.booking.get(second)

    expect(found.names?.schedule).toBe('Main Appointment Schedule')
    expect(s.sandbox.requestCount - before).toBe(1)
  })

  it('without names when the server cannot list the location’s schedules: the lookup itself still answers', async () => {
    const reference = await s.newClient().createBooking(elsewhere())
    s.sandbox.injectFault({
      kind: 'status',
      status: 503,
      method: 'GET',
      path: /\/schedules$/,
      times: 5,
    })

    const found = await s.booking.get(reference)

    expect(found).toMatchObject({
      reference,
      scheduleId: 136,
      appointmentTypeId: 66,
      patientName: 'Muffett',
    })
    expect(found.names).toBeUndefined()
  })

  it('logs why it could not name a booking, and for which location', async () => {
    await s.close()
    s = await startServices({ client: { retries: 0 }, log: true })
    const reference = await s.newClient().createBooking(elsewhere())
    s.sandbox.injectFault({ kind: 'status', status: 503, method: 'GET', path: /\/schedules$/ })

    await s.booking.get(reference)

    expect(s.logged).toContainEqual({
      level: 'warn',
      message: 'booking: could not name a looked-up booking',
      meta: { locationId: 98, error: expect.stringContaining('503') },
    })
  })
})
