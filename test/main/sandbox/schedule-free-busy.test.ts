import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox'
import { client } from './support'

interface Range {
  start: string
  end: string
}

const base = {
  timeZone: 'Australia/Sydney',
  users: [{ id: 1, name: 'Api', login: 'api', password: 'secret', bookingRole: true }],
  locations: [{ id: 1, name: 'Clinic', onlineBooking: true }],
  appointmentTypes: [{ id: 1, name: 'Consult', onlineBooking: true }],
}

const dataset = {
  ...base,
  schedules: [
    { id: 30, name: 'Day', location: 1, onlineBooking: true, startTime: '09:00', endTime: '17:00' },
    { id: 31, name: 'All hours', location: 1, onlineBooking: true, slotSize: 30 },
    {
      id: 32,
      name: 'Booking times',
      location: 1,
      onlineBooking: true,
      startTime: '06:00',
      endTime: '22:00',
      onlineBookingTimes: { mon: { start: '08:00', end: '12:00' }, tue: { open: false } },
    },
    { id: 33, name: 'Hourly', location: 1, onlineBooking: true, slotSize: 60 },
    { id: 34, name: 'No slots', location: 1, onlineBooking: true, slotSize: 0 },
  ],
  appointments: [
    { id: 1, schedule: 30, appointmentType: 1, start: '2026-03-02T08:30', end: '2026-03-02T09:00' },
    { id: 2, schedule: 30, appointmentType: 1, start: '2026-03-02T10:00', end: '2026-03-02T10:30' },
    { id: 3, schedule: 30, appointmentType: 1, start: '2026-03-02T10:15', end: '2026-03-02T11:00' },
    { id: 4, schedule: 30, appointmentType: 1, start: '2026-03-02T11:00', end: '2026-03-02T11:15' },
    {
      id: 5,
      schedule: 30,
      appointmentType: 1,
      start: '2026-03-02T12:00',
      end: '2026-03-02T12:30',
      status: 'CANCELLED',
    },
    { id: 6, schedule: 30, appointmentType: 1, start: '2026-03-02T16:45', end: '2026-03-02T17:30' },
    {
      id: 7,
      schedule: 30,
      appointmentType: 1,
      start: '2026-03-03T10:00',
      end: '2026-03-03T10:10',
      status: 'COMPLETED',
    },
    { id: 8, schedule: 30, appointmentType: 1, start: '2026-03-04T10:00', end: '2026-03-04T12:00' },
    { id: 9, schedule: 30, appointmentType: 1, start: '2026-03-04T10:30', end: '2026-03-04T11:00' },
  ],
  calendarBlocks: [
    { schedule: 30, start: '2026-03-02T13:00', end: '2026-03-02T14:00' },
    { schedule: 30, start: '2026-03-04T14:00', end: '2026-03-04T16:00' },
    { schedule: 30, start: '2026-03-04T14:15', end: '2026-03-04T14:45' },
  ],
}

const t = (day: string, time: string, offset = '+11:00') => `2026-${day}T${time}:00.000${offset}`
const range = (day: string, from: string, to: string, offset = '+11:00'): Range => ({
  start: t(day, from, offset),
  end: t(day, to, offset),
})

let sandbox: RunningSandbox
let api: ReturnType<typeof client>

beforeAll(async () => {
  sandbox = await startSandbox({ dataset })
  api = client(sandbox, 'api', 'secret')
})
afterAll(() => sandbox.close())

async function freeBusy(schedule: number, from: string, to: string, slots = false) {
  const query = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}${slots ? '&slots=true' : ''}`
  const response = await api.get(`/schedules/${schedule}/freebusy?${query}`)
  expect(response.status).toBe(200)
  return (await response.json()) as { free: Range[]; busy: Range[] }
}

describe('schedule free/busy (spec §5)', () => {
  it('merges overlapping and touching events, ignores cancelled ones, counts blocks and every other status', async () => {
    const result = await freeBusy(30, '2026-03-02T00:00:00+11:00', '2026-03-03T00:00:00+11:00')

    expect(result.free).toEqual([
      range('03-02', '09:00', '10:00'),
      range('03-02', '11:15', '13:00'),
      range('03-02', '14:00', '16:45'),
    ])
    // The appointment ending at opening time survives as a zero-length range (spec §5.4 quirk).
    expect(result.busy).toEqual([
      range('03-02', '09:00', '09:00'),
      range('03-02', '10:00', '11:15'),
      range('03-02', '13:00', '14:00'),
      range('03-02', '16:45', '17:00'),
    ])
  })

  it('keeps an event nested inside a longer one busy to the longer one’s end', async () => {
    const result = await freeBusy(30, '2026-03-04T00:00:00+11:00', '2026-03-05T00:00:00+11:00')

    expect(result.free).toEqual([
      range('03-04', '09:00', '10:00'),
      range('03-04', '12:00', '14:00'),
      range('03-04', '16:00', '17:00'),
    ])
    expect(result.busy).toEqual([
      range('03-04', '10:00', '12:00'),
      range('03-04', '14:00', '16:00'),
    ])
  })

  it('clips to the query, whatever offset the caller used, and answers in the server zone', async () => {
    const result = await freeBusy(30, '2026-03-01T23:30:00Z', '2026-03-02T03:00:00Z')

    expect(result.free).toEqual([range('03-02', '11:15', '13:00')])
    expect(result.busy).toEqual([
      range('03-02', '10:30', '11:15'),
      range('03-02', '13:00', '14:00'),
    ])
  })

  it('drops partial slots from both lists with slots=true', async () => {
    const result = await freeBusy(
      30,
      '2026-03-03T00:00:00+11:00',
      '2026-03-04T00:00:00+11:00',
      true,
    )

    // 10:00–10:10 is busy but covers no whole 15-minute slot; 10:00–10:15 is free only partly.
    expect(result.busy).toEqual([])
    expect(result.free[0]).toEqual(range('03-03', '09:00', '09:15'))
    expect(result.free).not.toContainEqual(range('03-03', '10:00', '10:15'))
    expect(result.free).toContainEqual(range('03-03', '10:15', '10:30'))
    expect(result.free).toHaveLength(31)
  })

  it('keeps from’s time of day for every day and skips the day of `to` when its time is earlier (quirks)', async () => {
    const result = await freeBusy(31, '2026-03-02T10:00:00+11:00', '2026-03-04T09:00:00+11:00')

    expect(result.free).toEqual([
      { start: t('03-02', '10:00'), end: t('03-03', '00:00') },
      { start: t('03-03', '10:00'), end: t('03-04', '00:00') },
    ])
  })

  it('uses online booking times per weekday: defaults, custom hours, closed days', async () => {
    const result = await freeBusy(32, '2026-03-02T00:00:00+11:00', '2026-03-05T00:00:00+11:00')

    expect(result.free).toEqual([
      range('03-02', '08:00', '12:00'),
      range('03-04', '08:00', '17:00'),
    ])
  })

  it('includes the day of `to` when its time of day equals from’s', async () => {
    const result = await freeBusy(30, '2026-03-04T10:00:00+11:00', '2026-03-05T10:00:00+11:00')

    expect(result.free.at(-1)).toEqual(range('03-05', '09:00', '10:00'))
  })

  it('keeps the query’s milliseconds on a rounded slot, as OpenVPMS does (spec §5.5)', async () => {
    const result = await freeBusy(
      31,
      '2026-03-02T10:07:00.250+11:00',
      '2026-03-02T12:00:00+11:00',
      true,
    )

    expect(result.free[0]).toEqual({
      start: '2026-03-02T10:30:00.250+11:00',
      end: '2026-03-02T11:00:00.250+11:00',
    })
  })

  it('answers whole ranges with slots=true on a schedule without a slot size', async () => {
    const from = '2026-03-02T10:00:00+11:00'
    const to = '2026-03-02T12:00:00+11:00'

    expect(await freeBusy(34, from, to, true)).toEqual(await freeBusy(34, from, to))
    expect((await freeBusy(34, from, to, true)).free).toEqual([range('03-02', '10:00', '12:00')])
  })

  it('answers nothing when from is after to', async () => {
    expect(await freeBusy(30, '2026-03-03T00:00:00+11:00', '2026-03-02T00:00:00+11:00')).toEqual({
      free: [],
      busy: [],
    })
  })
})

describe('schedule free/busy across DST in Australia/Sydney', () => {
  it('has a 23-hour 2026-10-04 with +10:00 before 02:00 and +11:00 after', async () => {
    const result = await freeBusy(
      33,
      '2026-10-04T00:00:00+10:00',
      '2026-10-05T00:00:00+11:00',
      true,
    )

    expect(result.free).toHaveLength(23)
    expect(result.free[1]).toEqual({
      start: t('10-04', '01:00', '+10:00'),
      end: t('10-04', '03:00', '+11:00'),
    })
    expect(result.free[2]).toEqual({
      start: t('10-04', '03:00', '+11:00'),
      end: t('10-04', '04:00', '+11:00'),
    })
    expect(result.free[22]?.end).toBe(t('10-05', '00:00', '+11:00'))
  })

  it('has a 25-hour 2026-04-05 with 02:00 twice, +11:00 then +10:00', async () => {
    const plain = await freeBusy(33, '2026-04-05T00:00:00+11:00', '2026-04-06T00:00:00+10:00')
    const slots = await freeBusy(33, '2026-04-05T00:00:00+11:00', '2026-04-06T00:00:00+10:00', true)

    expect(plain.free).toEqual([
      { start: t('04-05', '00:00', '+11:00'), end: t('04-06', '00:00', '+10:00') },
    ])
    expect(slots.free).toHaveLength(25)
    expect(slots.free[1]).toEqual({
      start: t('04-05', '01:00', '+11:00'),
      end: t('04-05', '02:00', '+11:00'),
    })
    expect(slots.free[2]).toEqual({
      start: t('04-05', '02:00', '+11:00'),
      end: t('04-05', '02:00', '+10:00'),
    })
    expect(slots.free[3]).toEqual({
      start: t('04-05', '02:00', '+10:00'),
      end: t('04-05', '03:00', '+10:00'),
    })
  })
})

describe('slots=true on daylight-saving change days, as OpenVPMS rounds them (spec §5.5)', () => {
  // Each change day and the day after: 20-minute slots, open 09:00–19:00, booked except 10:00–10:45 and
  // 12:30–16:45 (wall clock).
  const bookedAround = (day: string, first: number) =>
    [
      ['09:00', '10:00'],
      ['10:45', '12:30'],
      ['16:45', '19:00'],
    ].map(([start, end], index) => ({
      id: first + index,
      schedule: 40,
      appointmentType: 1,
      start: `${day}T${start}`,
      end: `${day}T${end}`,
    }))
  const changeDays = {
    ...base,
    schedules: [
      {
        id: 40,
        name: 'Twenty',
        location: 1,
        onlineBooking: true,
        slotSize: 20,
        startTime: '09:00',
        endTime: '19:00',
      },
    ],
    appointments: ['2019-04-07', '2019-04-08', '2019-10-06', '2019-10-07'].flatMap((day, index) =>
      bookedAround(day, 1 + index * 3),
    ),
  }
  const at = (day: string, time: string, offset: string) => `${day}T${time}:00.000${offset}`
  /** Consecutive 20-minute slots from `first` to `last` on one day, in one offset. */
  const slotsBetween = (day: string, first: string, last: string, offset: string): Range[] => {
    const minutes = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5))
    const hhmm = (value: number) =>
      `${String(Math.floor(value / 60)).padStart(2, '0')}:${String(value % 60).padStart(2, '0')}`
    const result: Range[] = []
    for (let start = minutes(first); start + 20 <= minutes(last); start += 20) {
      result.push({ start: at(day, hhmm(start), offset), end: at(day, hhmm(start + 20), offset) })
    }
    return result
  }

  let dstSandbox: RunningSandbox
  let dstApi: ReturnType<typeof client>
  beforeAll(async () => {
    dstSandbox = await startSandbox({ dataset: changeDays })
    dstApi = client(dstSandbox, 'api', 'secret')
  })
  afterAll(() => dstSandbox.close())

  async function slotted(from: string, to: string) {
    const query = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`
    const plain = await dstApi.get(`/schedules/40/freebusy?${query}`)
    const sliced = await dstApi.get(`/schedules/40/freebusy?${query}&slots=true`)
    expect([plain.status, sliced.status]).toEqual([200, 200])
    return {
      plain: (await plain.json()) as { free: Range[]; busy: Range[] },
      sliced: (await sliced.json()) as { free: Range[]; busy: Range[] },
    }
  }

  it('clocks back (Sydney 2019-04-07): rounded boundaries land an hour early, aligned ones stay', async () => {
    const day = '2019-04-07'
    const { plain, sliced } = await slotted(`${day}T00:00:00+11:00`, '2019-04-08T00:00:00+10:00')

    expect(plain.free).toEqual([
      { start: at(day, '10:00', '+10:00'), end: at(day, '10:45', '+10:00') },
      { start: at(day, '12:30', '+10:00'), end: at(day, '16:45', '+10:00') },
    ])
    // 10:00 is aligned and kept, 10:45 rounds down to midnight (+11:00) + 640 minutes = 09:40 (+10:00): no slot.
    // 12:30–16:45 rounds to 12:40–16:40 counted from midnight, which is 11:40–15:40 on the wall clock.
    expect(sliced.free).toEqual(slotsBetween(day, '11:40', '15:40', '+10:00'))
    expect(sliced.busy).toEqual([
      ...slotsBetween(day, '09:00', '10:00', '+10:00'),
      ...slotsBetween(day, '10:00', '11:20', '+10:00'),
      ...slotsBetween(day, '16:00', '19:00', '+10:00'),
    ])
  })

  it('clocks forward (Sydney 2019-10-06): rounded boundaries land an hour late, aligned ones stay', async () => {
    const day = '2019-10-06'
    const { plain, sliced } = await slotted(`${day}T00:00:00+10:00`, '2019-10-07T00:00:00+11:00')

    expect(plain.free).toEqual([
      { start: at(day, '10:00', '+11:00'), end: at(day, '10:45', '+11:00') },
      { start: at(day, '12:30', '+11:00'), end: at(day, '16:45', '+11:00') },
    ])
    // Midnight is +10:00, so midnight + 640 minutes is 11:40 (+11:00): free slots run into the booking at 10:45.
    expect(sliced.free).toEqual([
      ...slotsBetween(day, '10:00', '11:40', '+11:00'),
      ...slotsBetween(day, '13:40', '17:40', '+11:00'),
    ])
    expect(sliced.busy).toEqual([
      ...slotsBetween(day, '09:00', '10:00', '+11:00'),
      ...slotsBetween(day, '12:00', '13:20', '+11:00'),
      ...slotsBetween(day, '18:00', '19:00', '+11:00'),
    ])
  })

  it('rounds on the wall clock again the day after each change', async () => {
    for (const [day, offset] of [
      ['2019-04-08', '+10:00'],
      ['2019-10-07', '+11:00'],
    ] as const) {
      const next = `${day.slice(0, 8)}${String(Number(day.slice(8)) + 1).padStart(2, '0')}`
      const { sliced } = await slotted(`${day}T00:00:00${offset}`, `${next}T00:00:00${offset}`)

      expect(sliced.free).toEqual([
        ...slotsBetween(day, '10:00', '10:40', offset),
        ...slotsBetween(day, '12:40', '16:40', offset),
      ])
    }
  })
})

describe('schedule free/busy invariants (property-based)', () => {
  const minutes = (text: string) => Number(text.slice(11, 13)) * 60 + Number(text.slice(14, 16))
  const instant = (text: string) => Date.parse(text)

  const scenario = fc.record({
    slot: fc.constantFrom(10, 15, 20, 30, 60),
    open: fc.integer({ min: 6, max: 11 }),
    close: fc.integer({ min: 13, max: 23 }),
    events: fc.array(
      fc.record({
        day: fc.integer({ min: 1, max: 5 }),
        start: fc.integer({ min: 0, max: 24 * 12 - 1 }),
        length: fc.integer({ min: 0, max: 36 }),
        kind: fc.constantFrom('PENDING', 'CANCELLED', 'COMPLETED', 'block'),
      }),
      { maxLength: 25 },
    ),
    fromDay: fc.integer({ min: 1, max: 3 }),
    fromMinute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
    spanMinutes: fc.integer({ min: 0, max: 4 * 24 * 60 }),
    slots: fc.boolean(),
  })

  it('never overlaps free with busy, stays inside opening hours and the query, and aligns slots', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const wall = (day: number, minute: number) => {
          const date = new Date(Date.UTC(2026, 2, 1 + day, 0, minute))
          return date.toISOString().slice(0, 16)
        }
        const events = s.events.map((event, index) => ({
          start: wall(event.day, event.start * 5),
          end: wall(event.day, event.start * 5 + event.length * 5),
          kind: event.kind,
          id: index + 1,
        }))
        const hh = (hour: number) => `${String(hour).padStart(2, '0')}:00`
        const world = {
          ...base,
          schedules: [
            {
              id: 1,
              name: 'S',
              location: 1,
              onlineBooking: true,
              slotSize: s.slot,
              startTime: hh(s.open),
              endTime: hh(s.close),
            },
          ],
          appointments: events
            .filter((event) => event.kind !== 'block')
            .map((event) => ({
              id: event.id,
              schedule: 1,
              appointmentType: 1,
              start: event.start,
              end: event.end,
              status: event.kind,
            })),
          calendarBlocks: events
            .filter((event) => event.kind === 'block')
            .map((event) => ({ schedule: 1, start: event.start, end: event.end })),
        }
        const local = await startSandbox({ dataset: world })
        try {
          const from = new Date(Date.UTC(2026, 2, 1 + s.fromDay, 0, s.fromMinute) - 11 * 3_600_000)
          const to = new Date(from.getTime() + s.spanMinutes * 60_000)
          const query = `from=${from.toISOString()}&to=${to.toISOString()}${s.slots ? '&slots=true' : ''}`
          const response = await client(local, 'api', 'secret').get(
            `/schedules/1/freebusy?${query}`,
          )
          const { free, busy } = (await response.json()) as { free: Range[]; busy: Range[] }

          for (const item of [...free, ...busy]) {
            expect(instant(item.start)).toBeGreaterThanOrEqual(from.getTime())
            expect(instant(item.end)).toBeLessThanOrEqual(to.getTime())
            expect(instant(item.start)).toBeLessThanOrEqual(instant(item.end))
            expect(item.start.slice(0, 10)).toBe(item.end.slice(0, 10))
            expect(minutes(item.start)).toBeGreaterThanOrEqual(s.open * 60)
            expect(minutes(item.end)).toBeLessThanOrEqual(s.close * 60)
            if (s.slots) {
              expect(instant(item.end) - instant(item.start)).toBe(s.slot * 60_000)
              expect(minutes(item.start) % s.slot).toBe(0)
            }
          }
          for (const f of free) {
            expect(instant(f.end)).toBeGreaterThan(instant(f.start))
            for (const b of busy) {
              const overlaps =
                instant(f.start) < instant(b.end) && instant(b.start) < instant(f.end)
              expect(overlaps).toBe(false)
            }
          }
          for (const list of [free, busy]) {
            for (let index = 1; index < list.length; index++) {
              expect(instant(list[index]!.start)).toBeGreaterThanOrEqual(
                instant(list[index - 1]!.end),
              )
            }
          }
        } finally {
          await local.close()
        }
      }),
      { numRuns: 60 },
    )
  })
})
