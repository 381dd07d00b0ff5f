import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import type { BookingDraft } from '../../../src/shared/booking-draft'
import type {
  SeriesOccurrenceCheck,
  SeriesOutcome,
  SeriesOccurrenceOutcome,
} from '../../../src/shared/domain'
import { fail, ok, type Result } from '../../../src/shared/result'
import { useBookingStore } from '../../../src/renderer/src/stores/booking'
import { useCalendarStore } from '../../../src/renderer/src/stores/calendar'
import { useClinicStore } from '../../../src/renderer/src/stores/clinic'
import { useSeriesStore } from '../../../src/renderer/src/stores/series'
import { createFakeApi, deferred, type FakeApi } from '../helpers/fake-api'
import { installApi } from '../helpers/api-module'
import { at, dayView, mainClinic, mainDetails } from '../helpers/fixtures'

vi.mock(
  '../../../src/renderer/src/api',
  async () => (await import('../helpers/api-module')).apiModule,
)

const WEEK = 7 * 86_400_000
const FIRST = at('2030-02-15', '09:00')
const draft: BookingDraft = {
  locationId: 98,
  scheduleId: 136,
  appointmentTypeId: 79,
  start: FIRST,
  end: FIRST + 15 * 60_000,
  title: '',
  firstName: 'Zoë',
  lastName: 'Hart',
  mobile: '0412 345 678',
  phone: '',
  email: '',
  patientName: 'Rex',
  notes: '',
  clinicianId: null,
}

/** Week `week` of the course (0 = the first), free or taken with the nearest free time 30 minutes later. */
function weekly(week: number, taken = false): SeriesOccurrenceCheck {
  const start = FIRST + week * WEEK
  return {
    start,
    end: start + 15 * 60_000,
    free: !taken,
    problem: taken ? 'Taken on this schedule.' : null,
    nearest: taken ? { start: start + 30 * 60_000, end: start + 45 * 60_000 } : null,
  }
}

/** Four weeks, the third taken. */
const withClash = [weekly(0), weekly(1), weekly(2, true), weekly(3)]

const booked = (start: number, index: number): SeriesOccurrenceOutcome => ({
  start,
  end: start + 15 * 60_000,
  status: 'booked',
  reference: `604:course-${index}`,
  message: null,
})

let fake: FakeApi

beforeEach(async () => {
  setActivePinia(createPinia())
  fake = createFakeApi({
    'clinic:listLocations': () => ok([mainClinic]),
    'clinic:loadLocation': () => ok(mainDetails),
    'calendar:loadDay': (request) => ok(dayView(request.date)),
    'booking:listJournal': () => ok([]),
    'booking:checkSeries': () => ok(withClash),
    'booking:createSeries': (request) =>
      ok({
        seriesId: 'series-1',
        draft: request.draft,
        occurrences: request.starts.map(booked),
      }),
  })
  installApi(fake.api)
  await useClinicStore().load()
  await useCalendarStore().show('2030-02-15')
})

describe('series store', () => {
  it('asks main to check the course by the rule typed, every N weeks K times, or until a day', async () => {
    const series = useSeriesStore()
    series.every = 2
    series.count = 4

    await series.check(draft)
    series.limit = 'until'
    series.unit = 'day'
    series.until = '2030-03-31'
    await series.check(draft)

    expect(fake.callsTo('booking:checkSeries')).toEqual([
      { draft, rule: { every: 2, unit: 'week', count: 4 } },
      { draft, rule: { every: 2, unit: 'day', until: '2030-03-31' } },
    ])
  })

  it('lists each appointment as checked, each to be sent at its own time', async () => {
    const series = useSeriesStore()

    await series.check(draft)

    expect(series.checkStatus).toBe('ready')
    expect(series.checks).toEqual(withClash)
    expect(series.choices).toEqual(withClash.map((check) => check.start))
  })

  it('cannot be booked while a clash is left as it is', async () => {
    const series = useSeriesStore()

    await series.check(draft)
    await series.send(draft)

    expect(series.ready).toBe(false)
    expect(fake.callsTo('booking:createSeries')).toEqual([])
  })

  it('sends the clash at the nearest free time taken, in date order', async () => {
    const series = useSeriesStore()
    await series.check(draft)

    series.choose(2, FIRST + 2 * WEEK + 30 * 60_000)
    await series.send(draft)

    expect(fake.callsTo('booking:createSeries')).toEqual([
      {
        draft,
        starts: [FIRST, FIRST + WEEK, FIRST + 2 * WEEK + 30 * 60_000, FIRST + 3 * WEEK],
      },
    ])
    expect(series.outcome?.occurrences.map((o) => o.reference)).toEqual([
      '604:course-0',
      '604:course-1',
      '604:course-2',
      '604:course-3',
    ])
  })

  it('leaves a clash out when asked, and sends the rest', async () => {
    const series = useSeriesStore()
    await series.check(draft)

    series.choose(2, 'skip')
    await series.send(draft)

    expect(fake.callsTo('booking:createSeries')[0]?.starts).toEqual([
      FIRST,
      FIRST + WEEK,
      FIRST + 3 * WEEK,
    ])
  })

  it('is not a course once fewer than two appointments are left', async () => {
    fake.answer({ 'booking:checkSeries': () => ok([weekly(0), weekly(1, true)]) })
    const series = useSeriesStore()
    await series.check(draft)

    series.choose(1, 'skip')
    await series.send(draft)

    expect(series.ready).toBe(false)
    expect(fake.callsTo('booking:createSeries')).toEqual([])
  })

  it('sends a course once however often Book is pressed while it is on its way', async () => {
    const answer = deferred<Result<SeriesOutcome>>()
    fake.answer({ 'booking:checkSeries': () => ok([weekly(0), weekly(1)]) })
    const series = useSeriesStore()
    await series.check(draft)
    fake.answer({ 'booking:createSeries': () => answer.promise })

    const first = series.send(draft)
    const second = series.send(draft)
    const sending = series.sendStatus
    answer.resolve(
      ok({ seriesId: 'series-1', draft, occurrences: [booked(FIRST, 0), booked(FIRST + WEEK, 1)] }),
    )
    await Promise.all([first, second])

    expect(sending).toBe('loading')
    expect(fake.callsTo('booking:createSeries')).toHaveLength(1)
    expect(series.sendStatus).toBe('ready')
  })

  it('keeps where sending stopped, as main tells it: booked, unknown and not sent', async () => {
    const stopped: SeriesOutcome = {
      seriesId: 'series-1',
      draft,
      occurrences: [
        booked(FIRST, 0),
        { ...booked(FIRST + WEEK, 1), status: 'unknown', reference: null, message: 'No answer.' },
        { ...booked(FIRST + 3 * WEEK, 3), status: 'notSent', reference: null },
      ],
    }
    fake.answer({ 'booking:createSeries': () => ok(stopped) })
    const series = useSeriesStore()
    await series.check(draft)
    series.choose(2, 'skip')

    await series.send(draft)

    expect(series.outcome).toEqual(stopped)
    expect(series.sendError).toBeNull()
  })

  it('refreshes the board and the journal after sending, whatever came of it', async () => {
    const series = useSeriesStore()
    await series.check(draft)
    series.choose(2, 'skip')
    const loadsBefore = fake.callsTo('calendar:loadDay').length
    const journalBefore = fake.callsTo('booking:listJournal').length

    await series.send(draft)

    expect(fake.callsTo('calendar:loadDay').slice(loadsBefore)).toContainEqual(
      expect.objectContaining({ date: '2030-02-15', refresh: true }),
    )
    expect(fake.callsTo('booking:listJournal').length).toBe(journalBefore + 1)
  })

  it('shows main’s refusal of the whole course, with nothing booked', async () => {
    fake.answer({
      'booking:createSeries': () =>
        fail(
          'CONFLICT',
          'Nothing was sent: 2030-03-01 09:00 is no longer free. Check the dates again.',
        ),
    })
    const series = useSeriesStore()
    await series.check(draft)
    series.choose(2, 'skip')

    await series.send(draft)

    expect(series.sendStatus).toBe('error')
    expect(series.sendError).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Nothing was sent'),
    })
    expect(series.outcome).toBeNull()
  })

  it('shows why a course cannot be checked', async () => {
    fake.answer({
      'booking:checkSeries': () => fail('VALIDATION', 'A course can span at most two years.'),
    })
    const series = useSeriesStore()

    await series.check(draft)

    expect(series.checkStatus).toBe('error')
    expect(series.checkError?.message).toBe('A course can span at most two years.')
    expect(series.checks).toEqual([])
  })

  it('forgets the checked dates when the rule changes, and drops a check still on its way', async () => {
    const answer = deferred<Result<readonly SeriesOccurrenceCheck[]>>()
    fake.answer({ 'booking:checkSeries': () => answer.promise })
    const series = useSeriesStore()

    const checking = series.check(draft)
    series.count = 8
    series.invalidate()
    answer.resolve(ok(withClash))
    await checking

    expect(series.checks).toEqual([])
    expect(series.choices).toEqual([])
    expect(series.checkStatus).toBe('idle')
    expect(series.ready).toBe(false)
  })

  it('forgets the checked dates when the form’s time or clinician changes, not when a name is typed', async () => {
    const booking = useBookingStore()
    booking.begin({ scheduleId: 136, start: FIRST, end: FIRST + 15 * 60_000 })
    booking.chooseType(79)
    const series = useSeriesStore()
    await series.check(booking.draft ?? draft)
    series.choose(2, 'skip')

    booking.update({ firstName: 'Zoë' })
    await nextTick()
    const afterTyping = series.ready
    booking.update({ clinicianId: 1158 })
    await nextTick()

    expect(afterTyping).toBe(true)
    expect(series.checks).toEqual([])
    expect(series.ready).toBe(false)
  })

  it('starts again from weekly, six times, after a reset', async () => {
    const series = useSeriesStore()
    series.enabled = true
    series.every = 3
    series.unit = 'day'
    series.limit = 'until'
    series.until = '2030-03-31'
    await series.check(draft)
    series.choose(2, 'skip')
    await series.send(draft)

    series.$reset()

    expect(series.enabled).toBe(false)
    expect(series.rule).toEqual({ every: 1, unit: 'week', count: 6 })
    expect(series.checks).toEqual([])
    expect(series.outcome).toBeNull()
    expect(series.sendStatus).toBe('idle')
  })
})
