// What a receptionist who cannot see the screen hears about a booking (the live regions), and what "Check again"
// and the clinician check say in the cases the board cannot answer.
import { beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import type { BookingConfirmation, JournalEntry } from '../../../src/shared/domain'
import { fail, ok, type Result } from '../../../src/shared/result'
import { useAnnouncerStore } from '../../../src/renderer/src/stores/announcer'
import { useBookingStore } from '../../../src/renderer/src/stores/booking'
import { useCalendarStore } from '../../../src/renderer/src/stores/calendar'
import { useClinicStore } from '../../../src/renderer/src/stores/clinic'
import { useJournalStore } from '../../../src/renderer/src/stores/journal'
import { deferred, type FakeApi } from '../helpers/fake-api'
import { freshDesk } from '../helpers/desk'
import { at, suggestionAt } from '../helpers/fixtures'

vi.mock(
  '../../../src/renderer/src/api',
  async () => (await import('../helpers/api-module')).apiModule,
)

const DAY = '2030-02-15'
const REFERENCE = '1234:0d3f0b5e-1afb-11e6-be41-3dbaef689d97'
const SPOKEN_REFERENCE = '1234 : 0d3f 0b5e - 1afb - 11e6 - be41 - 3dba ef68 9d97'
let fake: FakeApi
let said: MockInstance<ReturnType<typeof useAnnouncerStore>['say']>

const booked = (): void =>
  fake.answer({
    'booking:create': ({ draft }) => ok({ reference: REFERENCE, draft, createdAt: 1 }),
  })

async function openForm(start = '09:00', scheduleId = 136, typeId = 66) {
  await useClinicStore().load()
  await useCalendarStore().show(DAY)
  const booking = useBookingStore()
  booking.begin({ scheduleId, start: at(DAY, start), end: at(DAY, start) + 15 * 60_000 })
  booking.chooseType(typeId)
  booking.update({ firstName: 'Judith', lastName: 'Bourke', patientName: 'Muffett' })
  return booking
}

beforeEach(() => {
  fake = freshDesk()
  said = vi.spyOn(useAnnouncerStore(), 'say')
})

describe('what the receptionist hears about a booking', () => {
  it('"Sending", then the booking in words (its local day and time) and its reference in groups', async () => {
    booked()
    const booking = await openForm('09:00')

    await booking.submit()

    // 09:00 in Sydney is still Thursday in UTC: the day said is the clinic's.
    expect(said.mock.calls).toEqual([
      ['Sending the booking…'],
      [
        `Booked: Standard Consult, Friday 15 February at 09:00, Main Appointment Schedule, for Judith Bourke. Reference ${SPOKEN_REFERENCE}. Copy reference is focused.`,
      ],
    ])
  })

  it('leaves out what this location does not know about a time booked at another one', async () => {
    booked()
    await useClinicStore().load()
    const booking = useBookingStore()
    booking.beginFromSuggestion(
      suggestionAt({
        locationId: 106,
        scheduleId: 300,
        appointmentTypeId: 301,
        start: at(DAY, '10:00'),
        end: at(DAY, '10:15'),
        clinicianId: null,
      }),
      { firstName: 'Judith', lastName: 'Bourke', patientName: 'Muffett' },
    )

    await booking.submit()

    expect(said.mock.calls.at(-1)).toEqual([
      `Booked: Friday 15 February at 10:00, for Judith Bourke. Reference ${SPOKEN_REFERENCE}. Copy reference is focused.`,
    ])
  })

  it('says urgently which fields to correct when the desk’s own checks refuse the form', async () => {
    const booking = await openForm()
    booking.update({ firstName: '', lastName: ' ' })

    await booking.submit()

    expect(said.mock.calls).toEqual([
      [
        'Not sent: 2 fields need correcting. First name is required. Last name is required.',
        'assertive',
      ],
    ])
  })

  it('says urgently what the server refused, by field when it names them, else in its words', async () => {
    const booking = await openForm()
    fake.answer({
      'booking:create': () =>
        fail('VALIDATION', 'The server refused the booking.', {
          fieldErrors: [{ field: 'start', message: 'Booking start is not on a slot boundary' }],
        }),
    })
    await booking.submit()
    fake.answer({
      'booking:create': () => fail('VALIDATION', 'The server refused the booking.'),
    })
    await booking.submit()

    expect(said.mock.calls.filter(([, urgency]) => urgency === 'assertive')).toEqual([
      ['Not sent: 1 field needs correcting. Booking start is not on a slot boundary', 'assertive'],
      ['The server refused the booking.', 'assertive'],
    ])
  })

  it('says "Not booked" for a time just taken, and never for a booking whose answer was lost', async () => {
    const booking = await openForm()
    fake.answer({ 'booking:create': () => fail('CONFLICT', 'That time was just taken.') })
    await booking.submit()
    fake.answer({
      'booking:create': () => fail('OUTCOME_UNKNOWN', 'The time now shows busy.'),
    })
    booking.beginFromSuggestion(
      suggestionAt({
        scheduleId: 136,
        appointmentTypeId: 66,
        start: at(DAY, '11:30'),
        end: at(DAY, '11:45'),
        clinicianId: null,
      }),
    )
    await booking.submit()

    expect(said.mock.calls.filter(([, urgency]) => urgency === 'assertive')).toEqual([
      [
        'Not booked. That time was just taken. Your details are kept: choose another time below, or pick one on the board.',
        'assertive',
      ],
      ['No answer came back: the booking may exist. The time now shows busy.', 'assertive'],
    ])
  })

  it('says nothing more when the desk is signed out while a booking is on its way', async () => {
    const booking = await openForm()
    const answer = deferred<Result<BookingConfirmation>>()
    fake.answer({ 'booking:create': () => answer.promise })

    const draft = booking.draft!
    const sending = booking.submit()
    booking.$reset()
    answer.resolve(ok({ reference: REFERENCE, draft, createdAt: 1 }))

    expect(await sending).toBe(false)
    expect(said.mock.calls).toEqual([['Sending the booking…']])
    expect([booking.phase, booking.confirmation, booking.error]).toEqual(['closed', null, null])
  })
})

describe('before the location’s details have arrived', () => {
  const sameCustomer = (start: number): JournalEntry => ({
    reference: REFERENCE,
    draft: {
      locationId: 98,
      scheduleId: 136,
      appointmentTypeId: 66,
      start,
      end: start + 15 * 60_000,
      title: '',
      firstName: 'Judith',
      lastName: 'Bourke',
      mobile: '',
      phone: '',
      email: '',
      patientName: 'Muffett',
      notes: '',
      clinicianId: null,
    },
    submittedAt: 1,
    outcome: 'booked',
    message: null,
  })

  it('a suggested time is still told apart from the same customer’s booking on another day, and said', async () => {
    fake.answer({
      'booking:listJournal': () => ok([sameCustomer(at('2030-02-20', '09:00'))]),
    })
    booked()
    await useJournalStore().load()
    const booking = useBookingStore()
    booking.beginFromSuggestion(
      suggestionAt({
        scheduleId: 136,
        appointmentTypeId: 66,
        start: at(DAY, '12:00'),
        end: at(DAY, '12:15'),
        clinicianId: null,
      }),
      { firstName: 'Judith', lastName: 'Bourke', patientName: 'Muffett' },
    )

    const sent = await booking.submit()

    expect(sent).toBe(true)
    expect(booking.duplicate).toBeNull()
    expect(said.mock.calls.at(-1)?.[0]).toMatch(/^Booked: Friday 15 February at \d\d:\d\d, for /)
  })
})

describe('the clinician check and "Check again" where the board cannot tell', () => {
  it('leaves a time at another location on the same day to main’s check', async () => {
    booked()
    await useClinicStore().load()
    await useCalendarStore().show(DAY)
    const booking = useBookingStore()
    booking.beginFromSuggestion(
      suggestionAt({
        locationId: 106,
        scheduleId: 300,
        appointmentTypeId: 301,
        start: at(DAY, '09:00'),
        end: at(DAY, '09:15'),
        clinicianId: 1158,
      }),
      { firstName: 'Judith', lastName: 'Bourke', patientName: 'Muffett' },
    )

    expect(await booking.submit()).toBe(true)
    expect(booking.fieldErrors).toEqual([])
  })

  it('"Check again" with nothing unanswered asks nothing and says nothing', async () => {
    const booking = await openForm()

    await booking.checkAgain()

    expect(booking.checked).toBeNull()
    expect(fake.callsTo('calendar:loadDay')).toHaveLength(1)
  })

  it('"Check again" reads the unanswered booking’s own schedule, not the first one', async () => {
    fake.answer({ 'booking:create': () => fail('OUTCOME_UNKNOWN', 'No answer came back.') })
    // New Patient on the surgery schedule, 10:30–11:30: the main schedule is busy 10:45–11:30, the surgery free.
    const booking = await openForm('10:30', 211, 76)
    await booking.submit()

    await booking.checkAgain()

    expect(booking.unconfirmed).toMatchObject({ scheduleId: 211, end: at(DAY, '11:30') })
    expect(booking.checked).toMatch(/the time still shows as free/)
  })

  it('"Check again" cannot read the time when the day fails to load, even with the board’s last day in hand', async () => {
    fake.answer({ 'booking:create': () => fail('OUTCOME_UNKNOWN', 'No answer came back.') })
    const booking = await openForm()
    await booking.submit()
    fake.answer({ 'calendar:loadDay': () => fail('NETWORK', 'Cannot reach the server.') })

    await booking.checkAgain()

    expect(useCalendarStore().day?.date).toBe(DAY)
    expect(booking.checked).toMatch(/the time could not be read/)
  })

  it('"Check again" cannot read the time when no day has ever loaded', async () => {
    fake.answer({
      'booking:create': () => fail('OUTCOME_UNKNOWN', 'No answer came back.'),
      'calendar:loadDay': () => fail('NETWORK', 'Cannot reach the server.'),
    })
    await useClinicStore().load()
    const booking = useBookingStore()
    booking.beginFromSuggestion(
      suggestionAt({
        scheduleId: 136,
        appointmentTypeId: 66,
        start: at(DAY, '09:00'),
        end: at(DAY, '09:15'),
        clinicianId: null,
      }),
      { firstName: 'Judith', lastName: 'Bourke', patientName: 'Muffett' },
    )
    await booking.submit()

    await booking.checkAgain()

    expect(useCalendarStore().day).toBeNull()
    expect(booking.checked).toMatch(/the time could not be read/)
  })

  it('"Check again" cannot read the time while every schedule is hidden and no day has loaded', async () => {
    fake.answer({ 'booking:create': () => fail('OUTCOME_UNKNOWN', 'No answer came back.') })
    await useClinicStore().load()
    useClinicStore().chooseSchedules({ order: [], hidden: [136, 211] })
    const booking = useBookingStore()
    booking.beginFromSuggestion(
      suggestionAt({
        scheduleId: 136,
        appointmentTypeId: 66,
        start: at(DAY, '09:00'),
        end: at(DAY, '09:15'),
        clinicianId: null,
      }),
      { firstName: 'Judith', lastName: 'Bourke', patientName: 'Muffett' },
    )
    await booking.submit()

    await booking.checkAgain()

    expect([useCalendarStore().status, useCalendarStore().day]).toEqual(['ready', null])
    expect(booking.checked).toMatch(/the time could not be read/)
  })

  it('"Check again" cannot read the time while every schedule is hidden and the board shows another day', async () => {
    fake.answer({ 'booking:create': () => fail('OUTCOME_UNKNOWN', 'No answer came back.') })
    const booking = await openForm()
    await booking.submit()
    await useCalendarStore().show('2030-02-16')
    useClinicStore().chooseSchedules({ order: [], hidden: [136, 211] })

    await booking.checkAgain()

    expect([useCalendarStore().status, useCalendarStore().day?.date]).toEqual([
      'ready',
      '2030-02-16',
    ])
    expect(booking.checked).toMatch(/the time could not be read/)
  })
})

describe('the same customer and patient that day', () => {
  const entry = (firstName: string, lastName: string): JournalEntry => ({
    reference: REFERENCE,
    draft: {
      locationId: 98,
      scheduleId: 136,
      appointmentTypeId: 66,
      start: at(DAY, '10:00'),
      end: at(DAY, '10:15'),
      title: '',
      firstName,
      lastName,
      mobile: '',
      phone: '',
      email: '',
      patientName: 'Muffett',
      notes: '',
      clinicianId: null,
    },
    submittedAt: 1,
    outcome: 'booked',
    message: null,
  })

  it('is not another customer whose names run together the same way, nor another surname', async () => {
    fake.answer({
      'booking:listJournal': () => ok([entry('Judit', 'hBourke'), entry('Judith', 'Burke')]),
    })
    booked()
    await useJournalStore().load()
    const booking = await openForm('14:00')

    expect(await booking.submit()).toBe(true)
  })

  it('is the same customer typed now with spaces round the names', async () => {
    fake.answer({
      'booking:listJournal': () => ok([entry('Judith', 'Bourke')]),
    })
    await useJournalStore().load()
    const booking = await openForm('14:00')
    booking.update({ firstName: ' Judith ', lastName: 'Bourke  ', patientName: ' Muffett' })

    expect(await booking.submit()).toBe(false)
    expect(booking.duplicate?.reference).toBe(REFERENCE)
  })
})
