import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bookingHandlers, journalHandlers, seriesHandlers } from '../../../src/main/booking/ipc'
import { calendarHandlers } from '../../../src/main/calendar/ipc'
import { clinicHandlers } from '../../../src/main/clinic/ipc'
import { waitlistHandlers } from '../../../src/main/waitlist/ipc'
import {
  createDispatcher,
  type Dispatch,
  type Handlers,
  type Logger,
} from '../../../src/main/ipc/handle'
import { startServices, type Services } from '../clinic/harness'
import { guideDraft } from '../../helpers/booking-draft'

const quiet: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
}
const notWired = () => Promise.reject(new Error('the session is not part of this test'))

const draft = guideDraft({ title: '' })

let s: Services
let dispatch: Dispatch
beforeEach(async () => {
  s = await startServices()
  const handlers: Handlers = {
    'session:getStatus': notWired,
    'session:connect': notWired,
    'session:signOut': notWired,
    'session:useDemo': notWired,
    'settings:getConfirmationTemplate': notWired,
    'settings:setConfirmationTemplate': notWired,
    'settings:getShortcuts': notWired,
    'settings:setShortcuts': notWired,
    ...clinicHandlers(s.clinic),
    ...calendarHandlers(s.calendar),
    ...bookingHandlers(s.booking),
    ...seriesHandlers(s.series),
    ...journalHandlers(s.journal),
    ...waitlistHandlers(s.waitlist),
  }
  dispatch = createDispatcher(handlers, quiet)
})
afterEach(() => s.close())

describe('the dispatcher over the real services', () => {
  it('answers every result as plain data that survives Electron’s structured clone', async () => {
    const booked = await dispatch('booking:create', { draft })
    const conflict = await dispatch('booking:create', { draft: { ...draft, firstName: 'Olivia' } })
    const day = await dispatch('calendar:loadDay', {
      locationId: 98,
      date: '2019-02-15',
      scheduleIds: [],
    })

    for (const result of [booked, conflict, day]) expect(structuredClone(result)).toEqual(result)
    expect(booked.ok).toBe(true)
    expect(conflict.ok ? null : conflict.error.code).toBe('CONFLICT')
    expect(conflict.ok ? [] : conflict.error.alternatives).toHaveLength(4)
  })

  it('turns a service’s field errors into a VALIDATION result', async () => {
    const result = await dispatch('booking:create', {
      draft: { ...draft, firstName: '', mobile: '' },
    })

    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('VALIDATION')
    expect(result.error.fieldErrors?.map((e) => e.field)).toEqual([
      'firstName',
      'mobile',
      'phone',
      'email',
    ])
  })

  it('refuses a malformed request before it reaches the server', async () => {
    const before = s.sandbox.requestCount

    const result = await dispatch('calendar:loadDay', {
      locationId: 98,
      date: 'tomorrow',
      scheduleIds: [],
    })

    expect(result.ok ? null : result.error.fieldErrors?.map((e) => e.field)).toEqual(['date'])
    expect(s.sandbox.requestCount).toBe(before)
  })

  it('answers NOT_CONNECTED as a result when signed out', async () => {
    s.setClient(null)

    const result = await dispatch('clinic:listLocations', {})

    expect(result.ok ? null : result.error.code).toBe('NOT_CONNECTED')
  })
})
