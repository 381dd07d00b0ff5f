import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { isProxy } from 'vue'
import type { BookingConfirmation, BookingDraft } from '../../../src/shared/domain'
import { fail, ok, type Result } from '../../../src/shared/result'
import { useBookingStore, validateDraft } from '../../../src/renderer/src/stores/booking'
import { useCalendarStore } from '../../../src/renderer/src/stores/calendar'
import { useClinicStore } from '../../../src/renderer/src/stores/clinic'
import { deferred, type FakeApi } from '../helpers/fake-api'
import { freshDesk } from '../helpers/desk'
import { at, dayView, suggestionAt } from '../helpers/fixtures'

vi.mock(
  '../../../src/renderer/src/api',
  async () => (await import('../helpers/api-module')).apiModule,
)

const DAY = '2030-02-15'
let fake: FakeApi

async function openDay(): Promise<void> {
  await useClinicStore().load()
  await useCalendarStore().show(DAY)
}

function fillCustomer(): void {
  useBookingStore().update({
    firstName: 'Judith',
    lastName: 'Bourke',
    mobile: '0418 976 543',
    patientName: 'Muffett',
  })
}

beforeEach(() => {
  fake = freshDesk()
})

describe('booking store', () => {
  it('makes the booking as long as the chosen type: slots × the schedule slot size', async () => {
    await openDay()
    const booking = useBookingStore()
    booking.begin({ scheduleId: 136, start: at(DAY, '09:00'), end: at(DAY, '09:15') })

    booking.chooseType(63)

    expect(booking.phase).toBe('form')
    expect(booking.draft).toMatchObject({
      locationId: 98,
      scheduleId: 136,
      appointmentTypeId: 63,
      start: at(DAY, '09:00'),
      end: at(DAY, '09:30'),
    })
  })

  it('checks required fields before sending and sends nothing when they are missing', async () => {
    await openDay()
    const booking = useBookingStore()
    booking.begin({ scheduleId: 136, start: at(DAY, '09:00'), end: at(DAY, '09:15') })
    booking.chooseType(66)
    booking.update({ email: 'judith at example' })

    const sent = await booking.submit()

    expect(sent).toBe(false)
    expect(fake.callsTo('booking:create')).toEqual([])
    expect(booking.fieldErrors.map((problem) => problem.field)).toEqual([
      'firstName',
      'lastName',
      'email',
    ])
  })

  it('refuses a clinician who is not available for the whole time', async () => {
    await openDay()
    const booking = useBookingStore()
    booking.begin({ scheduleId: 136, start: at(DAY, '09:00'), end: at(DAY, '09:15') })
    booking.chooseType(66)
    fillCustomer()
    booking.update({ clinicianId: 1158 })

    await booking.submit()

    expect(booking.fieldErrors).toEqual([
      {
        field: 'clinicianId',
        message: 'Andrew Turner is not available for the whole of this time.',
      },
    ])
  })

  it('books, shows the reference, forgets the draft and refreshes the board and the journal', async () => {
    await openDay()
    const booking = useBookingStore()
    fake.answer({
      'booking:create': ({ draft }) =>
        ok({ reference: '1234:0d3f0b5e-1afb-11e6-be41-3dbaef689d97', draft, createdAt: 1 }),
    })
    booking.begin({ scheduleId: 136, start: at(DAY, '09:00'), end: at(DAY, '09:15') })
    booking.chooseType(66)
    fillCustomer()

    const sent = await booking.submit()

    expect(sent).toBe(true)
    expect(booking.phase).toBe('confirmed')
    expect(booking.confirmation?.reference).toBe('1234:0d3f0b5e-1afb-11e6-be41-3dbaef689d97')
    expect(fake.callsTo('booking:create')[0]?.draft).toMatchObject({
      firstName: 'Judith',
      lastName: 'Bourke',
      start: at(DAY, '09:00'),
      end: at(DAY, '09:15'),
    })
    expect(isProxy(fake.callsTo('booking:create')[0]?.draft)).toBe(false)
    expect(localStorage.getItem('frontdesk.bookingDraft')).toBeNull()
    expect(fake.callsTo('calendar:loadDay').at(-1)?.refresh).toBe(true)
    expect(fake.callsTo('booking:listJournal')).toHaveLength(1)
  })

  it('keeps the form and offers the alternatives when the time was taken meanwhile', async () => {
    await openDay()
    const booking = useBookingStore()
    const alternative = suggestionAt({
      scheduleId: 136,
      appointmentTypeId: 66,
      start: at(DAY, '09:15'),
      end: at(DAY, '09:30'),
      clinicianId: null,
    })
    fake.answer({
      'booking:create': () =>
        fail('CONFLICT', 'That time was just taken by another booking.', {
          alternatives: [alternative],
        }),
    })
    booking.begin({ scheduleId: 136, start: at(DAY, '09:00'), end: at(DAY, '09:15') })
    booking.chooseType(66)
    fillCustomer()

    await booking.submit()
    booking.beginFromSuggestion(alternative)

    expect(booking.phase).toBe('form')
    expect(booking.draft).toMatchObject({
      firstName: 'Judith',
      start: at(DAY, '09:15'),
      end: at(DAY, '09:30'),
    })
    expect(fake.callsTo('calendar:loadDay').at(-1)?.refresh).toBe(true)
  })

  it('refreshes the board when a booking’s outcome is unknown, so it shows whether the time is now taken', async () => {
    await openDay()
    const booking = useBookingStore()
    fake.answer({
      'booking:create': () =>
        fail('OUTCOME_UNKNOWN', 'The time is now busy: the booking was probably made.'),
    })
    booking.begin({ scheduleId: 136, start: at(DAY, '09:00'), end: at(DAY, '09:15') })
    booking.chooseType(66)
    fillCustomer()
    const loadsBefore = fake.callsTo('calendar:loadDay').length

    await booking.submit()

    expect(booking.draft).toMatchObject({ firstName: 'Judith' })
    expect(fake.callsTo('calendar:loadDay').slice(loadsBefore)).toEqual([
      expect.objectContaining({ refresh: true }),
    ])
  })

  it('shows the server field errors beside their fields', async () => {
    await openDay()
    const booking = useBookingStore()
    fake.answer({
      'booking:create': () =>
        fail('VALIDATION', 'The server refused the booking.', {
          fieldErrors: [{ field: 'start', message: 'Booking start is not on a slot boundary' }],
        }),
    })
    booking.begin({ scheduleId: 136, start: at(DAY, '09:00'), end: at(DAY, '09:15') })
    booking.chooseType(66)
    fillCustomer()

    await booking.submit()

    expect(booking.error?.code).toBe('VALIDATION')
    expect(booking.fieldErrors).toEqual([
      { field: 'start', message: 'Booking start is not on a slot boundary' },
    ])
  })

  it('brings back an unsent form after a restart', async () => {
    await openDay()
    const booking = useBookingStore()
    fake.answer({ 'booking:create': () => fail('OUTCOME_UNKNOWN', 'No answer came back.') })
    booking.begin({ scheduleId: 136, start: at(DAY, '09:00'), end: at(DAY, '09:15') })
    booking.chooseType(66)
    fillCustomer()
    await booking.submit()

    setActivePinia(createPinia())
    const restarted = useBookingStore()

    expect(restarted.phase).toBe('form')
    expect(restarted.draft).toMatchObject<Partial<BookingDraft>>({
      firstName: 'Judith',
      lastName: 'Bourke',
      patientName: 'Muffett',
      start: at(DAY, '09:00'),
    })
  })

  it('sets a damaged or outdated kept form aside with a notice, and opens without it', () => {
    for (const kept of [
      '{"phase":"form","draft":{"firstName":"Ju',
      '{"phase":"form","draft":{"name":"Judith"}}',
    ]) {
      localStorage.setItem('frontdesk.bookingDraft', kept)
      setActivePinia(createPinia())

      const booking = useBookingStore()

      expect(booking.phase).toBe('closed')
      expect(booking.draft).toBeNull()
      expect(booking.notice).toMatch(/could not be read back.*set aside/)
      expect(localStorage.getItem('frontdesk.bookingDraft')).toBeNull()
      expect(localStorage.getItem('frontdesk.bookingDraft.setAside')).toBe(kept)
    }
  })

  it('sends one booking however often Confirm is pressed while it is on its way', async () => {
    await openDay()
    const booking = useBookingStore()
    const answer = deferred<Result<BookingConfirmation>>()
    fake.answer({ 'booking:create': () => answer.promise })
    booking.begin({ scheduleId: 136, start: at(DAY, '09:00'), end: at(DAY, '09:15') })
    booking.chooseType(66)
    fillCustomer()

    const first = booking.submit()
    const statusWhileSending = booking.status
    const second = await booking.submit()
    answer.resolve(
      ok({
        reference: '1234:0d3f0b5e-1afb-11e6-be41-3dbaef689d97',
        draft: booking.draft!,
        createdAt: 1,
      }),
    )

    expect(statusWhileSending).toBe('loading')
    expect(second).toBe(false)
    expect(await first).toBe(true)
    expect(fake.callsTo('booking:create')).toHaveLength(1)
  })

  it('refuses a mobile or phone number the server would cut short, beside the field', async () => {
    await openDay()
    const booking = useBookingStore()
    booking.begin({ scheduleId: 136, start: at(DAY, '09:00'), end: at(DAY, '09:15') })
    booking.chooseType(66)
    fillCustomer()
    booking.update({ mobile: '0418 976 543 ext 2', phone: '02/9555 0101' })

    const sent = await booking.submit()

    expect(sent).toBe(false)
    expect(fake.callsTo('booking:create')).toEqual([])
    expect(booking.fieldErrors.map((problem) => problem.field)).toEqual(['mobile', 'phone'])
  })

  it('checks the chosen clinician’s availability, not another clinician’s', async () => {
    const day = dayView(DAY)
    const always = { 136: [{ start: at(DAY, '09:00'), end: at(DAY, '17:00') }] }
    fake.answer({
      'calendar:loadDay': () =>
        ok({
          ...day,
          clinicians: [
            { clinicianId: 1159, free: always, busy: [], available: always },
            ...day.clinicians,
          ],
        }),
    })
    await openDay()
    const booking = useBookingStore()
    booking.begin({ scheduleId: 136, start: at(DAY, '09:00'), end: at(DAY, '09:15') })
    booking.chooseType(66)
    fillCustomer()

    booking.update({ clinicianId: 1158 })
    await booking.submit()
    const turner = booking.fieldErrors.map((problem) => problem.field)
    booking.update({ clinicianId: 1159 })
    fake.answer({
      'booking:create': ({ draft }) =>
        ok({ reference: '1234:0d3f0b5e-1afb-11e6-be41-3dbaef689d97', draft, createdAt: 1 }),
    })
    const barton = await booking.submit()

    expect(turner).toEqual(['clinicianId'])
    expect(barton).toBe(true)
  })

  it('closing keeps the unsent form for Resume; closing while sending keeps it sending', async () => {
    await openDay()
    const booking = useBookingStore()
    booking.begin({ scheduleId: 136, start: at(DAY, '09:00'), end: at(DAY, '09:15') })
    booking.chooseType(66)
    fillCustomer()
    booking.update({ email: 'judith at example' })
    await booking.submit()

    booking.close()
    const closed = { phase: booking.phase, errors: booking.fieldErrors.length }
    booking.resume()

    expect(closed).toEqual({ phase: 'closed', errors: 0 })
    expect(booking.phase).toBe('form')
    expect(booking.draft).toMatchObject({ firstName: 'Judith', email: 'judith at example' })

    const answer = deferred<Result<BookingConfirmation>>()
    fake.answer({ 'booking:create': () => answer.promise })
    booking.update({ email: '' })
    const sending = booking.submit()
    booking.close()
    expect(booking.status).toBe('loading')
    answer.resolve(fail('CONFLICT', 'Taken.'))
    await sending
  })

  it('Resume does nothing without an unsent form', () => {
    const booking = useBookingStore()

    booking.resume()

    expect(booking.phase).toBe('closed')
  })

  it('a discarded form is gone, also after a restart', async () => {
    await openDay()
    const booking = useBookingStore()
    booking.begin({ scheduleId: 136, start: at(DAY, '09:00'), end: at(DAY, '09:15') })
    booking.chooseType(66)
    fillCustomer()
    booking.update({ email: 'judith at example' })
    await booking.submit()

    booking.discard()
    setActivePinia(createPinia())
    const restarted = useBookingStore()

    expect([booking.phase, booking.draft, booking.selection, booking.error]).toEqual([
      'closed',
      null,
      null,
      null,
    ])
    expect(booking.fieldErrors).toEqual([])
    expect(restarted.phase).toBe('closed')
    expect(restarted.draft).toBeNull()
  })

  it('signing out forgets the customer, the reference and the notice, so the next person starts clean', async () => {
    localStorage.setItem('frontdesk.bookingDraft', '{"phase":"form","draft":{"firstName":"Ju')
    setActivePinia(createPinia())
    await openDay()
    const booking = useBookingStore()
    fake.answer({
      'booking:create': ({ draft }) =>
        ok({ reference: '1234:0d3f0b5e-1afb-11e6-be41-3dbaef689d97', draft, createdAt: 1 }),
    })
    booking.begin({ scheduleId: 136, start: at(DAY, '09:00'), end: at(DAY, '09:15') })
    booking.chooseType(66)
    fillCustomer()
    await booking.submit()
    booking.begin({ scheduleId: 136, start: at(DAY, '10:00'), end: at(DAY, '10:15') })
    booking.chooseType(66)
    booking.update({ firstName: 'Olivia', email: 'olivia at example' })
    await booking.submit()

    booking.$reset()
    setActivePinia(createPinia())
    const next = useBookingStore()

    expect([booking.phase, booking.draft, booking.selection, booking.confirmation]).toEqual([
      'closed',
      null,
      null,
      null,
    ])
    expect([booking.notice, booking.error, booking.status]).toEqual([null, null, 'idle'])
    expect(booking.fieldErrors).toEqual([])
    expect(next.draft).toBeNull()
    expect(next.phase).toBe('closed')
  })
})

describe('validateDraft', () => {
  const draft: BookingDraft = {
    locationId: 98,
    scheduleId: 136,
    appointmentTypeId: 66,
    start: at(DAY, '09:00'),
    end: at(DAY, '09:15'),
    title: '',
    firstName: 'Judith',
    lastName: 'Bourke',
    mobile: '0418 976 543',
    phone: '',
    email: '',
    patientName: 'Muffett',
    notes: '',
    clinicianId: null,
  }

  it('refuses a time already gone and a form without a type; the very moment now is not gone yet', () => {
    expect(validateDraft(draft, at(DAY, '09:01'))).toEqual([
      { field: 'start', message: 'This time has already passed.' },
    ])
    expect(validateDraft({ ...draft, appointmentTypeId: 0 }, at(DAY, '09:00'))).toEqual([
      { field: 'appointmentTypeId', message: 'Choose an appointment type.' },
    ])
    expect(validateDraft(draft, at(DAY, '09:00'))).toEqual([])
  })

  it('a kept form is brought back only when it was being filled in', () => {
    for (const kept of [{ phase: 'confirmed', draft }, null, 42]) {
      localStorage.setItem('frontdesk.bookingDraft', JSON.stringify(kept))
      setActivePinia(createPinia())

      const booking = useBookingStore()

      expect([booking.phase, booking.draft]).toEqual(['closed', null])
    }
  })
})

describe('booking store: steps taken out of order', () => {
  it('starts with no problems, no alternatives and nothing to check again', async () => {
    const booking = useBookingStore()

    await booking.checkAgain()

    expect([booking.fieldErrors, booking.alternatives, booking.checked]).toEqual([[], [], null])
    expect(fake.callsTo('calendar:loadDay')).toEqual([])
  })

  it('an edit or a type with no form open changes nothing', async () => {
    await openDay()
    const booking = useBookingStore()

    booking.update({ firstName: 'Judith' })
    booking.chooseType(66)

    expect([booking.phase, booking.draft]).toEqual(['closed', null])
  })

  it('a type the schedule does not take leaves the choice of type open', async () => {
    await openDay()
    const booking = useBookingStore()
    booking.begin({ scheduleId: 136, start: at(DAY, '09:00'), end: at(DAY, '09:15') })

    booking.chooseType(999)

    expect([booking.phase, booking.draft]).toEqual(['type', null])
  })

  it('a suggested time becomes the selection on the board', async () => {
    await openDay()
    const booking = useBookingStore()

    booking.beginFromSuggestion(
      suggestionAt({
        scheduleId: 136,
        appointmentTypeId: 66,
        start: at(DAY, '11:00'),
        end: at(DAY, '11:15'),
        clinicianId: null,
      }),
    )

    expect(booking.selection).toEqual({
      scheduleId: 136,
      start: at(DAY, '11:00'),
      end: at(DAY, '11:15'),
    })
  })

  it('says why nothing was sent when the desk’s own checks fail', async () => {
    await openDay()
    const booking = useBookingStore()
    booking.begin({ scheduleId: 136, start: at(DAY, '09:00'), end: at(DAY, '09:15') })
    booking.chooseType(66)

    await booking.submit()

    expect(booking.error).toMatchObject({
      code: 'VALIDATION',
      message: 'Please correct the fields marked below.',
    })
  })

  it('leaves the board as it is after a refusal that does not touch the time', async () => {
    await openDay()
    const booking = useBookingStore()
    fake.answer({ 'booking:create': () => fail('VALIDATION', 'The server refused the booking.') })
    booking.begin({ scheduleId: 136, start: at(DAY, '09:00'), end: at(DAY, '09:15') })
    booking.chooseType(66)
    fillCustomer()
    const loads = fake.callsTo('calendar:loadDay').length

    await booking.submit()

    expect(fake.callsTo('calendar:loadDay')).toHaveLength(loads)
  })

  it('a booking sent anyway after no answer, once made, leaves nothing unanswered', async () => {
    await openDay()
    const booking = useBookingStore()
    fake.answer({ 'booking:create': () => fail('OUTCOME_UNKNOWN', 'No answer came back.') })
    booking.begin({ scheduleId: 136, start: at(DAY, '09:00'), end: at(DAY, '09:15') })
    booking.chooseType(66)
    fillCustomer()
    await booking.submit()
    fake.answer({
      'booking:create': ({ draft }) =>
        ok({ reference: '1234:0d3f0b5e-1afb-11e6-be41-3dbaef689d97', draft, createdAt: 1 }),
    })

    await booking.submit({ anyway: true })

    expect([booking.phase, booking.unconfirmed, booking.checked]).toEqual(['confirmed', null, null])
  })
})

describe('booking store: the clinician check uses the board only where it shows the booking’s day', () => {
  it('checks a clinician the board does not list as not available', async () => {
    await openDay()
    const booking = useBookingStore()
    booking.begin({ scheduleId: 136, start: at(DAY, '09:00'), end: at(DAY, '09:15') })
    booking.chooseType(66)
    fillCustomer()
    booking.update({ clinicianId: 4242 })

    const sent = await booking.submit()

    expect(sent).toBe(false)
    expect(booking.fieldErrors.map((problem) => problem.field)).toEqual(['clinicianId'])
  })

  it('leaves a time on another day to main’s check (the board cannot tell)', async () => {
    await openDay()
    const booking = useBookingStore()
    fake.answer({
      'booking:create': ({ draft }) =>
        ok({ reference: '1234:0d3f0b5e-1afb-11e6-be41-3dbaef689d97', draft, createdAt: 1 }),
    })
    booking.beginFromSuggestion(
      suggestionAt({
        scheduleId: 136,
        appointmentTypeId: 66,
        start: at('2030-02-16', '09:00'),
        end: at('2030-02-16', '09:15'),
        clinicianId: 1158,
      }),
    )
    fillCustomer()

    expect(await booking.submit()).toBe(true)
  })

  it('leaves the check to main when no day is on the board yet', async () => {
    await useClinicStore().load()
    const booking = useBookingStore()
    fake.answer({
      'booking:create': ({ draft }) =>
        ok({ reference: '1234:0d3f0b5e-1afb-11e6-be41-3dbaef689d97', draft, createdAt: 1 }),
    })
    booking.beginFromSuggestion(
      suggestionAt({
        scheduleId: 136,
        appointmentTypeId: 66,
        start: at(DAY, '09:00'),
        end: at(DAY, '09:15'),
        clinicianId: 1158,
      }),
    )
    fillCustomer()

    expect(await booking.submit()).toBe(true)
  })
})
