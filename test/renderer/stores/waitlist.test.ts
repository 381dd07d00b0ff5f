import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { BookingConfirmation } from '../../../src/shared/domain'
import { ok } from '../../../src/shared/result'
import type { WaitlistEntry, WaitlistMatch } from '../../../src/shared/waitlist'
import { useBookingStore } from '../../../src/renderer/src/stores/booking'
import { useCalendarStore } from '../../../src/renderer/src/stores/calendar'
import { useClinicStore } from '../../../src/renderer/src/stores/clinic'
import { useWaitlistStore } from '../../../src/renderer/src/stores/waitlist'
import { createFakeApi, type FakeApi } from '../helpers/fake-api'
import { installApi } from '../helpers/api-module'
import { at, dayView, mainClinic, mainDetails, suggestionAt, zone } from '../helpers/fixtures'

vi.mock(
  '../../../src/renderer/src/api',
  async () => (await import('../helpers/api-module')).apiModule,
)

const DAY = '2030-02-15'
let fake: FakeApi

const customer = {
  title: 'Ms',
  firstName: 'Judith',
  lastName: 'Bourke',
  mobile: '0418 976 543',
  phone: '',
  email: '',
  patientName: 'Muffett',
}

const entry: WaitlistEntry = {
  id: '7d8f3c2e-0b5a-4c4e-9a51-2f7e1c0b9a11',
  customer,
  appointmentTypeId: 66,
  clinicianId: null,
  locationId: 98,
  fromDate: DAY,
  toDate: DAY,
  parts: ['morning'],
  weekdays: [],
  note: 'can come at short notice',
  createdAt: 0,
  labels: {
    appointmentType: 'Standard Consult',
    clinician: null,
    location: 'Main Clinic',
    timeZone: zone,
  },
  status: 'waiting',
  doneReference: null,
}

const match: WaitlistMatch = {
  entryId: entry.id,
  customer,
  labels: entry.labels,
  opening: suggestionAt({ appointmentTypeId: 66, start: at(DAY, '09:00'), end: at(DAY, '09:15') }),
  more: 0,
  foundAt: 0,
}

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
  fake = createFakeApi({
    'clinic:listLocations': () => ok([mainClinic]),
    'clinic:loadLocation': () => ok(mainDetails),
    'calendar:loadDay': (request) => ok(dayView(request.date)),
    'booking:listJournal': () => ok([]),
    'waitlist:listEntries': () => ok([entry]),
    'waitlist:markDone': ({ id, reference }) =>
      ok({ ...entry, id, status: 'done' as const, doneReference: reference }),
  })
  installApi(fake.api)
})

describe('waitlist store', () => {
  it('starts an entry from the booking form: its caller, type, clinician and place, from its day, in its part of the day', async () => {
    await useClinicStore().load()
    const waitlist = useWaitlistStore()

    waitlist.openFromDraft({
      ...customer,
      notes: '',
      locationId: 98,
      scheduleId: 136,
      appointmentTypeId: 63,
      clinicianId: 1158,
      start: at(DAY, '14:30'),
      end: at(DAY, '15:00'),
    })

    expect(waitlist.editing?.request).toMatchObject({
      customer,
      appointmentTypeId: 63,
      clinicianId: 1158,
      locationId: 98,
      fromDate: DAY,
      toDate: '2030-02-28',
      parts: ['afternoon'],
      weekdays: [],
    })
  })

  it('opens the booking form on an opening with the caller filled in, and marks the entry done once booked', async () => {
    await useClinicStore().load()
    const waitlist = useWaitlistStore()
    const booking = useBookingStore()
    waitlist.listen()
    await waitlist.load()
    fake.emit('waitlist:matched', match)
    expect(waitlist.openings).toEqual([match])

    await waitlist.book(match)

    expect(useCalendarStore().date).toBe(DAY)
    expect(booking.phase).toBe('form')
    expect(booking.draft).toMatchObject({
      ...customer,
      scheduleId: 136,
      appointmentTypeId: 66,
      start: at(DAY, '09:00'),
      end: at(DAY, '09:15'),
    })
    fake.answer({
      'booking:create': ({ draft }) =>
        ok<BookingConfirmation>({ reference: '1001:abc', draft, createdAt: 0 }),
    })
    await booking.submit()
    await vi.waitFor(() => expect(fake.callsTo('waitlist:markDone')).toHaveLength(1))

    expect(fake.callsTo('waitlist:markDone')).toEqual([{ id: entry.id, reference: '1001:abc' }])
    expect(waitlist.openings).toEqual([])
  })
})
