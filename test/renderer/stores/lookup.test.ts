import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { BookingDetails } from '../../../src/shared/domain'
import { fail, ok } from '../../../src/shared/result'
import { useLookupStore } from '../../../src/renderer/src/stores/lookup'
import { useClinicStore } from '../../../src/renderer/src/stores/clinic'
import { useCalendarStore } from '../../../src/renderer/src/stores/calendar'
import { createFakeApi, type FakeApi } from '../helpers/fake-api'
import { installApi } from '../helpers/api-module'
import { at, dayView, mainClinic, mainDetails } from '../helpers/fixtures'

vi.mock(
  '../../../src/renderer/src/api',
  async () => (await import('../helpers/api-module')).apiModule,
)

const REF = '603:be08f3c6-1afb-11e6-be41-3dbaef689d97'
const details: BookingDetails = {
  reference: REF,
  locationId: 98,
  scheduleId: 136,
  appointmentTypeId: 66,
  start: at('2030-02-15', '10:45'),
  end: at('2030-02-15', '11:30'),
  title: 'MS',
  firstName: 'Judith',
  lastName: 'Bourke',
  phone: '',
  mobile: '0418976543',
  email: 'judith@example.com',
  patientName: 'Muffett',
  clinicianId: 1159,
  source: 'server',
  notes: null,
}
let fake: FakeApi

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
  fake = createFakeApi({
    'clinic:listLocations': () => ok([mainClinic]),
    'clinic:loadLocation': () => ok(mainDetails),
    'calendar:loadDay': (request) => ok(dayView(request.date)),
    'booking:listJournal': () => ok([]),
    'booking:get': () => ok(details),
  })
  installApi(fake.api)
})

describe('lookup store', () => {
  it.each([
    ['  603:3:be08f3c6-1afb-11e6-be41-3dbaef689d97\n', 'the older 3-part form, pasted with spaces'],
    [
      '603: BE08F3C6-1AFB-11E6-BE41-3DBAEF689D97',
      'read over the phone in capitals, a space after the colon',
    ],
    ['603 : be08 f3c6-1afb-11e6-be41-3dbaef689d97', 'spaces inside'],
  ])('normalises %j (%s) before sending it', async (typed) => {
    const lookup = useLookupStore()

    await lookup.find(typed)

    expect(fake.callsTo('booking:get')).toEqual([{ reference: REF }])
    expect(lookup.reference).toBe(REF)
  })

  it('asks for a reference instead of sending an empty one', async () => {
    const lookup = useLookupStore()

    await lookup.find('   ')

    expect(fake.callsTo('booking:get')).toEqual([])
    expect(lookup.error?.message).toBe('Type or paste a booking reference.')
  })

  it('shows the booking it found', async () => {
    const lookup = useLookupStore()

    await lookup.find(REF)

    expect(lookup.status).toBe('ready')
    expect(lookup.details).toEqual(details)
  })

  it('cancels the booking on screen and refreshes the board', async () => {
    await useClinicStore().load()
    await useCalendarStore().show('2030-02-15')
    const lookup = useLookupStore()
    fake.answer({ 'booking:cancel': (request) => ok({ reference: request.reference }) })
    await lookup.find(REF)

    const cancelled = await lookup.cancel()

    expect(cancelled).toBe(true)
    expect(fake.callsTo('booking:cancel')).toEqual([{ reference: REF }])
    expect(lookup.cancelled).toBe(REF)
    expect(lookup.details).toBeNull()
    expect(fake.callsTo('calendar:loadDay').at(-1)?.refresh).toBe(true)
  })

  it('keeps the booking on screen when it can no longer be cancelled', async () => {
    const lookup = useLookupStore()
    fake.answer({
      'booking:cancel': () => fail('NOT_PENDING', 'The booking must be pending to cancel'),
    })
    await lookup.find(REF)

    const cancelled = await lookup.cancel()

    expect(cancelled).toBe(false)
    expect(lookup.cancelError?.code).toBe('NOT_PENDING')
    expect(lookup.details).toEqual(details)
  })
})

describe('lookup store: a booking of a course', () => {
  const inCourse: BookingDetails = { ...details, series: { id: 'course-1', index: 2, count: 4 } }
  const WEEK = 7 * 86_400_000
  const from = (week: number, status: 'cancelled' | 'gone' | 'failed' | 'notTried') => ({
    reference: `604:week-${week}`,
    start: details.start + (week - 2) * WEEK,
    status,
    message: status === 'failed' ? 'OpenVPMS did not answer in time.' : null,
  })

  it('cancels it and every later appointment of its course, and refreshes the board', async () => {
    await useClinicStore().load()
    await useCalendarStore().show('2030-02-15')
    const outcome = { occurrences: [from(2, 'cancelled'), from(3, 'cancelled'), from(4, 'gone')] }
    fake.answer({
      'booking:get': () => ok(inCourse),
      'booking:cancelSeries': () => ok(outcome),
    })
    const lookup = useLookupStore()
    await lookup.find(REF)

    const done = await lookup.cancelSeries()

    expect(done).toBe(true)
    expect(fake.callsTo('booking:cancelSeries')).toEqual([{ reference: REF }])
    expect(fake.callsTo('booking:cancel')).toEqual([])
    expect(lookup.seriesCancelled).toEqual(outcome)
    expect(lookup.details).toBeNull()
    expect(fake.callsTo('calendar:loadDay').at(-1)?.refresh).toBe(true)
  })

  it('keeps the booking on screen when cancelling stopped at it', async () => {
    fake.answer({
      'booking:get': () => ok(inCourse),
      'booking:cancelSeries': () =>
        ok({ occurrences: [from(2, 'failed'), from(3, 'notTried'), from(4, 'notTried')] }),
    })
    const lookup = useLookupStore()
    await lookup.find(REF)

    await lookup.cancelSeries()

    expect(lookup.details).toEqual(inCourse)
    expect(lookup.seriesCancelled?.occurrences.map((o) => o.status)).toEqual([
      'failed',
      'notTried',
      'notTried',
    ])
  })

  it('sends nothing for a booking that is not part of a course', async () => {
    const lookup = useLookupStore()
    await lookup.find(REF)

    const done = await lookup.cancelSeries()

    expect(done).toBe(false)
    expect(fake.callsTo('booking:cancelSeries')).toEqual([])
  })

  it('forgets how a course was cancelled when the next booking is looked up', async () => {
    fake.answer({
      'booking:get': () => ok(inCourse),
      'booking:cancelSeries': () => ok({ occurrences: [from(2, 'cancelled')] }),
    })
    const lookup = useLookupStore()
    await lookup.find(REF)
    await lookup.cancelSeries()

    await lookup.find(REF)

    expect(lookup.seriesCancelled).toBeNull()
  })
})
