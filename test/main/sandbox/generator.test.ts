import { DateTime } from 'luxon'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox'
import { client } from './support'

interface Range {
  start: string
  end: string
}

const ZONE = 'Australia/Sydney'
const today = DateTime.now().setZone(ZONE).startOf('day')
/** The next day from today (inclusive of `from` days ahead) with the given ISO weekday. */
const nextWeekday = (weekday: number, from = 1) => {
  let day = today.plus({ days: from })
  while (day.weekday !== weekday) day = day.plus({ days: 1 })
  return day
}
const dayQuery = (day: DateTime) =>
  `from=${encodeURIComponent(day.toISO({ suppressMilliseconds: true }) ?? '')}` +
  `&to=${encodeURIComponent(day.plus({ days: 1 }).toISO({ suppressMilliseconds: true }) ?? '')}`
const minutes = (ranges: Range[]) =>
  ranges.reduce((sum, range) => sum + (Date.parse(range.end) - Date.parse(range.start)) / 60_000, 0)

let sandbox: RunningSandbox
let api: ReturnType<typeof client>

beforeAll(async () => {
  sandbox = await startSandbox()
  api = client(sandbox)
})
afterAll(() => sandbox.close())

async function freeBusy(schedule: number, day: DateTime, target = api) {
  const response = await target.get(`/schedules/${schedule}/freebusy?${dayQuery(day)}`)
  return (await response.json()) as { free: Range[]; busy: Range[] }
}

describe('seed clinic: generated days around today', () => {
  it('gives the same day on every start, whatever the clock', async () => {
    const day = nextWeekday(3)
    const restarted = await startSandbox({ now: '2019-02-14T09:00:00+11:00' })
    try {
      const other = client(restarted)
      for (const schedule of [136, 211, 301, 306]) {
        expect(await freeBusy(schedule, day, other)).toEqual(await freeBusy(schedule, day))
      }
      expect(await freeBusy(301, today.minus({ days: 30 }), other)).toEqual(
        await freeBusy(301, today.minus({ days: 30 })),
      )
    } finally {
      await restarted.close()
    }
  })

  it('books a realistic share of weekday opening hours at Branch Clinic', async () => {
    let free = 0
    let busy = 0
    for (let offset = -7; offset < 7; offset++) {
      const day = today.plus({ days: offset })
      if (day.weekday > 5) continue
      for (const schedule of [301, 302, 303, 304, 305, 306]) {
        const result = await freeBusy(schedule, day)
        free += minutes(result.free)
        busy += minutes(result.busy)
      }
    }
    const share = busy / (free + busy)

    expect(share).toBeGreaterThan(0.35)
    expect(share).toBeLessThan(0.7)
  })

  it('opens weekdays 08:00–18:00 with a lunch block, Saturday mornings, and closes 301 on Sundays', async () => {
    const monday = await freeBusy(301, nextWeekday(1))
    const saturday = await freeBusy(301, nextWeekday(6))
    const sunday = await freeBusy(301, nextWeekday(7))
    const sundayRoom2 = await freeBusy(302, nextWeekday(7))
    const all = (result: { free: Range[]; busy: Range[] }) =>
      [...result.free, ...result.busy].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))

    expect(all(monday)[0]?.start.slice(11, 16)).toBe('08:00')
    expect(all(monday).at(-1)?.end.slice(11, 16)).toBe('18:00')
    expect(
      monday.busy.some(
        (range) => range.start.slice(11, 16) <= '12:30' && range.end.slice(11, 16) >= '13:30',
      ),
    ).toBe(true)
    expect(all(saturday).at(-1)?.end.slice(11, 16)).toBe('12:30')
    expect(sunday).toEqual({ free: [], busy: [] })
    expect(minutes(all(sundayRoom2))).toBe(240)
  })

  it('rosters the clinicians on the schedules of their location', async () => {
    let rostered = 0
    for (const user of [1158, 1159, 1160, 1161]) {
      for (let offset = 0; offset < 7; offset++) {
        const response = await api.get(
          `/users/${user}/locations/106/free?${dayQuery(today.plus({ days: offset }))}`,
        )
        const free = (await response.json()) as (Range & { schedule: number })[]
        if (free.length > 0) rostered++
        for (const range of free) expect([301, 302, 303, 304, 305, 306]).toContain(range.schedule)
      }
    }

    expect(rostered).toBeGreaterThan(10)
  })

  it('leaves days far from today empty: open and free', async () => {
    const far = nextWeekday(2, 200)

    const result = await freeBusy(301, far)

    expect(result.busy).toEqual([])
    expect(minutes(result.free)).toBe(600)
  })
})
