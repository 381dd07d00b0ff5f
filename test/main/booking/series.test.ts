import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OpenVpmsClient, type ClientConfig } from '../../../src/main/openvpms/client'
import type { BookingDraft, SeriesOccurrenceCheck } from '../../../src/shared/domain'
import { AppFailure } from '../../../src/shared/result'
import { formatTime, isoDateOf } from '../../../src/shared/time'
import { guideDraft } from '../../helpers/booking-draft'
import { at, startServices, type Services } from '../clinic/harness'

const SYDNEY = 'Australia/Sydney'
const weekly = (count: number) => ({ every: 1, unit: 'week' as const, count })
const draft = (overrides: Partial<BookingDraft> = {}): BookingDraft =>
  guideDraft({ notes: 'Physio, course of six', ...overrides })
const when = (instant: number): string =>
  `${isoDateOf(instant, SYDNEY)} ${formatTime(instant, SYDNEY)}`

/** The real client, counting what the series sends: POSTs in flight at once, and free/busy reads. */
class CountingClient extends OpenVpmsClient {
  inFlight = 0
  maxInFlight = 0
  posts = 0
  freeBusyReads: string[] = []

  override async createBooking(
    ...args: Parameters<OpenVpmsClient['createBooking']>
  ): Promise<string> {
    this.posts++
    this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight)
    try {
      return await super.createBooking(...args)
    } finally {
      this.inFlight--
    }
  }

  override scheduleFreeBusy(
    ...args: Parameters<OpenVpmsClient['scheduleFreeBusy']>
  ): ReturnType<OpenVpmsClient['scheduleFreeBusy']> {
    this.freeBusyReads.push(`schedule ${args[0]} ${when(args[1])}..${when(args[2])}`)
    return super.scheduleFreeBusy(...args)
  }

  override userFreeBusy(
    ...args: Parameters<OpenVpmsClient['userFreeBusy']>
  ): ReturnType<OpenVpmsClient['userFreeBusy']> {
    this.freeBusyReads.push(`user ${args[0]} ${when(args[2])}..${when(args[3])}`)
    return super.userFreeBusy(...args)
  }
}

let s: Services
let client: CountingClient
beforeEach(async () => {
  s = await startServices()
  client = new CountingClient({
    baseUrl: s.sandbox.baseUrl,
    username: 'sample',
    password: 'changeit',
    timeoutMs: 1_500,
  } as ClientConfig)
  s.setClient(client)
})
afterEach(() => s.close())

/** Another booking channel takes 12:30–12:45 that day on schedule 136. */
const bookElsewhere = (date: string): Promise<string> =>
  s.newClient().createBooking({
    location: 98,
    schedule: 136,
    appointmentType: 66,
    start: at('12:30', date),
    end: at('12:45', date),
    title: '',
    firstName: 'Someone',
    lastName: 'Else',
    email: '',
    phone: '',
    mobile: '0400000000',
    patientName: '',
    notes: '',
    user: null,
  })

const startsOf = (checks: readonly SeriesOccurrenceCheck[]): number[] =>
  checks.map((check) => (check.free ? check.start : (check.nearest?.start ?? check.start)))

describe('SeriesService: a course of appointments', () => {
  it('checks a 6-week course with one clash in one ranged read, offers the nearest free time that day, then books all six one at a time', async () => {
    await bookElsewhere('2019-03-01')

    const checks = await s.series.check(draft(), weekly(6))
    const reads = [...client.freeBusyReads]
    const outcome = await s.series.create(draft(), startsOf(checks))

    expect(checks.map((c) => `${when(c.start)} ${c.free ? 'free' : c.problem}`)).toEqual([
      '2019-02-15 12:30 free',
      '2019-02-22 12:30 free',
      '2019-03-01 12:30 Taken on this schedule.',
      '2019-03-08 12:30 free',
      '2019-03-15 12:30 free',
      '2019-03-22 12:30 free',
    ])
    expect(checks[2]?.nearest && when(checks[2].nearest.start)).toMatch(/^2019-03-01 12:(15|45)$/)
    expect(reads).toEqual(['schedule 136 2019-02-15 00:00..2019-03-23 00:00'])
    expect(outcome.occurrences.map((o) => o.status)).toEqual(Array(6).fill('booked'))
    expect(new Set(outcome.occurrences.map((o) => o.reference)).size).toBe(6)
    expect(client.maxInFlight).toBe(1)
    const journal = (await s.journal.list()).sort((a, b) => a.draft.start - b.draft.start)
    expect(journal.map((e) => e.series?.index)).toEqual([1, 2, 3, 4, 5, 6])
    expect(new Set(journal.map((e) => e.series?.id))).toEqual(new Set([outcome.seriesId]))
    expect(journal.map((e) => e.reference)).toEqual(outcome.occurrences.map((o) => o.reference))
  })

  it('with a clinician, reads every schedule and the clinician once each for the whole span', async () => {
    await s.clinic.loadLocation(98)

    await s.series.check(draft({ clinicianId: 1158 }), { every: 2, unit: 'week', count: 3 })

    const details = await s.clinic.loadLocation(98)
    expect(client.freeBusyReads.sort()).toEqual(
      [
        ...details.schedules.map((x) => `schedule ${x.id} 2019-02-15 00:00..2019-03-16 00:00`),
        'user 1158 2019-02-15 00:00..2019-03-16 00:00',
      ].sort(),
    )
  })

  it('stops at the third POST when its answer never comes: two booked, one unknown, three not sent, nothing retried', async () => {
    const checks = await s.series.check(draft(), weekly(6))
    s.sandbox.injectFault({
      kind: 'hang',
      method: 'POST',
      path: '/bookings',
      after: 2,
      afterHandling: true,
    })

    const outcome = await s.series.create(draft(), startsOf(checks))

    expect(outcome.occurrences.map((o) => o.status)).toEqual([
      'booked',
      'booked',
      'unknown',
      'notSent',
      'notSent',
      'notSent',
    ])
    expect(outcome.occurrences[0]?.reference).toMatch(/^\d+:/)
    expect(outcome.occurrences[2]?.message).toContain('No usable answer came back from OpenVPMS')
    expect(client.posts).toBe(3)
    const journal = await s.journal.list()
    expect(journal.map((e) => e.outcome).sort()).toEqual(['booked', 'booked', 'unknown'])
  })

  it('sends nothing when an appointment was taken since the check', async () => {
    const checks = await s.series.check(draft(), weekly(3))
    await bookElsewhere('2019-03-01')

    const failure = await s.series.create(draft(), startsOf(checks)).catch((e: unknown) => e)

    expect(failure).toBeInstanceOf(AppFailure)
    expect((failure as AppFailure).error.code).toBe('CONFLICT')
    expect((failure as AppFailure).error.message).toContain('Nothing was sent: 2019-03-01 12:30')
    expect(client.posts).toBe(0)
  })

  it('cancels one appointment and every later one of its course, leaving the earlier ones', async () => {
    const outcome = await s.series.create(
      draft(),
      startsOf(await s.series.check(draft(), weekly(4))),
    )
    const [first, second] = outcome.occurrences

    const cancelled = await s.series.cancelFrom(second?.reference ?? '')

    expect(cancelled.occurrences.map((o) => [when(o.start), o.status])).toEqual([
      ['2019-02-22 12:30', 'cancelled'],
      ['2019-03-01 12:30', 'cancelled'],
      ['2019-03-08 12:30', 'cancelled'],
    ])
    expect((await s.journal.find(first?.reference ?? ''))?.outcome).toBe('booked')
    const later = await s.booking.get(first?.reference ?? '')
    expect(later.series).toMatchObject({ index: 1, count: 4 })
    await expect(s.booking.cancel(second?.reference ?? '')).rejects.toMatchObject({
      error: { code: 'NOT_FOUND' },
    })
  })

  it('refuses a course past its bounds before reading anything', async () => {
    const tooMany = await s.series
      .check(draft(), { every: 1, unit: 'day', until: '2021-01-01' })
      .catch((e: unknown) => e)

    expect((tooMany as AppFailure).error.message).toBe('A course has at most 52 appointments.')
    expect(client.freeBusyReads).toEqual([])
  })
})
