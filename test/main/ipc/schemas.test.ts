import { describe, expect, it } from 'vitest'
import { requestSchemas } from '../../../src/main/ipc/schemas'
import { channelNames, eventNames } from '../../../src/shared/ipc-contract'
import { guideDraft } from '../../helpers/booking-draft'

const VERBS = [
  'get',
  'connect',
  'sign',
  'use',
  'list',
  'load',
  'find',
  'create',
  'cancel',
  'search',
  'export',
  'check',
  'set',
  'add',
  'update',
  'remove',
  'mark',
]

describe('the IPC contract', () => {
  it('names every channel domain:verbNoun, starting with a verb', () => {
    for (const name of channelNames) {
      expect(name).toMatch(/^[a-z]+:[a-z]+[A-Za-z]*$/)
      const method = name.split(':')[1] ?? ''
      expect(
        VERBS.some(
          (verb) =>
            method === verb || (method.startsWith(verb) && /[A-Z]/.test(method[verb.length] ?? '')),
        ),
      ).toBe(true)
    }
  })

  it('names every event domain:pastFactOrState', () => {
    for (const name of eventNames) expect(name).toMatch(/^[a-z]+:[a-z]+[A-Za-z]*$/)
  })

  it('has exactly one request schema per channel', () => {
    expect(Object.keys(requestSchemas).sort()).toEqual([...channelNames].sort())
  })

  it('accepts the requests the renderer sends', () => {
    expect(
      requestSchemas['calendar:loadDay'].safeParse({
        locationId: 98,
        date: '2019-02-15',
        scheduleIds: [],
      }).success,
    ).toBe(true)
    expect(
      requestSchemas['calendar:findNextAvailable'].safeParse({
        locationId: 98,
        appointmentTypeId: 66,
        clinicianId: null,
      }).success,
    ).toBe(true)
    expect(requestSchemas['booking:listJournal'].safeParse({}).success).toBe(true)
    expect(requestSchemas['session:getStatus'].safeParse({}).success).toBe(true)
  })

  it('refuses impossible dates, fractional ids and oversized searches', () => {
    expect(
      requestSchemas['calendar:loadDay'].safeParse({
        locationId: 98,
        date: '2019-02-30',
        scheduleIds: [],
      }).success,
    ).toBe(false)
    expect(requestSchemas['clinic:loadLocation'].safeParse({ locationId: 1.5 }).success).toBe(false)
    expect(
      requestSchemas['calendar:findNextAvailable'].safeParse({
        locationId: 98,
        appointmentTypeId: 66,
        clinicianId: null,
        days: 10_000,
      }).success,
    ).toBe(false)
  })
})

describe('request schemas refuse what a renderer must not send', () => {
  const draft = guideDraft({ clinicianId: 1158 })
  const megabyte = 'x'.repeat(1_000_000)
  const create = (changes: Record<string, unknown>) =>
    requestSchemas['booking:create'].safeParse({ draft: { ...draft, ...changes } }).success

  it('accepts a well-formed booking draft', () => {
    expect(create({})).toBe(true)
    expect(create({ clinicianId: null })).toBe(true)
  })

  it.each([0, -1, 1.5, '98', Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, null])(
    'refuses %s as an id',
    (bad) => {
      expect(create({ locationId: bad })).toBe(false)
      expect(create({ clinicianId: bad === null ? 0 : bad })).toBe(false)
      expect(requestSchemas['clinic:loadLocation'].safeParse({ locationId: bad }).success).toBe(
        false,
      )
      expect(
        requestSchemas['calendar:loadDay'].safeParse({
          locationId: 98,
          date: '2019-02-15',
          scheduleIds: [136, bad],
        }).success,
      ).toBe(false)
    },
  )

  it.each(['2019-02-29', '2019-13-01', '2019-2-15', '15/02/2019', '2019-02-15T00:00', '', 'today'])(
    'refuses %s as a date',
    (bad) => {
      expect(
        requestSchemas['calendar:loadDay'].safeParse({ locationId: 98, date: bad, scheduleIds: [] })
          .success,
      ).toBe(false)
      expect(requestSchemas['booking:listJournal'].safeParse({ date: bad }).success).toBe(false)
    },
  )

  it('refuses instants outside what a date can hold, and non-integer instants', () => {
    expect(create({ start: 1e300 })).toBe(false)
    expect(create({ end: 8.64e15 + 1 })).toBe(false)
    expect(create({ start: -1 })).toBe(false)
    expect(create({ start: 1.5 })).toBe(false)
    expect(create({ start: '2019-02-15T12:30:00+11:00' })).toBe(false)
  })

  it.each(['title', 'firstName', 'lastName', 'mobile', 'phone', 'email', 'patientName', 'notes'])(
    'refuses a megabyte of %s',
    (field) => {
      expect(create({ [field]: megabyte })).toBe(false)
    },
  )

  it('refuses a megabyte reference, server address, username or password, and a huge schedule list', () => {
    const connect = {
      serverUrl: 'https://clinic.example.com/openvpms',
      username: 'sample',
      password: 'changeit',
      rememberPassword: true,
      allowInsecure: false,
    }

    expect(requestSchemas['booking:get'].safeParse({ reference: megabyte }).success).toBe(false)
    expect(requestSchemas['booking:cancel'].safeParse({ reference: megabyte }).success).toBe(false)
    expect(requestSchemas['session:connect'].safeParse(connect).success).toBe(true)
    for (const field of ['serverUrl', 'username', 'password']) {
      expect(
        requestSchemas['session:connect'].safeParse({ ...connect, [field]: megabyte }).success,
      ).toBe(false)
    }
    expect(
      requestSchemas['calendar:loadDay'].safeParse({
        locationId: 98,
        date: '2019-02-15',
        scheduleIds: Array.from({ length: 100_000 }, (_, i) => i + 1),
      }).success,
    ).toBe(false)
  })

  it('refuses extra properties and values of the wrong type', () => {
    expect(create({ customerId: 3 })).toBe(false)
    expect(create({ firstName: 42 })).toBe(false)
    expect(requestSchemas['booking:get'].safeParse({ reference: 603 }).success).toBe(false)
    expect(requestSchemas['booking:get'].safeParse('603:be08f3c6').success).toBe(false)
    expect(requestSchemas['session:signOut'].safeParse({ everything: true }).success).toBe(false)
  })

  it('bounds a journal search: the query’s length and the answer’s size', () => {
    const search = (request: unknown): boolean =>
      requestSchemas['journal:searchEntries'].safeParse(request).success

    expect(search({ query: 'zoe hart' })).toBe(true)
    expect(search({ query: 'rex', limit: 100 })).toBe(true)
    expect(search({ query: 'x'.repeat(101) })).toBe(false)
    expect(search({ query: 'rex', limit: 101 })).toBe(false)
    expect(search({ query: 'rex', limit: 0 })).toBe(false)
    expect(search({ query: 42 })).toBe(false)
    expect(search({ query: 'rex', everything: true })).toBe(false)
  })
})
