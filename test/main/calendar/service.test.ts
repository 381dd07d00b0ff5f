import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { calendarHandlers } from '../../../src/main/calendar/ipc'
import type {
  DayView,
  NextAvailableResult,
  Range,
  SlotSuggestion,
} from '../../../src/shared/domain'
import { covers } from '../../../src/shared/intervals'
import { bookableStarts, isOnSlotBoundary } from '../../../src/shared/slots'
import { addDays, dayBounds, formatTime, todayIn } from '../../../src/shared/time'
import { at, codeOf, startServices, SYDNEY, type Services } from '../clinic/harness'

let s: Services
beforeEach(async () => {
  s = await startServices()
})
afterEach(() => s.close())

const times = (ranges: readonly Range[]): string[] =>
  ranges.map((r) => `${formatTime(r.start, SYDNEY)}-${formatTime(r.end, SYDNEY)}`)
const day = (view: DayView, scheduleId: number) =>
  view.schedules.find((x) => x.scheduleId === scheduleId)
const judith = {
  location: 98,
  schedule: 136,
  appointmentType: 66,
  title: null,
  firstName: 'Judith',
  lastName: 'Bourke',
  email: null,
  phone: null,
  mobile: '0418976543',
  patientName: null,
  notes: null,
  user: null,
}
/** Long enough that requests sent one after another could never pass for parallel ones. */
const ROUND_TRIP = 1_000
/** A search's suggestions one after another, day by day, at most `limit`. */
const flat = (result: NextAvailableResult, limit: number): SlotSuggestion[] =>
  result.days.flatMap((day) => day.suggestions).slice(0, limit)
const elapsed = async <T>(work: () => Promise<T>): Promise<number> => {
  const started = performance.now()
  await work()
  return performance.now() - started
}

describe('CalendarService.loadDay', () => {
  it('builds the guide’s day: schedule free/busy and each clinician’s real availability', async () => {
    const view = await s.calendar.loadDay({ locationId: 98, date: '2019-02-15', scheduleIds: [] })

    expect(view.bounds).toEqual(dayBounds('2019-02-15', SYDNEY))
    expect(times(day(view, 136)?.free ?? [])).toEqual(['09:00-10:45', '11:30-17:30'])
    expect(times(day(view, 136)?.busy ?? [])).toEqual(['10:45-11:30'])
    expect(times(day(view, 211)?.busy ?? [])).toEqual(['12:00-13:00'])
    const turner = view.clinicians.find((c) => c.clinicianId === 1158)
    expect(times(turner?.free[136] ?? [])).toEqual(['11:00-17:00'])
    expect(times(turner?.available[136] ?? [])).toEqual(['11:30-17:00'])
    // 603 at 10:45 is Chris Barton's, so Andrew Turner stays free on 211 then.
    expect(times(turner?.available[211] ?? [])).toEqual(['09:00-12:00', '13:00-17:00'])
  })

  it('loads only the schedules asked for, and refuses one of another location', async () => {
    const view = await s.calendar.loadDay({
      locationId: 98,
      date: '2019-02-15',
      scheduleIds: [211],
    })

    expect(view.schedules.map((x) => x.scheduleId)).toEqual([211])
    expect(Object.keys(view.clinicians[0]?.available ?? {})).toEqual(['211'])
    expect(
      await codeOf(s.calendar.loadDay({ locationId: 98, date: '2019-02-15', scheduleIds: [301] })),
    ).toBe('NOT_FOUND')
  })

  it('issues one request per schedule and per clinician, all in one round trip', async () => {
    await s.clinic.loadLocation(106)
    s.sandbox.setLatency(ROUND_TRIP)
    const before = s.sandbox.requestCount

    const ms = await elapsed(() =>
      s.calendar.loadDay({ locationId: 106, date: '2019-02-15', scheduleIds: [] }),
    )
    const requests = s.sandbox.requestCount - before

    expect(requests).toBe(6 + 4)
    // Sent one after another they would take 10 round trips; the speed target itself is `npm run bench`'s.
    expect(ms).toBeLessThan(3 * ROUND_TRIP)
  })

  it('prefetches the days either side, so the next and previous day answer without a request', async () => {
    await s.calendar.loadDay({ locationId: 106, date: '2019-02-15', scheduleIds: [] })
    await s.calendar.whenIdle()
    s.sandbox.setLatency(300)
    const before = s.sandbox.requestCount

    const next = await s.calendar.loadDay({ locationId: 106, date: '2019-02-16', scheduleIds: [] })
    const previous = await s.calendar.loadDay({
      locationId: 106,
      date: '2019-02-14',
      scheduleIds: [],
    })
    const countAfterLoads = s.sandbox.requestCount

    expect(countAfterLoads).toBe(before)
    expect(next.schedules).toHaveLength(6)
    expect(previous.schedules).toHaveLength(6)
  })

  it('sends a waiting prefetch as soon as its day is asked for, and drops one for a day the board left', async () => {
    s.sandbox.setLatency(100)
    await s.calendar.loadDay({ locationId: 98, date: '2019-02-15', scheduleIds: [] })
    const afterFirst = s.sandbox.requestCount

    await s.calendar.loadDay({ locationId: 98, date: '2019-02-16', scheduleIds: [] })
    await s.calendar.whenIdle()

    // 4 requests per day at 98: the 16th (its prefetch, sent at once) and the 17th; the 14th is two days away now.
    expect(s.sandbox.requestCount - afterFirst).toBe(2 * 4)
  })

  it('holds prefetches back while a search the user is waiting for is in flight', async () => {
    await s.calendar.loadDay({ locationId: 98, date: '2019-02-15', scheduleIds: [] })
    s.sandbox.setLatency(100)
    const before = s.sandbox.requestCount

    const search = s.calendar.findNextAvailable({
      locationId: 98,
      appointmentTypeId: 66,
      clinicianId: null,
      fromDate: '2019-02-15',
    })
    // Measured once the search's own request is out (it takes a while on a busy machine), while it is in flight.
    while (s.sandbox.requestCount === before) await new Promise((resolve) => setTimeout(resolve, 1))
    await new Promise((resolve) => setTimeout(resolve, 30))
    const duringSearch = s.sandbox.requestCount - before
    await search
    await s.calendar.whenIdle()

    expect(duringSearch).toBe(1)
    expect(s.sandbox.requestCount - before).toBe(1 + 2 * 4)
  })

  it('answers a stale day at once, revalidates it in the background and emits calendar:dayUpdated when it changed', async () => {
    const first = await s.calendar.loadDay({ locationId: 98, date: '2019-02-15', scheduleIds: [] })
    await s.newClient().createBooking({ ...judith, start: at('09:00'), end: at('09:15') })
    s.setNow('2019-02-14T09:00:31+11:00')

    const cached = await s.calendar.loadDay({ locationId: 98, date: '2019-02-15', scheduleIds: [] })
    await s.calendar.whenIdle()

    expect(cached).toBe(first)
    const updates = s.events
      .filter((e) => e.event === 'calendar:dayUpdated')
      .map((e) => e.payload as DayView)
    expect(updates).toHaveLength(1)
    expect(times(day(updates[0] as DayView, 136)?.busy ?? [])).toEqual([
      '09:00-09:15',
      '10:45-11:30',
    ])
    const again = await s.calendar.loadDay({ locationId: 98, date: '2019-02-15', scheduleIds: [] })
    expect(again).toEqual(updates[0])
  })

  it('does not emit when a revalidated day is unchanged', async () => {
    await s.calendar.loadDay({ locationId: 98, date: '2019-02-15', scheduleIds: [] })
    s.setNow('2019-02-14T09:01:00+11:00')

    await s.calendar.loadDay({ locationId: 98, date: '2019-02-15', scheduleIds: [] })
    await s.calendar.whenIdle()

    expect(s.events.filter((e) => e.event === 'calendar:dayUpdated')).toEqual([])
  })

  it('refresh bypasses the cache, and invalidate makes the next load ask again', async () => {
    await s.calendar.loadDay({ locationId: 98, date: '2019-02-15', scheduleIds: [] })
    await s.calendar.whenIdle()
    await s.newClient().createBooking({ ...judith, start: at('09:00'), end: at('09:15') })

    const cached = await s.calendar.loadDay({ locationId: 98, date: '2019-02-15', scheduleIds: [] })
    const refreshed = await s.calendar.loadDay({
      locationId: 98,
      date: '2019-02-15',
      scheduleIds: [],
      refresh: true,
    })
    await s.newClient().createBooking({ ...judith, start: at('09:15'), end: at('09:30') })
    s.calendar.invalidate(98, '2019-02-15')
    const reloaded = await s.calendar.loadDay({
      locationId: 98,
      date: '2019-02-15',
      scheduleIds: [],
    })

    expect(times(day(cached, 136)?.busy ?? [])).toEqual(['10:45-11:30'])
    expect(times(day(refreshed, 136)?.busy ?? [])).toEqual(['09:00-09:15', '10:45-11:30'])
    expect(times(day(reloaded, 136)?.busy ?? [])).toEqual(['09:00-09:30', '10:45-11:30'])
  })

  it('drops a load that comes back after the session changed: the caller is told, nothing is cached or emitted', async () => {
    await s.clinic.loadLocation(98)
    s.sandbox.setLatency(150)
    const loading = s.calendar.loadDay({ locationId: 98, date: '2019-02-15', scheduleIds: [] })
    await new Promise((resolve) => setTimeout(resolve, 20))

    s.calendar.reset()
    s.clinic.reset()

    expect(await codeOf(loading)).toBe('NOT_CONNECTED')
    await s.calendar.whenIdle()
    s.sandbox.setLatency(0)
    const before = s.sandbox.requestCount
    await s.calendar.loadDay({ locationId: 98, date: '2019-02-15', scheduleIds: [] })
    expect(s.sandbox.requestCount).toBeGreaterThan(before)
    expect(s.events).toEqual([])
  })

  it('gives 23- and 25-hour days on the DST changes', async () => {
    const spring = await s.calendar.loadDay({
      locationId: 106,
      date: '2026-10-04',
      scheduleIds: [303],
    })
    const autumn = await s.calendar.loadDay({
      locationId: 106,
      date: '2026-04-05',
      scheduleIds: [303],
    })

    expect(spring.bounds.end - spring.bounds.start).toBe(23 * 3_600_000)
    expect(autumn.bounds.end - autumn.bounds.start).toBe(25 * 3_600_000)
  })

  it('answers NOT_CONNECTED when signed out', async () => {
    s.setClient(null)

    expect(
      await codeOf(s.calendar.loadDay({ locationId: 98, date: '2019-02-15', scheduleIds: [] })),
    ).toBe('NOT_CONNECTED')
  })
})

describe('CalendarService.findNextAvailable', () => {
  it('lists the first free starts of a type across its schedules, in order', async () => {
    const found = flat(
      await s.calendar.findNextAvailable({
        locationId: 98,
        appointmentTypeId: 66,
        clinicianId: null,
        fromDate: '2019-02-15',
        perDay: 100,
      }),
      3,
    )

    expect(
      found.map((x) => [x.scheduleId, formatTime(x.start, SYDNEY), formatTime(x.end, SYDNEY)]),
    ).toEqual([
      [136, '09:00', '09:15'],
      [136, '09:15', '09:30'],
      [136, '09:30', '09:45'],
    ])
  })

  it('agrees with the sandbox’s own free/busy: every slot of the day, each inside free time and aligned', async () => {
    const client = s.newClient()
    const bounds = dayBounds('2019-02-15', SYDNEY)
    const { free } = await client.scheduleFreeBusy(136, bounds.start, bounds.end)

    const found = flat(
      await s.calendar.findNextAvailable({
        locationId: 98,
        appointmentTypeId: 63,
        clinicianId: null,
        fromDate: '2019-02-15',
        days: 1,
        perDay: 100,
      }),
      100,
    )

    // 09:00–10:45 holds 6 half-hour starts on 15-minute slots, 11:30–17:30 holds 23.
    expect(found).toHaveLength(6 + 23)
    for (const slot of found) {
      expect(covers(free, slot)).toBe(true)
      expect(isOnSlotBoundary(slot.start, 15, SYDNEY)).toBe(true)
    }
  })

  it('with a clinician, keeps to their availability', async () => {
    const found = flat(
      await s.calendar.findNextAvailable({
        locationId: 98,
        appointmentTypeId: 87,
        clinicianId: 1158,
        fromDate: '2019-02-15',
        days: 1,
        perDay: 100,
      }),
      100,
    )

    expect(found[0]).toMatchObject({
      scheduleId: 211,
      clinicianId: 1158,
      start: at('09:00'),
      end: at('09:30'),
    })
    expect(found.some((x) => x.start >= at('12:00') && x.start < at('13:00'))).toBe(false)
    expect(found.every((x) => x.end <= at('17:00'))).toBe(true)
  })

  it('with a clinician, leaves out their time booked on a schedule that does not take the type (spec §6.5)', async () => {
    await s.newClient().createBooking({
      location: 98,
      schedule: 136,
      appointmentType: 66,
      start: at('14:00'),
      end: at('14:15'),
      title: null,
      firstName: 'Judith',
      lastName: 'Bourke',
      email: null,
      phone: null,
      mobile: '0418976543',
      patientName: null,
      notes: null,
      user: 1158,
    })

    const found = flat(
      await s.calendar.findNextAvailable({
        locationId: 98,
        appointmentTypeId: 87,
        clinicianId: 1158,
        fromDate: '2019-02-15',
        days: 1,
        perDay: 100,
      }),
      100,
    )

    expect(found.map((x) => formatTime(x.start, SYDNEY))).toContain('13:30')
    expect(found.some((x) => x.start < at('14:15') && x.end > at('14:00'))).toBe(false)
  })

  it('offers only future times, and defaults to today in the location’s zone', async () => {
    s.setNow('2019-02-15T10:00:00+11:00')

    const found = flat(
      await s.calendar.findNextAvailable({
        locationId: 98,
        appointmentTypeId: 66,
        clinicianId: null,
        perDay: 100,
      }),
      1,
    )

    expect(found.map((x) => formatTime(x.start, SYDNEY))).toEqual(['10:15'])
  })

  it('skips the days of a search that are already over', async () => {
    const found = flat(
      await s.calendar.findNextAvailable({
        locationId: 98,
        appointmentTypeId: 66,
        clinicianId: null,
        fromDate: '2019-02-01',
        days: 14,
        perDay: 100,
      }),
      1,
    )
    const over = await s.calendar.findNextAvailable({
      locationId: 98,
      appointmentTypeId: 66,
      clinicianId: null,
      fromDate: '2019-02-01',
      days: 13,
    })

    expect(found.map((x) => x.start)).toEqual([at('09:15', '2019-02-14')])
    expect(over.days).toEqual([])
  })

  it('asks once per schedule with the type, or every schedule and the clinician, in parallel', async () => {
    await s.clinic.loadLocation(106)
    s.sandbox.setLatency(ROUND_TRIP)
    const before = s.sandbox.requestCount

    await s.calendar.findNextAvailable({
      locationId: 106,
      appointmentTypeId: 87,
      clinicianId: null,
      fromDate: '2019-02-15',
    })
    const middle = s.sandbox.requestCount
    const ms = await elapsed(() =>
      s.calendar.findNextAvailable({
        locationId: 106,
        appointmentTypeId: 87,
        clinicianId: 1160,
        fromDate: '2019-02-15',
      }),
    )

    expect(middle - before).toBe(3)
    // The three schedules taking the type were just asked over the same days: only the other three and the clinician.
    expect(s.sandbox.requestCount - middle).toBe(3 + 1)
    expect(ms).toBeLessThan(2 * ROUND_TRIP) // 4 round trips one after another
  })

  it('refuses a type no schedule takes and a clinician not at the location', async () => {
    const request = {
      locationId: 98,
      appointmentTypeId: 66,
      clinicianId: null,
      fromDate: '2019-02-15',
    }

    expect(await codeOf(s.calendar.findNextAvailable({ ...request, appointmentTypeId: 81 }))).toBe(
      'NOT_FOUND',
    )
    expect(await codeOf(s.calendar.findNextAvailable({ ...request, clinicianId: 1160 }))).toBe(
      'NOT_FOUND',
    )
  })

  it('serves calendar:* through its IPC adapters', async () => {
    const handlers = calendarHandlers(s.calendar)

    const view = await handlers['calendar:loadDay']({
      locationId: 98,
      date: '2019-02-15',
      scheduleIds: [],
    })
    const found = await handlers['calendar:findNextAvailable']({
      locationId: 98,
      appointmentTypeId: 66,
      clinicianId: null,
      fromDate: '2019-02-15',
      perDay: 1,
    })

    expect(view.date).toBe('2019-02-15')
    expect(found.days[0]?.suggestions).toHaveLength(1)
  })
})

describe('CalendarService.findNextAvailable on the generated clinic around today', () => {
  const HOUR = 3_600_000
  let live: Services
  beforeEach(async () => {
    live = await startServices({ now: new Date(Date.now() - (Date.now() % HOUR)).toISOString() })
  })
  afterEach(() => live.close())

  it('finds the same first time as a slot-by-slot scan of the sandbox’s free/busy, for every type', async () => {
    const details = await live.clinic.loadLocation(106)
    const now = Date.now() - (Date.now() % HOUR)
    const client = live.newClient()
    const from = now - (now % (24 * HOUR)) - 24 * HOUR
    const to = from + 5 * 24 * HOUR
    const answers = new Map(
      await Promise.all(
        details.schedules.map(
          async (x) => [x.id, await client.scheduleFreeBusy(x.id, from, to)] as const,
        ),
      ),
    )
    const types = [
      ...new Set(details.schedules.flatMap((x) => x.appointmentTypes.map((t) => t.id))),
    ]

    for (const typeId of types) {
      const [first] = flat(
        await live.calendar.findNextAvailable({
          locationId: 106,
          appointmentTypeId: typeId,
          clinicianId: null,
          days: 3,
          perDay: 100,
        }),
        1,
      )

      let expected: number | null = null
      for (const schedule of details.schedules) {
        const type = schedule.appointmentTypes.find((t) => t.id === typeId)
        const answer = answers.get(schedule.id)
        if (!type || !answer) continue
        const duration = type.slots * schedule.slotSize * 60_000
        for (
          let t = now - (now % (schedule.slotSize * 60_000));
          t < to;
          t += schedule.slotSize * 60_000
        ) {
          if (t <= now || !isOnSlotBoundary(t, schedule.slotSize, SYDNEY)) continue
          if (covers(answer.free, { start: t, end: t + duration })) {
            if (expected === null || t < expected) expected = t
            break
          }
        }
      }
      const horizon = dayBounds(addDays(todayIn(SYDNEY, now), 3), SYDNEY).start
      expect(first?.start ?? null).toBe(expected !== null && expected < horizon ? expected : null)
    }
  })

  it('offers a clinician exactly the times the day board shows for them, day after day', async () => {
    const details = await live.clinic.loadLocation(106)
    const now = Date.now() - (Date.now() % HOUR)
    const today = todayIn(SYDNEY, now)
    const days = await Promise.all(
      Array.from({ length: 14 }, (_, d) =>
        live.calendar.loadDay({ locationId: 106, date: addDays(today, d), scheduleIds: [] }),
      ),
    )

    for (const clinician of details.clinicians) {
      const found = flat(
        await live.calendar.findNextAvailable({
          locationId: 106,
          appointmentTypeId: 66,
          clinicianId: clinician.id,
          days: 14,
          perDay: 100,
        }),
        100,
      )
      const onBoard = days.flatMap((view) =>
        details.schedules.flatMap((schedule) => {
          const type = schedule.appointmentTypes.find((t) => t.id === 66)
          const available =
            view.clinicians.find((c) => c.clinicianId === clinician.id)?.available[schedule.id] ??
            []
          return type === undefined
            ? []
            : bookableStarts(available, schedule, type, SYDNEY, { after: now }).map((start) => ({
                start,
                scheduleId: schedule.id,
              }))
        }),
      )
      onBoard.sort((a, b) => a.start - b.start)

      const offered = found.map(({ start, scheduleId }) => ({ start, scheduleId }))
      expect(new Set(offered.map((o) => `${o.start}@${o.scheduleId}`))).toEqual(
        new Set(onBoard.slice(0, found.length).map((o) => `${o.start}@${o.scheduleId}`)),
      )
      expect(found.length).toBe(Math.min(100, onBoard.length))
    }
  })

  it('offers a clinician only times inside their roster and outside every busy time of the schedule', async () => {
    const details = await live.clinic.loadLocation(106)
    const client = live.newClient()
    const now = Date.now() - (Date.now() % HOUR)

    let checked = 0
    for (const clinician of details.clinicians) {
      const found = flat(
        await live.calendar.findNextAvailable({
          locationId: 106,
          appointmentTypeId: 79,
          clinicianId: clinician.id,
          days: 3,
          perDay: 100,
        }),
        50,
      )
      if (found.length === 0) continue
      const roster = await client.userFreeBusy(
        clinician.id,
        106,
        now - 24 * HOUR,
        now + 5 * 24 * HOUR,
      )
      for (const slot of found) {
        const schedule = await client.scheduleFreeBusy(slot.scheduleId, slot.start, slot.end)
        const rostered = roster.free.filter((r) => r.scheduleId === slot.scheduleId)

        expect(slot.start).toBeGreaterThan(now)
        expect(covers(rostered, slot)).toBe(true)
        expect(covers(schedule.free, slot)).toBe(true)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(0)
  })
})
