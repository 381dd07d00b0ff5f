import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { bookingHandlers } from '../../../src/main/booking/ipc'
import { BookingJournal } from '../../../src/main/booking/journal'
import { BookingService } from '../../../src/main/booking/service'
import { CalendarService } from '../../../src/main/calendar/service'
import { ClinicService } from '../../../src/main/clinic/service'
import { seedDataset } from '../../../src/main/sandbox/seed'
import type { BookingDraft, DayView } from '../../../src/shared/domain'
import { AppFailure } from '../../../src/shared/result'
import { formatTime } from '../../../src/shared/time'
import {
  at,
  otherDeskBooking,
  codeOf,
  failureOf,
  startServices,
  SYDNEY,
  type Services,
} from '../clinic/harness'
import { guideDraft } from '../../helpers/booking-draft'

const draft = (overrides: Partial<BookingDraft> = {}): BookingDraft =>
  guideDraft({ notes: 'Limping on the left fore', ...overrides })
const fieldsOf = (failure: AppFailure): string[] =>
  (failure.error.fieldErrors ?? []).map((e) => e.field)
const startsOf = (failure: AppFailure): string[] =>
  (failure.error.alternatives ?? []).map((a) => formatTime(a.start, SYDNEY))
const busyOn = (view: DayView, scheduleId: number): string[] =>
  (view.schedules.find((x) => x.scheduleId === scheduleId)?.busy ?? []).map(
    (r) => `${formatTime(r.start, SYDNEY)}-${formatTime(r.end, SYDNEY)}`,
  )

/** Another desk's (or the online form's) POST for the guide's customer on the guide's schedule. */
const wire = otherDeskBooking

let s: Services
afterEach(() => s.close())

describe('BookingService.create', () => {
  beforeEach(async () => {
    s = await startServices()
  })

  it('books, records it in the journal and refreshes the board', async () => {
    const confirmation = await s.booking.create(draft())
    await s.calendar.whenIdle()

    expect(confirmation.reference).toMatch(/^\d+:[0-9a-f-]{36}$/)
    expect(confirmation.draft).toEqual(draft())
    const [entry] = await s.journal.list()
    expect(entry).toMatchObject({
      reference: confirmation.reference,
      outcome: 'booked',
      draft: draft(),
    })
    const update = s.events.find((e) => e.event === 'calendar:dayUpdated')?.payload as DayView
    expect(busyOn(update, 136)).toEqual(['10:45-11:30', '12:30-12:45'])
    expect(s.events.some((e) => e.event === 'booking:journalChanged')).toBe(true)
  })

  it('refuses a bad draft with field errors before sending anything', async () => {
    await s.clinic.loadLocation(98)
    const before = s.sandbox.requestCount

    const names = await failureOf(
      s.booking.create(draft({ firstName: ' ', lastName: '', mobile: '', email: 'judith@' })),
    )
    const noContact = await failureOf(
      s.booking.create(draft({ mobile: '', phone: ' ', email: '' })),
    )
    const unaligned = await failureOf(
      s.booking.create(draft({ start: at('12:35'), end: at('12:50') })),
    )
    const tooLong = await failureOf(s.booking.create(draft({ end: at('13:00') })))
    const wrongType = await failureOf(s.booking.create(draft({ appointmentTypeId: 84 })))
    const past = await failureOf(
      s.booking.create(draft({ start: at('08:45', '2019-02-14'), end: at('09:00', '2019-02-14') })),
    )
    const stranger = await failureOf(s.booking.create(draft({ clinicianId: 1160 })))

    expect(fieldsOf(names)).toEqual(['firstName', 'lastName', 'email'])
    expect(fieldsOf(noContact)).toEqual(['mobile', 'phone', 'email'])
    expect(fieldsOf(unaligned)).toEqual(['start'])
    expect(fieldsOf(tooLong)).toEqual(['end'])
    expect(fieldsOf(wrongType)).toEqual(['appointmentTypeId'])
    expect(fieldsOf(past)).toEqual(['start'])
    expect(fieldsOf(stranger)).toEqual(['clinicianId'])
    for (const failure of [names, noContact, unaligned, tooLong, wrongType, past, stranger]) {
      expect(failure.error.code).toBe('VALIDATION')
    }
    expect(s.sandbox.requestCount).toBe(before)
  })

  it('says what to correct in each refused detail', async () => {
    await s.clinic.loadLocation(98)
    const refused = (overrides: Partial<BookingDraft>) =>
      failureOf(s.booking.create(draft(overrides)))

    const noContact = await refused({ mobile: '', phone: '', email: '' })
    const unaligned = await refused({ start: at('12:35'), end: at('12:50') })
    const withSeconds = await refused({ start: at('12:30') + 30_000, end: at('12:45') + 30_000 })
    const tooLong = await refused({ end: at('13:00') })
    const rightNow = await refused({
      start: at('09:00', '2019-02-14'),
      end: at('09:15', '2019-02-14'),
    })

    expect(noContact.error.message).toBe('Some details need attention before this can be booked.')
    expect(noContact.error.fieldErrors).toEqual(
      ['mobile', 'phone', 'email'].map((field) => ({
        field,
        message:
          'Enter a mobile, a phone number or an email, so the clinic can reach the customer.',
      })),
    )
    const offSlot = [
      { field: 'start', message: 'The start must be on one of the schedule’s 15-minute slots.' },
    ]
    expect(unaligned.error.fieldErrors).toEqual(offSlot)
    expect(withSeconds.error.fieldErrors).toEqual(offSlot)
    expect(tooLong.error.fieldErrors).toEqual([
      { field: 'end', message: 'Standard Consult lasts 15 minutes on this schedule.' },
    ])
    expect(rightNow.error.fieldErrors).toEqual([
      { field: 'start', message: 'That time has already passed: choose a time in the future.' },
    ])
  })

  it('books a customer reachable by a landline alone, or by email alone', async () => {
    const landline = await s.booking.create(draft({ mobile: '', phone: '02 9555 0101', email: '' }))
    const email = await s.booking.create(
      draft({ start: at('12:45'), end: at('13:00'), mobile: '', email: 'judith@example.com.au' }),
    )

    expect(landline.reference).toMatch(/^\d+:/)
    expect(email.reference).toMatch(/^\d+:/)
  })

  it('accepts every ordinary email address and catches the usual slips', async () => {
    const emailProblem = async (email: string): Promise<boolean> => {
      // A missing first name keeps each attempt from being sent; only whether email is flagged matters here.
      const failure = await failureOf(s.booking.create(draft({ firstName: '', email })))
      return fieldsOf(failure).includes('email')
    }
    const good = ['judith@example.com', 'j.bourke+vet@mail.example.com.au', ' judith@example.com ']
    const bad = [
      'judith@',
      'judith@example',
      '@example.com',
      'judith bourke@example.com',
      'judith@example.com au',
      'judith@@example.com',
      'judith@example.',
    ]

    for (const email of good) expect(await emailProblem(email), email).toBe(false)
    for (const email of bad) expect(await emailProblem(email), email).toBe(true)
  })

  it('sends and records names and contacts without the spaces typed around them', async () => {
    const padded = draft({
      title: ' Ms ',
      firstName: '  Judith ',
      lastName: ' Bourke  ',
      mobile: ' 0418976543 ',
      phone: ' 02 9555 0101 ',
      email: ' judith@example.com ',
      patientName: ' Muffett ',
      notes: '  Limping  ',
    })

    const confirmation = await s.booking.create(padded)

    const trimmed = {
      title: 'Ms',
      firstName: 'Judith',
      lastName: 'Bourke',
      mobile: '0418976543',
      phone: '02 9555 0101',
      email: 'judith@example.com',
      patientName: 'Muffett',
      notes: 'Limping',
    }
    expect(confirmation.draft).toMatchObject(trimmed)
    expect((await s.journal.find(confirmation.reference))?.draft).toMatchObject(trimmed)
  })

  it('offers only future alternatives, each as long as the type', async () => {
    await s.booking.create(draft())
    s.setNow('2019-02-15T12:05:00+11:00')

    const failure = await failureOf(
      s.booking.create(draft({ firstName: 'Olivia', lastName: 'Smith' })),
    )

    expect(startsOf(failure)).toEqual(['12:15', '12:45', '13:00', '13:15'])
    for (const alternative of failure.error.alternatives ?? []) {
      expect(alternative.end - alternative.start).toBe(15 * 60_000)
    }
  })

  it('answers CONFLICT with the nearest free starts when the time was taken since the board loaded', async () => {
    await s.booking.create(draft())

    const failure = await failureOf(
      s.booking.create(draft({ firstName: 'Olivia', lastName: 'Smith' })),
    )

    expect(failure.error.code).toBe('CONFLICT')
    expect(startsOf(failure)).toEqual(['12:15', '12:45', '12:00', '13:00'])
    expect(failure.error.alternatives?.[0]).toMatchObject({
      scheduleId: 136,
      appointmentTypeId: 66,
      clinicianId: null,
    })
  })

  it('says a time another desk took since the board loaded is no longer free, and never blames this desk', async () => {
    await s.newClient().createBooking(wire({ start: at('12:30'), end: at('12:45') }))

    const failure = await failureOf(s.booking.create(draft()))

    expect(failure.error.message).toBe(
      'That time is no longer free on this schedule: someone may have booked it since the board loaded. Nearest free: 12:15, 12:45, 12:00, 13:00.',
    )
  })

  it('never calls a time this desk booked (and got its answer for) an unconfirmed booking', async () => {
    await s.booking.create(draft())

    const again = await failureOf(
      s.booking.create(draft({ firstName: 'Olivia', lastName: 'Smith' })),
    )

    expect(again.error.message).toMatch(/^That time is no longer free on this schedule/)
    expect(again.error.message).not.toContain('unconfirmed')
  })

  it('names the clinician who is not available, and says when nothing else is free for them that day', async () => {
    // Chris Barton works at Main Clinic but is rostered nowhere.
    const failure = await failureOf(s.booking.create(draft({ clinicianId: 1159 })))

    expect(failure.error.code).toBe('CONFLICT')
    expect(failure.error.message).toBe(
      'Chris Barton is not available at that time. Nothing else is free for it that day.',
    )
    expect(failure.error.alternatives).toEqual([])
  })

  it('refuses a time outside the schedule’s opening hours as a CONFLICT, offering the first times of the day', async () => {
    const failure = await failureOf(
      s.booking.create(draft({ start: at('08:00'), end: at('08:15') })),
    )

    expect(failure.error.code).toBe('CONFLICT')
    expect(failure.error.message).toContain('outside the schedule’s free time')
    expect(startsOf(failure)).toEqual(['09:00', '09:15', '09:30', '09:45'])
  })

  it('of two desks booking the same time at once, exactly one succeeds', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'desk-'))
    const other = s.newClient()
    const clinic = new ClinicService({ getClient: () => other })
    const calendar = new CalendarService({
      getClient: () => other,
      clinic,
      emit: () => undefined,
      now: () => at('09:00', '2019-02-14'),
    })
    const journal = new BookingJournal({
      file: join(dir, 'journal.json'),
      emit: () => undefined,
      now: () => at('09:00', '2019-02-14'),
    })
    const secondDesk = new BookingService({
      getClient: () => other,
      clinic,
      calendar,
      journal,
      now: () => at('09:00', '2019-02-14'),
    })
    await Promise.all([s.clinic.loadLocation(98), clinic.loadLocation(98)])

    const results = await Promise.allSettled([
      s.booking.create(draft()),
      secondDesk.create(draft({ firstName: 'Olivia', lastName: 'Smith' })),
    ])
    await calendar.whenIdle()
    await rm(dir, { recursive: true, force: true })

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const refused = results.find((r) => r.status === 'rejected')
    const loser = refused?.reason as AppFailure
    expect(loser.error.code).toBe('CONFLICT')
    expect(startsOf(loser)).toEqual(['12:15', '12:45', '12:00', '13:00'])
    expect(loser.error.message).toContain('Nearest free: 12:15, 12:45, 12:00, 13:00.')
  })

  it('maps the server’s own past-time refusal to a VALIDATION error on start', async () => {
    s.sandbox.setNow('2019-02-15T13:00:00+11:00')

    const failure = await failureOf(s.booking.create(draft()))

    expect(failure.error.code).toBe('VALIDATION')
    expect(fieldsOf(failure)).toEqual(['start'])
    expect((await s.journal.list())[0]?.outcome).toBe('failed')
  })

  it('refuses a time the chosen clinician is not rostered for, offering theirs', async () => {
    const failure = await failureOf(
      s.booking.create(draft({ clinicianId: 1158, start: at('09:00'), end: at('09:15') })),
    )

    expect(failure.error.code).toBe('CONFLICT')
    expect(failure.error.message).toContain('Andrew Turner')
    expect(startsOf(failure)).toEqual(['11:30', '11:45', '12:00', '12:15'])
  })

  it('reads each of the location’s schedules and the clinician once to check a time with them', async () => {
    await s.clinic.loadLocation(98)
    const before = s.sandbox.recentPaths.length

    await failureOf(
      s.booking.create(draft({ clinicianId: 1158, start: at('09:00'), end: at('09:15') })),
    )

    const read = s.sandbox.recentPaths.slice(before).map((path) => path.split('?')[0])
    expect(read.toSorted()).toEqual(
      [
        '/schedules/136/freebusy',
        '/schedules/211/freebusy',
        '/users/1158/locations/98/freebusy',
      ].toSorted(),
    )
  })

  it('refuses a clinician already booked at that time on another schedule, though the server lists them free there (spec §6.5)', async () => {
    await s.booking.create(
      draft({ clinicianId: 1158, scheduleId: 136, start: at('14:00'), end: at('14:15') }),
    )

    const failure = await failureOf(
      s.booking.create(
        draft({
          firstName: 'Olivia',
          lastName: 'Smith',
          scheduleId: 211,
          appointmentTypeId: 87,
          clinicianId: 1158,
          start: at('14:00'),
          end: at('14:30'),
        }),
      ),
    )

    expect(failure.error.code).toBe('CONFLICT')
    expect(failure.error.message).toContain('Andrew Turner is not available at that time.')
  })

  it('keeps the clinician’s name beside a booking made with them', async () => {
    const { reference } = await s.booking.create(
      draft({
        scheduleId: 211,
        appointmentTypeId: 87,
        clinicianId: 1158,
        start: at('09:00'),
        end: at('09:30'),
      }),
    )

    expect((await s.journal.find(reference))?.labels).toMatchObject({
      schedule: 'Main Surgery Schedule',
      appointmentType: 'Post-op Check',
      clinician: 'Andrew Turner',
    })
  })

  it('books with a clinician inside their availability', async () => {
    const confirmation = await s.booking.create(
      draft({
        scheduleId: 211,
        appointmentTypeId: 87,
        clinicianId: 1158,
        start: at('09:00'),
        end: at('09:30'),
      }),
    )

    expect(confirmation.draft.clinicianId).toBe(1158)
  })
})

describe('BookingService.create on a schedule without a slot size', () => {
  it('says the schedule cannot be booked and sends nothing', async () => {
    const dataset = seedDataset()
    s = await startServices({
      sandbox: {
        dataset: {
          ...dataset,
          schedules: dataset.schedules?.map((schedule) =>
            schedule.id === 136 ? { ...schedule, slotSize: 0 } : schedule,
          ),
        },
      },
    })
    await s.clinic.loadLocation(98)
    const before = s.sandbox.requestCount

    const failure = await failureOf(s.booking.create(draft()))

    expect(failure.error.code).toBe('VALIDATION')
    expect(failure.error.fieldErrors).toEqual([
      {
        field: 'scheduleId',
        message:
          'Main Appointment Schedule has no slot size set in OpenVPMS, so nothing can be booked on it: choose another schedule.',
      },
    ])
    expect(s.sandbox.requestCount).toBe(before)
  })
})

describe('BookingService.get and cancel', () => {
  beforeEach(async () => {
    s = await startServices()
  })

  it('looks a booking up by its (trimmed) reference', async () => {
    const { reference } = await s.booking.create(draft())

    const found = await s.booking.get(`  ${reference}\n`)

    expect(found).toMatchObject({
      reference,
      scheduleId: 136,
      appointmentTypeId: 66,
      start: at('12:30'),
      end: at('12:45'),
      firstName: 'Judith',
      lastName: 'Bourke',
      source: 'server',
      // The server never returns notes (spec §7.3); this desk's journal has them.
      notes: 'Limping on the left fore',
      clinicianId: null,
    })
  })

  it('completes a new customer the server does not name from the journal, keeping the server’s times', async () => {
    const { reference } = await s.booking.create(
      draft({ firstName: 'Rex', lastName: 'Newman', mobile: '0400111222', patientName: 'Biscuit' }),
    )

    const found = await s.booking.get(reference)

    expect(found).toMatchObject({
      source: 'server',
      start: at('12:30'),
      firstName: 'Rex',
      lastName: 'Newman',
      mobile: '0400111222',
      patientName: 'Biscuit',
      notes: 'Limping on the left fore',
    })
  })

  it('looks up a booking made online or at another desk, with the server’s details alone', async () => {
    const reference = await s.newClient().createBooking({
      location: 98,
      schedule: 136,
      appointmentType: 66,
      start: at('13:00'),
      end: at('13:15'),
      title: null,
      firstName: 'Judith',
      lastName: 'Bourke',
      email: null,
      phone: null,
      mobile: '0418976543',
      patientName: 'Muffett',
      notes: 'Typed at the other desk',
      user: null,
    })

    const found = await s.booking.get(reference)

    expect(await s.journal.find(reference)).toBeNull()
    expect(found).toMatchObject({
      reference,
      source: 'server',
      start: at('13:00'),
      end: at('13:15'),
      firstName: 'Judith',
      lastName: 'Bourke',
      patientName: 'Muffett',
      notes: null,
    })
  })

  it('tells a malformed reference from an unknown one', async () => {
    const malformed = await failureOf(s.booking.get('123'))
    const unknown = await failureOf(s.booking.get('999999:be08f3c6-1afb-11e6-be41-3dbaef689d97'))
    const blank = await failureOf(s.booking.get('   '))

    expect(malformed.error.code).toBe('VALIDATION')
    expect(fieldsOf(malformed)).toEqual(['reference'])
    expect(unknown.error.code).toBe('NOT_FOUND')
    expect(blank.error.code).toBe('VALIDATION')
  })

  it('cancels a pending booking, marks the journal and frees the time on the board', async () => {
    const { reference } = await s.booking.create(draft())
    await s.calendar.whenIdle()
    s.events.length = 0

    const cancelled = await s.booking.cancel(reference)
    await s.calendar.whenIdle()

    expect(cancelled).toEqual({ reference })
    expect((await s.journal.find(reference))?.outcome).toBe('cancelled')
    const update = s.events.find((e) => e.event === 'calendar:dayUpdated')?.payload as DayView
    expect(busyOn(update, 136)).toEqual(['10:45-11:30'])
    const again = await failureOf(s.booking.cancel(reference))
    expect(again.error.code).toBe('NOT_FOUND')
    expect(again.error.message).toContain('already cancelled')
  })

  it('cancels a booking made elsewhere and refreshes the day on the board', async () => {
    const reference = await s.newClient().createBooking(wire())
    const before = await s.calendar.loadDay({ locationId: 98, date: '2019-02-15', scheduleIds: [] })
    await s.calendar.whenIdle()

    await s.booking.cancel(reference)
    await s.calendar.whenIdle()

    const update = s.events.find((e) => e.event === 'calendar:dayUpdated')?.payload as DayView
    expect(busyOn(before, 136)).toEqual(['10:45-11:30', '13:00-13:15'])
    expect(update.date).toBe('2019-02-15')
    expect(busyOn(update, 136)).toEqual(['10:45-11:30'])
    expect(await s.journal.find(reference)).toBeNull()
  })

  it('says a booking is already cancelled when the journal records it so, without a note', async () => {
    const { reference } = await s.booking.create(draft())
    await s.newClient().cancelBooking(reference)
    await s.journal.markCancelled(reference, null)

    const failure = await failureOf(s.booking.get(reference))

    expect(failure.error.message).toBe(
      `Booking ${reference} is already cancelled: this desk’s journal records it.`,
    )
    expect(failure.error.fieldErrors).toEqual([
      { field: 'reference', message: failure.error.message },
    ])
  })

  it('passes on why a cancel could not be sent, never calling the booking checked in', async () => {
    const { reference } = await s.booking.create(draft())
    s.setClient(null)

    const failure = await failureOf(s.booking.cancel(reference))

    expect(failure.error.code).toBe('NOT_CONNECTED')
    expect(failure.error.message).not.toMatch(/pending|checked in/)
    expect((await s.journal.find(reference))?.outcome).toBe('booked')
  })

  it('lists and exports this desk’s bookings of one day, and the whole journal', async () => {
    const { reference } = await s.booking.create(draft())

    const day = await s.booking.listJournalDay('2019-02-15')
    const otherDay = await s.booking.listJournalDay('2019-02-16')
    const dayFile = await s.booking.exportJournal('2019-02-15')
    const otherDayFile = await s.booking.exportJournal('2019-02-16')
    const wholeFile = await s.booking.exportJournal()

    expect(day.map((entry) => entry.reference)).toEqual([reference])
    expect(otherDay).toEqual([])
    expect(dayFile.fileName).toBe('front-desk-bookings-2019-02-15.csv')
    expect(dayFile.text).toContain(reference)
    expect(otherDayFile.text).not.toContain(reference)
    // Named for the day it was taken, on this computer's calendar.
    const today = DateTime.fromMillis(at('09:00', '2019-02-14')).toISODate()
    expect(wholeFile.fileName).toBe(`front-desk-bookings-to-${today}.csv`)
    expect(wholeFile.text).toBe(dayFile.text)
  })

  it('leaves the board alone when the session changed while the booking’s location was still loading', async () => {
    const { reference } = await s.booking.create(draft())
    await s.calendar.whenIdle()
    s.clinic.reset()
    s.sandbox.injectFault({ kind: 'latency', ms: 200, path: '/locations/98', times: 5 })
    s.events.length = 0

    await s.booking.cancel(reference)
    s.booking.reset()
    await s.clinic.loadLocation(98)
    await s.calendar.whenIdle()

    expect(s.events.filter((e) => e.event === 'calendar:dayUpdated')).toEqual([])
  })

  it('cancels though the board cannot be redrawn afterwards, and logs why', async () => {
    await s.close()
    s = await startServices({ client: { retries: 0 }, log: true })
    const { reference } = await s.booking.create(draft())
    await s.calendar.whenIdle()
    s.clinic.reset()
    s.sandbox.injectFault({ kind: 'status', status: 503, path: '/locations/98', times: 20 })

    const cancelled = await s.booking.cancel(reference)

    expect(cancelled).toEqual({ reference })
    expect((await s.journal.find(reference))?.outcome).toBe('cancelled')
    await vi.waitFor(() =>
      expect(s.logged).toContainEqual({
        level: 'debug',
        message: 'booking: board refresh failed',
        meta: { error: expect.stringContaining('503') },
      }),
    )
  })

  it('answers NOT_PENDING once the patient is checked in', async () => {
    const { reference } = await s.booking.create(draft())
    s.sandbox.setAppointmentStatus(Number(reference.split(':')[0]), 'CHECKED_IN')

    const failure = await failureOf(s.booking.cancel(reference))

    expect(failure.error.code).toBe('NOT_PENDING')
    expect(failure.error.message).toBe(
      'This booking is no longer pending — the patient may be checked in; cancel it in OpenVPMS.',
    )
  })

  it('keeps the names it booked with in the journal, so a search shows them whatever location is on screen', async () => {
    const { reference } = await s.booking.create(draft({ patientName: 'Rex' }))

    const found = await s.booking.searchJournal('rex')

    expect(found.total).toBe(1)
    expect(found.entries[0]?.reference).toBe(reference)
    expect(found.entries[0]?.labels).toEqual({
      location: 'Main Clinic',
      timeZone: 'Australia/Sydney',
      schedule: 'Main Appointment Schedule',
      appointmentType: 'Standard Consult',
      clinician: null,
    })
  })

  it('serves booking:* through its IPC adapters', async () => {
    const handlers = bookingHandlers(s.booking)

    const { reference } = await handlers['booking:create']({ draft: draft() })
    const found = await handlers['booking:get']({ reference })
    const journal = await handlers['booking:listJournal']({})
    const cancelled = await handlers['booking:cancel']({ reference })

    expect(found.reference).toBe(reference)
    expect(journal.map((e) => e.reference)).toEqual([reference])
    expect(cancelled).toEqual({ reference })
  })
})

describe('BookingService.get on a server with the GET defect (spec §7.3)', () => {
  beforeEach(async () => {
    s = await startServices({ sandbox: { emulateGetDefect: true } })
  })

  it('shows this desk’s own copy, notes included', async () => {
    const { reference } = await s.booking.create(draft())

    const found = await s.booking.get(reference)

    expect(found).toMatchObject({
      reference,
      source: 'journal',
      firstName: 'Judith',
      notes: 'Limping on the left fore',
    })
  })

  it('says the server cannot show a booking this desk did not make', async () => {
    const reference = await s.newClient().createBooking(wire())

    const failure = await failureOf(s.booking.get(reference))

    expect(failure.error.code).toBe('GET_DEFECT')
    expect(failure.error.message).toMatch(
      /server cannot show this booking \(a known OpenVPMS defect\)/,
    )
  })

  it('answers NOT_CONNECTED when signed out', async () => {
    s.setClient(null)

    expect(await codeOf(s.booking.get('1:abc'))).toBe('NOT_CONNECTED')
  })
})
