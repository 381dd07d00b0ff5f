// After a booking got no answer the form cannot simply be sent again, and a second booking for
// the same customer and patient that day is shown before it is sent.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { JournalEntry } from '../../../src/shared/domain'
import { fail, ok } from '../../../src/shared/result'
import { useBookingStore } from '../../../src/renderer/src/stores/booking'
import { useCalendarStore } from '../../../src/renderer/src/stores/calendar'
import { useClinicStore } from '../../../src/renderer/src/stores/clinic'
import { useJournalStore } from '../../../src/renderer/src/stores/journal'
import { type FakeApi } from '../helpers/fake-api'
import { freshDesk } from '../helpers/desk'
import { at, dayView } from '../helpers/fixtures'

vi.mock(
  '../../../src/renderer/src/api',
  async () => (await import('../helpers/api-module')).apiModule,
)

const DAY = '2030-02-15'
let fake: FakeApi

async function openForm(
  start = '09:00',
  end = '09:15',
): Promise<ReturnType<typeof useBookingStore>> {
  await useClinicStore().load()
  await useCalendarStore().show(DAY)
  await useJournalStore().load()
  const booking = useBookingStore()
  booking.begin({ scheduleId: 136, start: at(DAY, start), end: at(DAY, end) })
  booking.chooseType(66)
  booking.update({
    firstName: 'Judith',
    lastName: 'Bourke',
    mobile: '0418',
    patientName: 'Muffett',
  })
  return booking
}

beforeEach(() => {
  fake = freshDesk({
    'booking:create': () => fail('OUTCOME_UNKNOWN', 'No usable answer came back from OpenVPMS.'),
  })
})

describe('booking store after an unanswered booking', () => {
  it('sends nothing on a second Confirm; only "Book anyway" sends again', async () => {
    const booking = await openForm()
    await booking.submit()

    const again = await booking.submit()
    const callsAfterAgain = fake.callsTo('booking:create').length
    await booking.submit({ anyway: true })

    expect(again).toBe(false)
    expect(booking.unconfirmed).toMatchObject({ scheduleId: 136, start: at(DAY, '09:00') })
    expect(callsAfterAgain).toBe(1)
    expect(fake.callsTo('booking:create')).toHaveLength(2)
  })

  it('"Check again" re-reads the day and the journal and says the time now shows as taken', async () => {
    const booking = await openForm()
    await booking.submit()
    const taken = dayView(DAY)
    fake.answer({
      'calendar:loadDay': () =>
        ok({
          ...taken,
          schedules: taken.schedules.map((s) =>
            s.scheduleId === 136
              ? { ...s, busy: [...s.busy, { start: at(DAY, '09:00'), end: at(DAY, '09:15') }] }
              : s,
          ),
        }),
    })
    const journalLoads = fake.callsTo('booking:listJournal').length

    await booking.checkAgain()

    expect(booking.checked).toMatch(
      /^Checked again at \d\d:\d\d:\d\d: the time now shows as taken — most likely this desk’s booking went through/,
    )
    expect(fake.callsTo('calendar:loadDay').at(-1)?.refresh).toBe(true)
    expect(fake.callsTo('booking:listJournal').length).toBeGreaterThan(journalLoads)
  })

  it('forgets the unanswered time once another time is chosen', async () => {
    const booking = await openForm()
    await booking.submit()

    booking.begin({ scheduleId: 136, start: at(DAY, '14:00'), end: at(DAY, '14:15') })

    expect(booking.unconfirmed).toBeNull()
  })
})

describe('booking store before a second booking for the same customer that day', () => {
  const earlier: JournalEntry = {
    reference: '1234:0d3f0b5e-1afb-11e6-be41-3dbaef689d97',
    draft: {
      locationId: 98,
      scheduleId: 136,
      appointmentTypeId: 66,
      start: at(DAY, '10:00'),
      end: at(DAY, '10:15'),
      title: '',
      firstName: 'Judith',
      lastName: 'Bourke',
      mobile: '0418',
      phone: '',
      email: '',
      patientName: 'Muffett',
      notes: '',
      clinicianId: null,
    },
    submittedAt: Date.now(),
    outcome: 'booked',
    message: null,
  }

  it('shows the earlier booking (time and reference) and sends only once confirmed', async () => {
    fake.answer({ 'booking:listJournal': () => ok([earlier]) })
    const booking = await openForm('14:00', '14:15')

    const first = await booking.submit()
    const shown = booking.duplicate
    const callsBefore = fake.callsTo('booking:create').length
    await booking.submit({ alsoThisOne: true })

    expect(first).toBe(false)
    expect(callsBefore).toBe(0)
    expect(shown?.reference).toBe(earlier.reference)
    expect(fake.callsTo('booking:create')).toHaveLength(1)
  })

  it('does not warn about a cancelled booking or another patient', async () => {
    fake.answer({
      'booking:listJournal': () =>
        ok([
          { ...earlier, outcome: 'cancelled' },
          { ...earlier, draft: { ...earlier.draft, patientName: 'Rex' } },
        ]),
    })
    const booking = await openForm('14:00', '14:15')

    await booking.submit()

    expect(booking.duplicate).toBeNull()
    expect(fake.callsTo('booking:create')).toHaveLength(1)
  })
})

describe('booking store: what is said and kept between attempts', () => {
  const earlierBooking = (changes: Partial<JournalEntry['draft']>, submittedAt: number) =>
    ({
      reference: `${submittedAt}:0d3f0b5e-1afb-11e6-be41-3dbaef689d97`,
      draft: {
        locationId: 98,
        scheduleId: 136,
        appointmentTypeId: 66,
        start: at(DAY, '10:00'),
        end: at(DAY, '10:15'),
        title: '',
        firstName: 'Judith',
        lastName: 'Bourke',
        mobile: '0418',
        phone: '',
        email: '',
        patientName: 'Muffett',
        notes: '',
        clinicianId: null,
        ...changes,
      },
      submittedAt,
      outcome: 'booked',
      message: null,
    }) satisfies JournalEntry

  it('"Check again" says when the time still shows free, and when the day could not be read now', async () => {
    const booking = await openForm()
    await booking.submit()

    await booking.checkAgain()
    const free = booking.checked
    fake.answer({
      'calendar:loadDay': (request) =>
        ok({ ...dayView(request.date), offline: { since: 1, reason: 'Cannot reach the server.' } }),
    })
    await booking.checkAgain()
    const kept = booking.checked
    fake.answer({ 'calendar:loadDay': () => fail('NETWORK', 'Cannot reach the server.') })
    await booking.checkAgain()

    expect(free).toMatch(
      /^Checked again at \d\d:\d\d:\d\d: the time still shows as free, so the booking most likely did not go through — but a slow server may still save it\.$/,
    )
    for (const unread of [kept, booking.checked]) {
      expect(unread).toMatch(
        /^Checked again at \d\d:\d\d:\d\d: the time could not be read\. Look in the appointment book before booking again\.$/,
      )
    }
  })

  it('"Check again" reads the unanswered booking’s own day when the board shows another', async () => {
    const booking = await openForm()
    await booking.submit()
    await useCalendarStore().show('2030-02-16')

    await booking.checkAgain()

    expect(fake.callsTo('calendar:loadDay').at(-1)?.date).toBe(DAY)
    expect(booking.checked).toMatch(/the time still shows as free/)
  })

  it('a second Confirm for another time sends, though an earlier time got no answer', async () => {
    const booking = await openForm()
    await booking.submit()
    booking.update({ patientName: 'Rex' })
    booking.beginFromSuggestion({
      locationId: 98,
      scheduleId: 136,
      appointmentTypeId: 66,
      start: at(DAY, '11:00'),
      end: at(DAY, '11:15'),
      clinicianId: null,
      names: { location: 'Main Clinic', schedule: 'Main', type: 'Consult', clinician: null },
    })

    await booking.submit()

    expect(fake.callsTo('booking:create')).toHaveLength(2)
  })

  it('shows the newest booking of the same customer and patient, however their names were typed', async () => {
    fake.answer({
      'booking:listJournal': () =>
        ok([
          earlierBooking({}, 1),
          earlierBooking({ firstName: ' judith ', lastName: 'BOURKE', start: at(DAY, '11:00') }, 2),
          earlierBooking({ locationId: 106 }, 3),
          earlierBooking({ start: at('2030-02-16', '10:00') }, 4),
        ]),
    })
    const booking = await openForm('14:00', '14:15')

    await booking.submit()

    expect(booking.duplicate?.reference).toBe(earlierBooking({}, 2).reference)
    expect(fake.callsTo('booking:create')).toHaveLength(0)
  })

  it('counts an earlier booking that got no answer, which may exist', async () => {
    fake.answer({
      'booking:listJournal': () => ok([{ ...earlierBooking({}, 1), outcome: 'unknown' }]),
    })
    const booking = await openForm('14:00', '14:15')

    await booking.submit()

    expect(booking.duplicate?.reference).toBe(earlierBooking({}, 1).reference)
  })

  it('an edit clears the problems of the fields edited, and only those', async () => {
    const booking = await openForm()
    booking.update({ firstName: '', lastName: '', mobile: '', email: 'judith at example' })
    await booking.submit()

    booking.update({ firstName: 'Judith' })

    expect(booking.fieldErrors.map((problem) => problem.field)).toEqual(['lastName', 'email'])
  })
})
