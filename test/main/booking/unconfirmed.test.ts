// A booking sent without a usable answer may have been saved: once its time shows busy, the journal entry says it is
// probably this desk's own booking (unconfirmed), both when the desk looks right after sending and when the board
// reads the day later. The sandbox's faults play the server that saves and then loses (or delays) the answer.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { outcomeMessages } from '../../../src/main/booking/service'
import { at, failureOf, SEED_NOW, startServices, type Services } from '../clinic/harness'
import { guideDraft } from '../../helpers/booking-draft'

/** The harness's clock: 09:00:00 in Sydney, the day before the guide's day. */
const SEEN_AT = '09:00:00'
const GUIDE_DAY = '2019-02-15'
const boardReads = (s: Services): Promise<unknown> =>
  s.calendar.loadDay({ locationId: 98, date: GUIDE_DAY, scheduleIds: [], refresh: true })
const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))

let s: Services
afterEach(() => s.close())

describe('an unanswered booking whose time shows busy', () => {
  it('is marked probably this desk’s booking when the time showed taken right after sending', async () => {
    s = await startServices()
    await s.clinic.loadLocation(98)
    s.sandbox.injectFault({ kind: 'reset', method: 'POST', path: '/bookings', afterHandling: true })

    await failureOf(s.booking.create(guideDraft()))

    expect((await s.journal.list())[0]).toMatchObject({
      outcome: 'unknown',
      message: outcomeMessages.taken(SEEN_AT),
      seenTakenAt: Date.parse(SEED_NOW),
    })
  })

  it('is not marked while its time still shows free, however often the board reads the day', async () => {
    s = await startServices({ booking: { recheckDelaysMs: [] } })
    await s.clinic.loadLocation(98)
    s.sandbox.injectFault({ kind: 'reset', method: 'POST', path: '/bookings' })
    await failureOf(s.booking.create(guideDraft()))

    await boardReads(s)
    await s.calendar.whenIdle()

    const [entry] = await s.journal.list()
    expect(entry?.outcome).toBe('unknown')
    expect(entry?.seenTakenAt).toBeUndefined()
    expect(entry?.message).toBe(outcomeMessages.free(SEEN_AT))
  })

  it('is marked when a later read of the day shows a busy block where it would be (a server that saved late)', async () => {
    s = await startServices({ client: { timeoutMs: 300 }, booking: { recheckDelaysMs: [] } })
    await s.clinic.loadLocation(98)
    s.sandbox.injectFault({ kind: 'hang', method: 'POST', path: '/bookings', handleAfterMs: 1_500 })
    const failure = await failureOf(s.booking.create(guideDraft()))
    expect(failure.error.message).toBe(outcomeMessages.free(SEEN_AT))
    await sleep(2_000)
    s.setNow('2019-02-14T09:00:07+11:00')

    await boardReads(s)
    await s.calendar.whenIdle()
    await s.journal.flushed()

    expect((await s.journal.list())[0]).toMatchObject({
      outcome: 'unknown',
      message: outcomeMessages.taken('09:00:07'),
      seenTakenAt: Date.parse('2019-02-14T09:00:07+11:00'),
    })
  })

  it('keeps when it was first seen taken on later reads', async () => {
    s = await startServices()
    await s.clinic.loadLocation(98)
    s.sandbox.injectFault({ kind: 'reset', method: 'POST', path: '/bookings', afterHandling: true })
    await failureOf(s.booking.create(guideDraft()))
    s.setNow('2019-02-14T09:05:00+11:00')

    await boardReads(s)
    await s.calendar.whenIdle()

    expect((await s.journal.list())[0]?.seenTakenAt).toBe(Date.parse(SEED_NOW))
  })
})

describe('a booking still being sent, or answered', () => {
  it('is never marked, though another desk took its time meanwhile; it ends refused, not unconfirmed', async () => {
    s = await startServices({ client: { timeoutMs: 10_000 } })
    await s.clinic.loadLocation(98)
    s.sandbox.injectFault({ kind: 'latency', method: 'POST', path: '/bookings', ms: 4_000 })
    const sending = failureOf(s.booking.create(guideDraft()))
    // Our POST has arrived (and is held): the other desk's POST comes after it, without the delay.
    await vi.waitFor(() => expect(s.sandbox.recentPaths).toContain('/bookings'))
    await s.newClient().createBooking({
      location: 98,
      schedule: 136,
      appointmentType: 66,
      start: at('12:30'),
      end: at('12:45'),
      title: '',
      firstName: 'Olivia',
      lastName: 'Hart',
      email: '',
      phone: '',
      mobile: '0400000000',
      patientName: 'Rex',
      notes: '',
      user: null,
    })

    await boardReads(s)
    const inFlight = (await s.journal.list())[0]
    const refused = await sending

    expect(inFlight).toMatchObject({ outcome: 'unknown', message: null })
    expect(inFlight?.seenTakenAt).toBeUndefined()
    expect(refused.error.code).toBe('CONFLICT')
    const [entry] = await s.journal.list()
    expect(entry?.outcome).toBe('failed')
    expect(entry?.seenTakenAt).toBeUndefined()
  })

  it('a booked one is never marked', async () => {
    s = await startServices()
    await s.clinic.loadLocation(98)
    await s.booking.create(guideDraft())

    await boardReads(s)
    await s.calendar.whenIdle()

    const [entry] = await s.journal.list()
    expect(entry?.outcome).toBe('booked')
    expect(entry?.seenTakenAt).toBeUndefined()
  })
})
