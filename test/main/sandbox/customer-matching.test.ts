import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox'
import { readState } from '../../../src/main/sandbox/state'
import { client } from './support'

// Customer matching, patients, users and booking notes (spec §7.2), seen through GET and the state file.
const person = (
  id: number,
  firstName: string,
  lastName: string,
  extra: Record<string, unknown> = {},
) => ({
  id,
  firstName,
  lastName,
  title: 'MR',
  ...extra,
})
const dataset = {
  timeZone: 'Australia/Sydney',
  now: '2026-03-01T09:00:00+11:00',
  users: [
    { id: 1, name: 'Api', login: 'api', password: 'secret', bookingRole: true },
    { id: 5, name: 'Dr Vet', login: 'vet', password: 'x', clinician: true },
    { id: 6, name: 'Front Desk', login: 'desk', password: 'x', active: false },
  ],
  locations: [{ id: 1, name: 'Clinic', onlineBooking: true }],
  appointmentTypes: [{ id: 1, name: 'Consult', onlineBooking: true }],
  schedules: [{ id: 2, name: 'Room', location: 1, onlineBooking: true }],
  customers: [
    person(10, 'Sam', 'Lee', {
      phones: [
        { areaCode: '02', number: '9555 1234', purposes: ['HOME'], preferred: true },
        { number: '0400-111-222', purposes: ['MOBILE'] },
        { number: '0299998888', purposes: ['FAX'] },
      ],
      emails: [{ address: 'Sam@Example.com', preferred: true }],
      patients: [
        { id: 100, name: 'Rex', active: false },
        { id: 101, name: 'Rex' },
      ],
    }),
    person(20, 'Kim', 'Park', { phones: [{ number: '0411000000' }] }),
    person(21, 'Kim', 'Park', { phones: [{ number: '0411000000' }] }),
    person(30, 'Ola', 'Dead', { active: false, phones: [{ number: '0422000000' }] }),
    person(40, 'Ann', 'Company', { companyName: 'Acme Pets', phones: [{ number: '0433000000' }] }),
  ],
}

let sandbox: RunningSandbox
let api: ReturnType<typeof client>
let stateFile: string
let slot = 0

beforeAll(async () => {
  stateFile = join(mkdtempSync(join(tmpdir(), 'sandbox-match-')), 'state.json')
  sandbox = await startSandbox({ dataset, stateFile })
  api = client(sandbox, 'api', 'secret')
})
afterAll(() => sandbox.close())

/** Books the next free quarter hour; returns what GET shows and the stored booking notes. */
async function book(details: Record<string, unknown>) {
  const start = Date.parse('2026-03-02T09:00:00+11:00') + 15 * 60_000 * slot++
  const response = await api.post({
    location: 1,
    schedule: 2,
    appointmentType: 1,
    start,
    end: start + 15 * 60_000,
    ...details,
  })
  const reference = await response.text()
  expect(response.status).toBe(201)
  const booking = (await (await api.get(`/bookings/${reference}`)).json()) as Record<
    string,
    unknown
  >
  const id = Number(reference.split(':')[0])
  const stored = readState(stateFile)?.appointments.find((record) => record.id === id)
  return { booking, notes: stored?.bookingNotes ?? null }
}

describe('customer matching (spec §7.2)', () => {
  it('matches by name in any case plus a normalised phone, links the active patient, returns the record', async () => {
    const { booking, notes } = await book({
      firstName: 'sam',
      lastName: 'LEE',
      phone: '(02) 9555-1234 ext 5',
      patientName: 'rex',
      title: 'Dr',
    })

    expect(booking).toMatchObject({
      title: 'MR',
      firstName: 'Sam',
      lastName: 'Lee',
      phone: '(02) 9555 1234',
      mobile: '0400-111-222',
      email: 'Sam@Example.com',
      patientName: 'Rex',
      user: 0,
    })
    expect(notes).toBeNull()
  })

  it('matches by the mobile against any phone, or by the exact email', async () => {
    const byMobile = await book({ firstName: 'Sam', lastName: 'Lee', mobile: '0400 111 222' })
    const byEmail = await book({ firstName: 'Sam', lastName: 'Lee', email: 'Sam@Example.com' })
    const wrongCase = await book({ firstName: 'Sam', lastName: 'Lee', email: 'sam@example.com' })

    expect(byMobile.booking.firstName).toBe('Sam')
    expect(byEmail.booking.firstName).toBe('Sam')
    expect(wrongCase.booking.firstName).toBeNull()
  })

  it('treats ambiguous, inactive, company and name-only matches as a new customer, details in the notes', async () => {
    const ambiguous = await book({
      firstName: 'Kim',
      lastName: 'Park',
      mobile: '0411000000',
      patientName: 'Tiny',
    })
    const inactive = await book({ firstName: 'Ola', lastName: 'Dead', mobile: '0422000000' })
    const company = await book({ firstName: 'Ann', lastName: 'Company', mobile: '0433000000' })
    const nameOnly = await book({
      title: 'Ms',
      firstName: 'Sam',
      lastName: 'Lee',
      phone: '1',
      email: 'x@y.z',
    })

    expect(
      [ambiguous, inactive, company, nameOnly].map((result) => result.booking.firstName),
    ).toEqual([null, null, null, null])
    expect(ambiguous.notes).toBe(
      'Title: null\nFirst Name: Kim\nLast Name: Park\nMobile: 0411000000\nPatient: Tiny',
    )
    expect(nameOnly.notes).toBe(
      'Title: Ms\nFirst Name: Sam\nLast Name: Lee\nPhone: 1\nEmail: x@y.z',
    )
  })

  it('notes an unknown patient of a matched customer, a non-clinician user and the caller’s notes, in that order', async () => {
    const { booking, notes } = await book({
      firstName: 'Sam',
      lastName: 'Lee',
      mobile: '0400111222',
      patientName: 'Ghost',
      user: 6,
      notes: 'Vomiting',
    })

    expect(booking).toMatchObject({ patientName: null, user: 0 })
    expect(notes).toBe('Patient: Ghost\nUser: Front Desk\nNotes: Vomiting')
  })

  it('sets a clinician user as the appointment clinician', async () => {
    const { booking, notes } = await book({ firstName: 'New', lastName: 'Person', user: 5 })

    expect(booking.user).toBe(5)
    expect(notes).toBe('Title: null\nFirst Name: New\nLast Name: Person')
  })

  it('abbreviates notes longer than 5000 characters to 4997 plus ...', async () => {
    const { notes } = await book({
      firstName: 'Sam',
      lastName: 'Lee',
      mobile: '0400111222',
      notes: 'x'.repeat(6000),
    })

    expect(notes).toHaveLength(5000)
    expect(notes?.endsWith('x...')).toBe(true)
  })
})

describe('an impossible schedule', () => {
  it('answers a container 500 when the slot size is 0 (division by zero in OpenVPMS)', async () => {
    const broken = await startSandbox({
      dataset: { ...dataset, schedules: [{ id: 2, name: 'Room', location: 1, slotSize: 0 }] },
    })
    try {
      const start = Date.parse('2026-03-02T09:00:00+11:00')
      const response = await client(broken, 'api', 'secret').post({
        location: 1,
        schedule: 2,
        appointmentType: 1,
        start,
        end: start + 900_000,
        firstName: 'A',
        lastName: 'B',
      })

      expect(response.status).toBe(500)
      expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    } finally {
      await broken.close()
    }
  })
})
