// A booking without a usable answer: never "failed", never sent twice, worded as what was seen and when,
// and looked at again by the desk itself. The sandbox's faults play the server that saves and then loses the answer.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { bookingHandlers } from '../../../src/main/booking/ipc'
import { outcomeMessages } from '../../../src/main/booking/service'
import type { BookingDraft, DayView, JournalEntry } from '../../../src/shared/domain'
import { formatTime } from '../../../src/shared/time'
import {
  at,
  otherDeskBooking,
  failureOf,
  startServices,
  SYDNEY,
  type Services,
} from '../clinic/harness'
import { guideDraft } from '../../helpers/booking-draft'

const draft = (overrides: Partial<BookingDraft> = {}): BookingDraft =>
  guideDraft({ notes: 'Limping on the left fore', ...overrides })
/** The harness's clock: 09:00:00 in Sydney, the day before the guide's day. */
const SEEN_AT = '09:00:00'
const busyOn = (view: DayView | undefined, scheduleId: number): string[] =>
  (view?.schedules.find((x) => x.scheduleId === scheduleId)?.busy ?? []).map(
    (r) => `${formatTime(r.start, SYDNEY)}-${formatTime(r.end, SYDNEY)}`,
  )
const lastDayUpdate = (s: Services): DayView | undefined =>
  s.events.findLast((e) => e.event === 'calendar:dayUpdated')?.payload as DayView | undefined
/** Every message the (one) journal entry has shown, in order: recorded, settled, then each look again. */
const messagesShown = (s: Services): (string | null)[] =>
  s.events
    .filter((e) => e.event === 'booking:journalChanged')
    .map((e) => (e.payload as JournalEntry[])[0]?.message ?? null)
const dayUpdates = (s: Services): number =>
  s.events.filter((e) => e.event === 'calendar:dayUpdated').length
const isFreeBusy136 = (path: string): boolean => path.startsWith('/schedules/136/freebusy')
const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))
/** Another desk's booking of the guide's time. */
const otherDeskBooks = (s: Services): Promise<string> =>
  s.newClient().createBooking(otherDeskBooking({ start: at('12:30'), end: at('12:45') }))

let s: Services
afterEach(() => s.close())

describe('BookingService.create without a usable answer', () => {
  it('never resends: a reset connection leaves the time free, says when it was seen free, and looks again', async () => {
    s = await startServices({ booking: { recheckDelaysMs: [50] } })
    await s.clinic.loadLocation(98)
    s.sandbox.injectFault({ kind: 'reset', method: 'POST', path: '/bookings' })
    const before = s.sandbox.requestCount

    const failure = await failureOf(s.booking.create(draft()))

    expect(failure.error.code).toBe('OUTCOME_UNKNOWN')
    expect(failure.error.message).toBe(outcomeMessages.free(SEEN_AT))
    expect(failure.error.message).not.toMatch(/did not go through|try again/i)
    // free/busy check, the one POST, the free/busy check after it.
    expect(s.sandbox.requestCount - before).toBe(3)
    expect((await s.journal.list())[0]).toMatchObject({
      outcome: 'unknown',
      message: outcomeMessages.free(SEEN_AT),
    })
    await vi.waitFor(async () =>
      expect((await s.journal.list())[0]).toMatchObject({
        outcome: 'unknown',
        message: outcomeMessages.stillFree(SEEN_AT),
      }),
    )
  })

  it('when the answer is lost after the server booked, says the time showed as taken, and never resends', async () => {
    s = await startServices()
    await s.clinic.loadLocation(98)
    s.sandbox.injectFault({ kind: 'reset', method: 'POST', path: '/bookings', afterHandling: true })
    const before = s.sandbox.requestCount

    const failure = await failureOf(s.booking.create(draft()))

    expect(failure.error.code).toBe('OUTCOME_UNKNOWN')
    expect(failure.error.message).toBe(outcomeMessages.taken(SEEN_AT))
    expect(s.sandbox.requestCount - before).toBe(3)
    expect((await s.journal.list())[0]).toMatchObject({
      outcome: 'unknown',
      message: outcomeMessages.taken(SEEN_AT),
    })
  })

  it.each([500, 503, 524])(
    'a %i after the server booked is an unknown outcome (time taken), never a failure to try again',
    async (status) => {
      s = await startServices()
      await s.clinic.loadLocation(98)
      s.sandbox.injectFault({
        kind: 'status',
        status,
        method: 'POST',
        path: '/bookings',
        afterHandling: true,
      })
      const before = s.sandbox.requestCount

      const failure = await failureOf(s.booking.create(draft()))

      expect(failure.error.code).toBe('OUTCOME_UNKNOWN')
      expect(failure.error.message).toBe(outcomeMessages.taken(SEEN_AT))
      expect(failure.error.message).not.toMatch(/try again/i)
      expect(s.sandbox.requestCount - before).toBe(3)
      expect((await s.journal.list())[0]?.outcome).toBe('unknown')
    },
  )
})

describe('BookingService.create on a server that hangs', () => {
  it('answers OUTCOME_UNKNOWN after the time limit without a second POST', async () => {
    s = await startServices({ client: { timeoutMs: 300 } })
    await s.clinic.loadLocation(98)
    s.sandbox.injectFault({ kind: 'hang', method: 'POST', path: '/bookings' })
    const before = s.sandbox.requestCount

    const failure = await failureOf(s.booking.create(draft()))

    expect(failure.error.code).toBe('OUTCOME_UNKNOWN')
    expect(failure.error.message).toBe(outcomeMessages.free(SEEN_AT))
    expect(s.sandbox.requestCount - before).toBe(3)
  })

  it('answers OUTCOME_UNKNOWN, time taken, when the server booked and then never answered', async () => {
    s = await startServices({ client: { timeoutMs: 300 } })
    await s.clinic.loadLocation(98)
    s.sandbox.injectFault({ kind: 'hang', method: 'POST', path: '/bookings', afterHandling: true })

    const failure = await failureOf(s.booking.create(draft()))

    expect(failure.error.code).toBe('OUTCOME_UNKNOWN')
    expect(failure.error.message).toBe(outcomeMessages.taken(SEEN_AT))
  })

  it('never shows a garbled answer as a reference: the outcome is checked instead', async () => {
    s = await startServices({ client: { timeoutMs: 300 } })
    await s.clinic.loadLocation(98)
    s.sandbox.injectFault({ kind: 'malformedJson', method: 'POST', path: '/bookings' })

    const failure = await failureOf(s.booking.create(draft()))

    expect(failure.error.code).toBe('OUTCOME_UNKNOWN')
    expect(failure.error.message).toBe(outcomeMessages.taken(SEEN_AT))
  })

  it('when the server saves a second after the desk gave up, the desk looks again by itself and says it is taken', async () => {
    s = await startServices({
      client: { timeoutMs: 300 },
      booking: { recheckDelaysMs: [2_000, 5_000] },
    })
    await s.clinic.loadLocation(98)
    s.sandbox.injectFault({ kind: 'hang', method: 'POST', path: '/bookings', handleAfterMs: 1_300 })
    const before = s.sandbox.requestCount

    const failure = await failureOf(s.booking.create(draft()))

    expect(failure.error.message).toBe(outcomeMessages.free(SEEN_AT))
    await vi.waitFor(
      async () =>
        expect((await s.journal.list())[0]).toMatchObject({
          outcome: 'unknown',
          message: outcomeMessages.taken(SEEN_AT),
        }),
      { timeout: 6_000 },
    )
    await vi.waitFor(() => expect(busyOn(lastDayUpdate(s), 136)).toContain('12:30-12:45'))
    // check, POST, check after it, the one look again (the board's refresh goes through the calendar).
    expect((await s.journal.list()).length).toBe(1)
    expect(s.sandbox.requestCount - before).toBeGreaterThanOrEqual(4)
  })
})

describe('BookingService.create while a booking is being sent', () => {
  it('sends one POST for two identical booking:create calls at once, and refuses the second plainly', async () => {
    s = await startServices()
    await s.clinic.loadLocation(98)
    s.sandbox.injectFault({ kind: 'latency', method: 'POST', path: '/bookings', ms: 200 })
    const create = bookingHandlers(s.booking)['booking:create']
    const before = s.sandbox.requestCount

    const [first, second] = await Promise.allSettled([
      create({ draft: draft() }),
      create({ draft: draft() }),
    ])

    expect(first.status).toBe('fulfilled')
    expect(second.status).toBe('rejected')
    const refused = await failureOf(Promise.reject((second as PromiseRejectedResult).reason))
    expect(refused.error.code).toBe('IN_PROGRESS')
    expect(refused.error.message).toContain('already being sent')
    // one free/busy check and one POST: the second call sent nothing.
    expect(s.sandbox.requestCount - before).toBe(2)
    expect(await s.journal.list()).toHaveLength(1)
  })

  it('refuses the same customer and patient at the same time on another schedule while the first is in flight', async () => {
    s = await startServices()
    await s.clinic.loadLocation(98)
    s.sandbox.injectFault({ kind: 'latency', method: 'POST', path: '/bookings', ms: 200 })

    const first = s.booking.create(draft())
    const other = await failureOf(
      s.booking.create(draft({ scheduleId: 211, end: at('13:00'), appointmentTypeId: 66 })),
    )
    await first

    expect(other.error.code).toBe('IN_PROGRESS')
  })

  it('lets the next booking of the same time through once the first has its answer', async () => {
    s = await startServices()
    await s.clinic.loadLocation(98)
    await s.booking.create(draft())

    const again = await failureOf(s.booking.create(draft({ firstName: 'Olivia' })))

    expect(again.error.code).toBe('CONFLICT')
  })
})

describe('BookingService.create after its own unanswered booking', () => {
  it('calls the taken time this desk’s own probable booking, never another booking', async () => {
    s = await startServices()
    await s.clinic.loadLocation(98)
    s.sandbox.injectFault({ kind: 'reset', method: 'POST', path: '/bookings', afterHandling: true })
    await failureOf(s.booking.create(draft()))

    const again = await failureOf(s.booking.create(draft()))

    expect(again.error.code).toBe('CONFLICT')
    expect(again.error.message).toContain(
      'probably by this desk’s own booking for Judith Bourke at 12:30, sent at 09:00:00 with no answer back (unconfirmed)',
    )
    expect(again.error.message).not.toMatch(/someone|another booking/i)
  })

  it('blames it only for its own time on its own schedule: another desk’s booking elsewhere is someone else’s', async () => {
    s = await startServices()
    await s.clinic.loadLocation(98)
    s.sandbox.injectFault({ kind: 'reset', method: 'POST', path: '/bookings', afterHandling: true })
    await failureOf(s.booking.create(draft()))
    const otherDesk = s.newClient()
    const taken = { title: null, firstName: 'Olivia', lastName: 'Smith', email: null, phone: null }
    const rest = { mobile: '0400000000', patientName: null, notes: null, user: null }
    await otherDesk.createBooking({
      ...{ location: 98, schedule: 136, appointmentType: 66, start: at('13:00'), end: at('13:15') },
      ...taken,
      ...rest,
    })
    await otherDesk.createBooking({
      ...{ location: 98, schedule: 211, appointmentType: 87, start: at('12:30'), end: at('13:00') },
      ...taken,
      ...rest,
    })

    const laterTime = await failureOf(
      s.booking.create(draft({ start: at('13:00'), end: at('13:15') })),
    )
    const otherSchedule = await failureOf(
      s.booking.create(draft({ scheduleId: 211, appointmentTypeId: 87, end: at('13:00') })),
    )

    for (const failure of [laterTime, otherSchedule]) {
      expect(failure.error.code).toBe('CONFLICT')
      expect(failure.error.message).toMatch(
        /^That time is no longer free on this schedule: someone/,
      )
    }
  })
})

describe('BookingService looking again after an unanswered booking', () => {
  it('looks as many times as asked without redrawing the board, says "still free" only after the last look, then stops', async () => {
    s = await startServices({ booking: { recheckDelaysMs: [20, 20] } })
    await s.clinic.loadLocation(98)
    s.sandbox.injectFault({ kind: 'reset', method: 'POST', path: '/bookings' })
    await failureOf(s.booking.create(draft()))
    await vi.waitFor(() => expect(messagesShown(s).at(-1)).toBe(outcomeMessages.stillFree(SEEN_AT)))
    const requests = s.sandbox.requestCount
    await sleep(100)
    await s.calendar.whenIdle()

    expect(messagesShown(s)).toEqual([
      null,
      outcomeMessages.free(SEEN_AT),
      outcomeMessages.free(SEEN_AT),
      outcomeMessages.stillFree(SEEN_AT),
    ])
    expect(s.sandbox.requestCount).toBe(requests)
    // Only the refresh right after sending; a look that still sees it free redraws nothing, nor marks it taken.
    expect(dayUpdates(s)).toBe(1)
    expect((await s.journal.list())[0]?.seenTakenAt).toBeUndefined()
  })

  it('when a later look sees the time taken, says so, redraws the board with it and looks no more', async () => {
    s = await startServices({ booking: { recheckDelaysMs: [20, 300, 20] } })
    await s.clinic.loadLocation(98)
    s.sandbox.injectFault({ kind: 'reset', method: 'POST', path: '/bookings' })
    await failureOf(s.booking.create(draft()))
    await vi.waitFor(() => expect(messagesShown(s)).toHaveLength(3))
    await otherDeskBooks(s)

    await vi.waitFor(() => expect(messagesShown(s)).toHaveLength(4))
    await vi.waitFor(() => expect(busyOn(lastDayUpdate(s), 136)).toContain('12:30-12:45'))
    const requests = s.sandbox.requestCount
    await sleep(100)

    expect(messagesShown(s).at(-1)).toBe(outcomeMessages.taken(SEEN_AT))
    expect((await s.journal.list())[0]?.seenTakenAt).toBe(Date.parse('2019-02-14T09:00:00+11:00'))
    expect(messagesShown(s)).toHaveLength(4)
    expect(s.sandbox.requestCount).toBe(requests)
  })

  it('does not look again once the time showed taken right after sending', async () => {
    s = await startServices({ booking: { recheckDelaysMs: [20] } })
    await s.clinic.loadLocation(98)
    s.sandbox.injectFault({ kind: 'reset', method: 'POST', path: '/bookings', afterHandling: true })
    await failureOf(s.booking.create(draft()))
    await s.calendar.whenIdle()
    const requests = s.sandbox.requestCount

    await sleep(100)

    expect(s.sandbox.requestCount).toBe(requests)
    expect(messagesShown(s)).toEqual([null, outcomeMessages.taken(SEEN_AT)])
  })

  it('says taken, not "still free", when the last look sees the time taken', async () => {
    s = await startServices({ booking: { recheckDelaysMs: [20, 300] } })
    await s.clinic.loadLocation(98)
    s.sandbox.injectFault({ kind: 'reset', method: 'POST', path: '/bookings' })
    await failureOf(s.booking.create(draft()))
    await vi.waitFor(() => expect(messagesShown(s)).toHaveLength(3))
    await otherDeskBooks(s)

    await vi.waitFor(() => expect(messagesShown(s)).toHaveLength(4))

    expect(messagesShown(s).at(-1)).toBe(outcomeMessages.taken(SEEN_AT))
  })

  it('when the time could not be read after the POST, says it could not be checked, and logs why', async () => {
    // No retries: the failed read is the point, not how patiently it is retried.
    s = await startServices({ booking: { recheckDelaysMs: [] }, client: { retries: 0 }, log: true })
    await s.clinic.loadLocation(98)
    s.sandbox.injectFault({ kind: 'reset', method: 'POST', path: '/bookings' })
    // The check before sending reads the time; every read after it fails.
    s.sandbox.injectFault({
      kind: 'status',
      status: 503,
      path: '/schedules/136/freebusy',
      after: 1,
      times: 10,
    })

    const failure = await failureOf(s.booking.create(draft()))

    expect(failure.error.code).toBe('OUTCOME_UNKNOWN')
    expect(failure.error.message).toBe(outcomeMessages.unclear(SEEN_AT))
    expect((await s.journal.list())[0]).toMatchObject({
      outcome: 'unknown',
      message: outcomeMessages.unclear(SEEN_AT),
    })
    expect(s.logged).toContainEqual({
      level: 'warn',
      message: 'booking: could not check an unanswered booking',
      meta: { error: expect.stringContaining('503') },
    })
  })

  it('stops looking once the session changes (signed out): the journal keeps what was last seen', async () => {
    s = await startServices({ booking: { recheckDelaysMs: [20] } })
    await s.clinic.loadLocation(98)
    s.sandbox.injectFault({ kind: 'reset', method: 'POST', path: '/bookings' })
    await failureOf(s.booking.create(draft()))

    s.booking.reset()
    await s.calendar.whenIdle()
    const requests = s.sandbox.requestCount
    await sleep(100)

    expect(s.sandbox.requestCount).toBe(requests)
    expect(messagesShown(s)).toEqual([null, outcomeMessages.free(SEEN_AT)])
  })

  it('drops a look already under way when the session changes', async () => {
    s = await startServices({ booking: { recheckDelaysMs: [300] } })
    await s.clinic.loadLocation(98)
    s.sandbox.injectFault({ kind: 'reset', method: 'POST', path: '/bookings' })
    await failureOf(s.booking.create(draft()))
    await s.calendar.whenIdle()
    const reads = s.sandbox.recentPaths.filter(isFreeBusy136).length
    // The look again is slow to answer.
    s.sandbox.injectFault({ kind: 'latency', ms: 200, path: '/schedules/136/freebusy' })
    await vi.waitFor(() =>
      expect(s.sandbox.recentPaths.filter(isFreeBusy136)).toHaveLength(reads + 1),
    )

    s.booking.reset()
    await sleep(400)

    expect(messagesShown(s)).toEqual([null, outcomeMessages.free(SEEN_AT)])
  })
})

describe('BookingService.create refused by the server after its check', () => {
  it('says someone else booked the time a moment ago, offers what is free now, and journals the refusal', async () => {
    s = await startServices()
    await s.clinic.loadLocation(98)
    // This desk's POST is held back long enough for another desk's to land first.
    s.sandbox.injectFault({ kind: 'latency', ms: 1_000, method: 'POST', path: '/bookings' })
    const sending = failureOf(s.booking.create(draft()))
    await vi.waitFor(() => expect(s.sandbox.recentPaths).toContain('/bookings'))
    await otherDeskBooks(s)

    const failure = await sending

    expect(failure.error.code).toBe('CONFLICT')
    expect(failure.error.message).toBe(
      'That time was booked by someone else a moment ago. Nearest free: 12:15, 12:45, 12:00, 13:00.',
    )
    const [entry] = await s.journal.list()
    expect(entry?.outcome).toBe('failed')
    expect(entry?.message).toMatch(/\S/)
    expect(entry?.message).not.toMatch(/AppFailure|Error:/)
  })

  it('passes on the server’s own refusal when what is free now cannot be read', async () => {
    s = await startServices({ client: { retries: 0 } })
    await s.clinic.loadLocation(98)
    s.sandbox.injectFault({ kind: 'latency', ms: 1_000, method: 'POST', path: '/bookings' })
    s.sandbox.injectFault({
      kind: 'status',
      status: 503,
      path: '/schedules/136/freebusy',
      after: 1,
      times: 10,
    })
    const sending = failureOf(s.booking.create(draft()))
    await vi.waitFor(() => expect(s.sandbox.recentPaths).toContain('/bookings'))
    await otherDeskBooks(s)

    const failure = await sending

    expect(failure.error.code).toBe('CONFLICT')
    expect(failure.error.alternatives).toBeUndefined()
    expect(failure.error.message).toBe((await s.journal.list())[0]?.message)
  })
})
