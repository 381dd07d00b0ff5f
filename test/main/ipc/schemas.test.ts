import { describe, expect, it } from 'vitest'
import { requestSchemas } from '../../../src/main/ipc/schemas'
import { channelNames, eventNames } from '../../../src/shared/ipc-contract'

const VERBS = ['get', 'connect', 'sign', 'use', 'list', 'load', 'find', 'create', 'cancel']

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
