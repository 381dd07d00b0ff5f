import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { WaitlistMatch, WaitlistRequest } from '../../../src/shared/waitlist'
import { formatTime } from '../../../src/shared/time'
import { client } from '../sandbox/support'
import { startServices, SYDNEY, type Services } from '../clinic/harness'

let s: Services
beforeEach(async () => {
  s = await startServices()
})
afterEach(() => s.close())

const DAY = '2019-02-15'
const STANDARD = 66 // one 15-minute slot on schedule 136
const LONG = 63 // two slots: 30 minutes
const TURNER = 1158 // rostered on 136 from 11:00 that day

const wish = (changes: Partial<WaitlistRequest> = {}): WaitlistRequest => ({
  customer: {
    title: 'Ms',
    firstName: 'Judith',
    lastName: 'Bourke',
    mobile: '0418976543',
    phone: '',
    email: '',
    patientName: 'Muffett',
  },
  appointmentTypeId: STANDARD,
  clinicianId: null,
  locationId: 98,
  fromDate: DAY,
  toDate: DAY,
  parts: ['morning'],
  weekdays: [],
  note: 'can come at short notice',
  ...changes,
})

/** Books a stretch of schedule 136 through the sandbox's API, as another desk would; returns the reference. */
async function occupy(from: string, to: string): Promise<string> {
  const response = await client(s.sandbox).post({
    location: 98,
    schedule: 136,
    appointmentType: STANDARD,
    start: `${DAY}T${from}:00.000+11:00`,
    end: `${DAY}T${to}:00.000+11:00`,
    firstName: 'Other',
    lastName: 'Caller',
  })
  expect(response.status).toBe(201)
  return response.text()
}

const matches = (): WaitlistMatch[] =>
  s.events.filter((e) => e.event === 'waitlist:matched').map((e) => e.payload as WaitlistMatch)

/** The board's periodic refresh of the guide day, and whatever the waitlist made of it. */
async function refreshDay(): Promise<void> {
  await s.calendar.loadDay({ locationId: 98, date: DAY, scheduleIds: [], refresh: true })
  await s.watcher.whenIdle()
}

/** A fully booked guide day, with the references of its 09:00–09:15 and 11:30–17:30 bookings for cancelling. */
async function fullDay(): Promise<{ first: string; rest: string }> {
  const first = await occupy('09:00', '09:15')
  await occupy('09:15', '10:45')
  const rest = await occupy('11:30', '17:30')
  return { first, rest }
}

describe('the waitlist watcher', () => {
  it('tells a matching entry of a cancellation at the next refresh of the day, once, naming who, what and when', async () => {
    const { first: cancelled } = await fullDay()
    const entry = await s.waitlist.add(wish())
    await s.watcher.whenIdle()
    await refreshDay()
    expect(matches()).toEqual([])

    expect((await client(s.sandbox).delete(cancelled)).status).toBe(204)
    await refreshDay()

    expect(matches()).toHaveLength(1)
    const match = matches()[0]!
    expect(match.entryId).toBe(entry.id)
    expect(formatTime(match.opening.start, SYDNEY)).toBe('09:00')
    expect(formatTime(match.opening.end, SYDNEY)).toBe('09:15')
    expect(match.opening).toMatchObject({
      locationId: 98,
      scheduleId: 136,
      appointmentTypeId: STANDARD,
    })
    expect(s.notices).toEqual([
      {
        title: 'Waitlist: a time for Judith Bourke (Muffett)',
        body: 'Standard Consult, Fri 15 Feb 2019 09:00 at Main Clinic, Main Appointment Schedule.',
      },
    ])

    await refreshDay()
    await s.watcher.scan()
    expect(matches()).toHaveLength(1)
  })

  it('does not tell entries the opening does not fit: too short for the type, the wrong clinician, another part of the day', async () => {
    const { first: cancelled } = await fullDay()
    await s.waitlist.add(wish({ appointmentTypeId: LONG }))
    await s.waitlist.add(wish({ clinicianId: TURNER }))
    await s.waitlist.add(wish({ parts: ['afternoon', 'evening'] }))
    await s.waitlist.add(wish({ weekdays: [1, 2, 3, 4, 6, 7] }))
    await s.watcher.whenIdle()
    await refreshDay()

    expect((await client(s.sandbox).delete(cancelled)).status).toBe(204)
    await refreshDay()
    await s.watcher.scan()

    expect(matches()).toEqual([])
    expect(s.notices).toEqual([])
  })

  it('finds a cancellation in the ranged scan of a week, with the named clinician when they are rostered', async () => {
    const { rest } = await fullDay()
    await s.waitlist.add(
      wish({
        clinicianId: TURNER,
        parts: ['afternoon'],
        fromDate: '2019-02-14',
        toDate: '2019-02-20',
      }),
    )
    await s.watcher.whenIdle()
    const before = matches().length

    expect((await client(s.sandbox).delete(rest)).status).toBe(204)
    // Another desk's cancellation: the scan sees it once its kept answers are older than a board refresh.
    s.setNow('2019-02-14T09:01:00+11:00')
    await s.watcher.scan()

    expect(matches()).toHaveLength(before + 1)
    const opening = matches().at(-1)!.opening
    expect(formatTime(opening.start, SYDNEY)).toBe('12:00')
    expect(opening.names).toMatchObject({ clinician: 'Andrew Turner', type: 'Standard Consult' })
    expect(opening.clinicianId).toBe(TURNER)
  })

  it('scans the whole window with one ranged request per schedule and clinician concerned, whatever the days', async () => {
    await s.clinic.listLocations()
    await s.clinic.loadLocation(98)
    await s.waitlist.add(wish({ fromDate: '2019-02-14', toDate: '2019-03-15' }))
    await s.waitlist.add(
      wish({ appointmentTypeId: LONG, toDate: '2019-02-28', parts: ['evening'] }),
    )
    await s.watcher.whenIdle()

    const soon = s.sandbox.requestCount
    await s.watcher.scan()
    // Within a board refresh of the last scan, its answers serve: nothing is asked again.
    expect(s.sandbox.requestCount - soon).toBe(0)

    s.setNow('2019-02-14T09:01:00+11:00')
    const typesOnly = s.sandbox.requestCount
    await s.watcher.scan()
    // Only schedule 136 takes the types: one request for a month.
    expect(s.sandbox.requestCount - typesOnly).toBe(1)

    await s.waitlist.add(wish({ clinicianId: TURNER, toDate: '2019-03-01' }))
    s.setNow('2019-02-14T09:02:00+11:00')
    const withClinician = s.sandbox.requestCount
    await s.watcher.scan()
    // With a clinician named: every schedule of the location (136, 211) and one for them.
    expect(s.sandbox.requestCount - withClinician).toBe(3)
  })
})
