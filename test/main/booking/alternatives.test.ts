// After a clash the desk offers the nearest free starts to the time asked for, on any schedule at that location that
// takes the appointment type (each as long as the type is there), keeping the clinician when one was asked.
import { afterEach, describe, expect, it } from 'vitest'
import type { BookingDraft } from '../../../src/shared/domain'
import type { AppFailure } from '../../../src/shared/result'
import { formatTime } from '../../../src/shared/time'
import { at, failureOf, startServices, SYDNEY, type Services } from '../clinic/harness'
import { guideDraft } from '../../helpers/booking-draft'

const offered = (failure: AppFailure): string[] =>
  (failure.error.alternatives ?? []).map(
    (a) => `${formatTime(a.start, SYDNEY)}-${formatTime(a.end, SYDNEY)} ${a.names.schedule}`,
  )

/** Another desk's booking that fills a stretch of one schedule (the server does not check lengths, spec §11.10). */
async function fill(
  s: Services,
  where: { location: number; schedule: number; type: number },
  from: string,
  to: string,
) {
  const { location, schedule, type } = where
  await s.newClient().createBooking({
    location,
    schedule,
    appointmentType: type,
    start: at(from),
    end: at(to),
    title: '',
    firstName: 'Olivia',
    lastName: 'Hart',
    email: '',
    phone: '',
    mobile: '0400000000',
    patientName: 'Rex',
    notes: '',
    user: null,
  })
}

let s: Services
afterEach(() => s.close())

describe('alternatives after a clash at the seed’s Branch Clinic', () => {
  const consult = (overrides: Partial<BookingDraft> = {}): BookingDraft =>
    guideDraft({
      locationId: 106,
      scheduleId: 301,
      appointmentTypeId: 66,
      start: at('15:00'),
      end: at('15:30'),
      ...overrides,
    })

  it('are the nearest free starts on every schedule there that takes the type, nearest first', async () => {
    s = await startServices()
    await fill(s, { location: 106, schedule: 301, type: 66 }, '14:00', '16:00')

    const failure = await failureOf(s.booking.create(consult()))

    expect(failure.error.code).toBe('CONFLICT')
    expect(offered(failure)).toEqual([
      '15:00-15:30 Consult Room 2',
      '15:00-15:30 Consult Room 3',
      '14:45-15:15 Consult Room 2',
      '14:45-15:15 Consult Room 3',
    ])
    expect(failure.error.message).toContain(
      'Nearest free: 15:00 on Consult Room 2, 15:00 on Consult Room 3, 14:45 on Consult Room 2, 14:45 on Consult Room 3.',
    )
    expect(failure.error.alternatives?.[0]).toMatchObject({
      locationId: 106,
      scheduleId: 302,
      appointmentTypeId: 66,
      clinicianId: null,
      names: { location: 'Branch Clinic', schedule: 'Consult Room 2', type: 'Standard Consult' },
    })
  })

  it('last as long as the type does on their own schedule', async () => {
    s = await startServices()
    await fill(s, { location: 106, schedule: 301, type: 76 }, '14:00', '16:00')

    const failure = await failureOf(s.booking.create(consult({ appointmentTypeId: 76 })))

    // New Patient is 2 slots on Consult Room 1, 3 on Consult Room 3; Room 2 does not take it.
    expect(offered(failure)).toEqual([
      '15:00-15:45 Consult Room 3',
      '14:45-15:30 Consult Room 3',
      '15:15-16:00 Consult Room 3',
      '14:30-15:15 Consult Room 3',
    ])
  })

  it('prefer the schedule asked for when as near as another', async () => {
    s = await startServices()
    await fill(s, { location: 106, schedule: 301, type: 66 }, '15:00', '15:30')
    await fill(s, { location: 106, schedule: 302, type: 66 }, '14:00', '16:00')
    await fill(s, { location: 106, schedule: 303, type: 66 }, '14:00', '16:00')

    const failure = await failureOf(s.booking.create(consult()))

    expect(offered(failure)).toEqual([
      '14:30-15:00 Consult Room 1',
      '15:30-16:00 Consult Room 1',
      '14:15-14:45 Consult Room 1',
      '15:45-16:15 Consult Room 1',
    ])
  })

  it('name every schedule in the message when some are on another one', async () => {
    s = await startServices()
    await fill(s, { location: 106, schedule: 301, type: 66 }, '15:00', '15:30')
    await fill(s, { location: 106, schedule: 302, type: 66 }, '14:00', '15:00')
    await fill(s, { location: 106, schedule: 302, type: 66 }, '15:30', '16:00')
    await fill(s, { location: 106, schedule: 303, type: 66 }, '14:00', '16:00')

    const failure = await failureOf(s.booking.create(consult()))

    expect(offered(failure)[0]).toBe('15:00-15:30 Consult Room 2')
    expect(failure.error.message).toContain(
      'Nearest free: 15:00 on Consult Room 2, 14:30 on Consult Room 1, 15:30 on Consult Room 1,',
    )
  })
})

/** A clinic whose three consult rooms take Vaccination; Dr Vet is rostered on rooms 1 and 2 only. */
const clinic = {
  timeZone: 'Australia/Sydney',
  users: [
    { id: 1, name: 'Sample', login: 'sample', password: 'changeit', bookingRole: true },
    {
      id: 7,
      name: 'Dr Vet',
      login: 'vet',
      password: 'vet-pass',
      onlineBooking: true,
      clinician: true,
    },
  ],
  locations: [{ id: 50, name: 'Harbour Vets', onlineBooking: true }],
  appointmentTypes: [{ id: 1, name: 'Vaccination', onlineBooking: true }],
  schedules: [1, 2, 3].map((n) => ({
    id: 500 + n,
    name: `Room ${n}`,
    location: 50,
    active: true,
    onlineBooking: true,
    slotSize: 15,
    slotUnits: 'MINUTES',
    startTime: '09:00',
    endTime: '17:00',
    appointmentTypes: [{ type: 1, slots: 1 }],
  })),
  rosterAreas: [{ id: 1, location: 50, active: true, schedules: [501, 502] }],
  rosterEvents: [
    { user: 7, area: 1, location: 50, start: '2019-02-15T09:00', end: '2019-02-15T17:00' },
  ],
}

describe('alternatives after a clash with a clinician asked for', () => {
  const vaccination = (overrides: Partial<BookingDraft> = {}): BookingDraft =>
    guideDraft({
      locationId: 50,
      scheduleId: 501,
      appointmentTypeId: 1,
      clinicianId: 7,
      start: at('15:00'),
      end: at('15:15'),
      ...overrides,
    })

  it('keep the clinician and only offer where they are rostered and free', async () => {
    s = await startServices({ sandbox: { dataset: clinic } })
    await fill(s, { location: 50, schedule: 501, type: 1 }, '14:00', '16:00')

    const failure = await failureOf(s.booking.create(vaccination()))

    // Room 3 takes Vaccination and is free, but Dr Vet is not rostered there.
    expect(offered(failure)).toEqual([
      '15:00-15:15 Room 2',
      '14:45-15:00 Room 2',
      '15:15-15:30 Room 2',
      '14:30-14:45 Room 2',
    ])
    for (const alternative of failure.error.alternatives ?? []) {
      expect(alternative).toMatchObject({ clinicianId: 7, names: { clinician: 'Dr Vet' } })
    }
  })

  it('without a clinician, offer every schedule that takes the type', async () => {
    s = await startServices({ sandbox: { dataset: clinic } })
    await fill(s, { location: 50, schedule: 501, type: 1 }, '14:00', '16:00')

    const failure = await failureOf(s.booking.create(vaccination({ clinicianId: null })))

    expect(offered(failure)).toEqual([
      '15:00-15:15 Room 2',
      '15:00-15:15 Room 3',
      '14:45-15:00 Room 2',
      '14:45-15:00 Room 3',
    ])
  })
})
