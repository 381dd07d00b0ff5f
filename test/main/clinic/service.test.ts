import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { clinicHandlers } from '../../../src/main/clinic/ipc'
import { codeOf, startServices, type Services } from './harness'

let s: Services
beforeEach(async () => {
  s = await startServices()
})
afterEach(() => s.close())

describe('ClinicService', () => {
  it('lists the online-booking locations', async () => {
    const locations = await s.clinic.listLocations()

    expect(locations.map((l) => [l.id, l.name, l.timeZone]).sort()).toEqual([
      [106, 'Branch Clinic', 'Australia/Sydney'],
      [98, 'Main Clinic', 'Australia/Sydney'],
    ])
  })

  it('loads a location with its schedules, their appointment types and its clinicians', async () => {
    const details = await s.clinic.loadLocation(98)

    expect(details.location).toEqual({ id: 98, name: 'Main Clinic', timeZone: 'Australia/Sydney' })
    expect(details.schedules.map((x) => [x.id, x.slotSize])).toEqual([
      [136, 15],
      [211, 30],
    ])
    expect(details.schedules[0]?.appointmentTypes).toEqual([
      { id: 63, name: 'Long Consult', slots: 2 },
      { id: 76, name: 'New Patient', slots: 2 },
      { id: 79, name: 'Short Consult', slots: 1 },
      { id: 66, name: 'Standard Consult', slots: 1 },
    ])
    expect(details.clinicians).toEqual([
      { id: 1158, name: 'Andrew Turner' },
      { id: 1159, name: 'Chris Barton' },
    ])
  })

  it('answers a location from its cache without a request, and refresh asks again', async () => {
    await s.clinic.loadLocation(106)
    const before = s.sandbox.requestCount

    const cached = await s.clinic.loadLocation(106)
    const afterCached = s.sandbox.requestCount
    await s.clinic.loadLocation(106, true)

    expect(cached.schedules).toHaveLength(6)
    expect(afterCached).toBe(before)
    expect(s.sandbox.requestCount - afterCached).toBe(3 + 6)
  })

  it('answers NOT_FOUND for a location that does not take online bookings, and does not cache the failure', async () => {
    expect(await codeOf(s.clinic.loadLocation(4242))).toBe('NOT_FOUND')
    expect(await codeOf(s.clinic.loadLocation(4242))).toBe('NOT_FOUND')
  })

  it('answers NOT_CONNECTED when signed out, and forgets its cache on reset', async () => {
    await s.clinic.loadLocation(98)
    s.setClient(null)

    s.clinic.reset()

    expect(await codeOf(s.clinic.loadLocation(98))).toBe('NOT_CONNECTED')
    expect(await codeOf(s.clinic.listLocations())).toBe('NOT_CONNECTED')
  })

  it('drops an answer that arrives after the session changed', async () => {
    s.sandbox.setLatency(150)
    const loading = s.clinic.loadLocation(98)

    s.clinic.reset()

    expect(await codeOf(loading)).toBe('NOT_CONNECTED')
  })

  it('serves clinic:* through its IPC adapters', async () => {
    const handlers = clinicHandlers(s.clinic)

    const details = await handlers['clinic:loadLocation']({ locationId: 98 })
    const locations = await handlers['clinic:listLocations']({})

    expect(details.location.id).toBe(98)
    expect(locations).toHaveLength(2)
  })
})
