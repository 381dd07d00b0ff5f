import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DatasetError, startSandbox } from '../../../src/main/sandbox'
import { client } from './support'

const valid = () => ({
  timeZone: 'Australia/Sydney',
  users: [{ id: 1, name: 'Api', login: 'api', password: 'secret' }],
  locations: [{ id: 1, name: 'Clinic', onlineBooking: true }],
  appointmentTypes: [{ id: 1, name: 'Consult', onlineBooking: true }],
  schedules: [
    { id: 2, name: 'Room', location: 1, onlineBooking: true, startTime: '09:00', endTime: '10:00' },
  ],
  appointments: [
    { id: 3, schedule: 2, appointmentType: 1, start: '2026-03-02T09:15', end: '2026-03-02T09:30' },
  ],
})

async function refusal(dataset: unknown): Promise<DatasetError> {
  const error = await startSandbox({ dataset }).then(
    async (sandbox) => {
      await sandbox.close()
      throw new Error('the sandbox started')
    },
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(DatasetError)
  return error as DatasetError
}

describe('dataset validation: the message names the source, the field path and the reason', () => {
  it.each([
    [
      'an unknown field',
      (d: ReturnType<typeof valid>) => Object.assign(d.schedules[0]!, { colour: 'red' }),
      'schedules[0].colour',
      'unknown field',
    ],
    [
      'a missing field',
      (d: ReturnType<typeof valid>) => Reflect.deleteProperty(d.users[0]!, 'login'),
      'users[0].login',
      'expected string',
    ],
    [
      'a non-integer id',
      (d: ReturnType<typeof valid>) => Object.assign(d.locations[0]!, { id: 1.5 }),
      'locations[0].id',
      'expected int',
    ],
    [
      'a bad time of day',
      (d: ReturnType<typeof valid>) => Object.assign(d.schedules[0]!, { startTime: '9am' }),
      'schedules[0].startTime',
      'HH:mm',
    ],
    [
      'an unknown location',
      (d: ReturnType<typeof valid>) => Object.assign(d.schedules[0]!, { location: 5 }),
      'schedules[0].location',
      'no location with id 5',
    ],
    [
      'a bad date-time',
      (d: ReturnType<typeof valid>) => Object.assign(d.appointments[0]!, { start: 'soon' }),
      'appointments[0].start',
      'not an ISO 8601 date-time',
    ],
    [
      'an unknown status',
      (d: ReturnType<typeof valid>) => Object.assign(d.appointments[0]!, { status: 'LOST' }),
      'appointments[0].status',
      'PENDING',
    ],
    [
      'a duplicate id',
      (d: ReturnType<typeof valid>) => d.appointments.push({ ...d.appointments[0]! }),
      'appointments[1].id',
      'duplicate id 3',
    ],
    [
      'an unknown zone',
      (d: ReturnType<typeof valid>) => Object.assign(d, { timeZone: 'Mars/Olympus' }),
      'timeZone',
      'unknown time zone',
    ],
  ])('refuses %s', async (_case, spoil, field, reason) => {
    const dataset = valid()
    spoil(dataset)

    const error = await refusal(dataset)

    expect(error.message).toMatch(new RegExp(`^dataset: ${field.replace(/[[\].]/g, '\\$&')}: `))
    expect(error.field).toBe(field)
    expect(error.reason).toContain(reason)
  })

  it('names the file for a dataset file, including unreadable and non-JSON files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-dataset-'))
    const bad = join(dir, 'bad.json')
    const broken = join(dir, 'broken.json')
    writeFileSync(bad, JSON.stringify({ ...valid(), locations: [{ id: 'x', name: 'A' }] }))
    writeFileSync(broken, '{ "timeZone": ')

    await expect(startSandbox({ dataFile: bad })).rejects.toThrow(`${bad}: locations[0].id: `)
    await expect(startSandbox({ dataFile: broken })).rejects.toThrow(
      `${broken}: (root): not valid JSON`,
    )
    await expect(startSandbox({ dataFile: join(dir, 'missing.json') })).rejects.toThrow(
      'cannot read file (ENOENT)',
    )
  })
})

describe('dataset loading', () => {
  it('reads wall times in the dataset zone, honours offsets, and converts HOURS slots', async () => {
    const dataset = valid()
    dataset.appointments.push({
      id: 4,
      schedule: 2,
      appointmentType: 1,
      start: '2026-03-01T22:45:00Z',
      end: '2026-03-01T22:50:00Z',
    })
    Object.assign(dataset.schedules[0]!, { slotSize: 1, slotUnits: 'HOURS' })
    const sandbox = await startSandbox({ dataset })
    try {
      const api = client(sandbox, 'api', 'secret')

      const busy = await (
        await api.get(
          '/schedules/2/busy?from=2026-03-02T00:00:00%2B11:00&to=2026-03-03T00:00:00%2B11:00',
        )
      ).json()
      const schedule = await (await api.get('/schedules/2')).json()

      expect(busy).toEqual([
        { start: '2026-03-02T09:15:00.000+11:00', end: '2026-03-02T09:30:00.000+11:00' },
        { start: '2026-03-02T09:45:00.000+11:00', end: '2026-03-02T09:50:00.000+11:00' },
      ])
      expect(schedule).toEqual({ id: 2, name: 'Room', slotSize: 60 })
    } finally {
      await sandbox.close()
    }
  })

  it('renders Z when the dataset zone is UTC', async () => {
    const sandbox = await startSandbox({ dataset: { ...valid(), timeZone: 'UTC' } })
    try {
      const free = await (
        await client(sandbox, 'api', 'secret').get(
          '/schedules/2/free?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z',
        )
      ).json()

      expect(free).toEqual([
        { start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T09:15:00.000Z' },
        { start: '2026-03-02T09:30:00.000Z', end: '2026-03-02T10:00:00.000Z' },
      ])
    } finally {
      await sandbox.close()
    }
  })

  it('numbers new bookings above every dataset id and uses the dataset clock', async () => {
    const sandbox = await startSandbox({
      dataset: {
        ...valid(),
        now: '2026-03-01T09:00:00+11:00',
        users: [{ id: 1, name: 'Api', login: 'api', password: 'secret', bookingRole: true }],
      },
    })
    try {
      const response = await client(sandbox, 'api', 'secret').post({
        location: 1,
        schedule: 2,
        appointmentType: 1,
        start: '2026-03-02T09:30:00.000+11:00',
        end: '2026-03-02T09:45:00.000+11:00',
        firstName: 'A',
        lastName: 'B',
      })

      expect(response.status).toBe(201)
      expect(await response.text()).toMatch(/^4:/)
    } finally {
      await sandbox.close()
    }
  })
})
