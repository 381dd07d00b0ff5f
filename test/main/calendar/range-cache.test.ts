import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FreeBusyRangeCache } from '../../../src/main/calendar/range-cache'
import { OpenVpmsClient } from '../../../src/main/openvpms/client'
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox'
import type { Range } from '../../../src/shared/domain'
import { dayBounds, formatTime } from '../../../src/shared/time'
import { codeOf, SEED_NOW, SYDNEY } from '../clinic/harness'

let sandbox: RunningSandbox
let nowMs: number
const cache = (options: { maxEntries?: number } = {}): FreeBusyRangeCache => {
  const client = new OpenVpmsClient({
    baseUrl: sandbox.baseUrl,
    username: 'sample',
    password: 'changeit',
    timeoutMs: 3_000,
    retries: 0,
  })
  return new FreeBusyRangeCache({ getClient: () => client, now: () => nowMs, ...options })
}

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, now: SEED_NOW })
  nowMs = Date.parse(SEED_NOW)
})
afterEach(() => sandbox.close())

const days = (from: string, to: string): Range => ({
  start: dayBounds(from, SYDNEY).start,
  end: dayBounds(to, SYDNEY).start,
})
const times = (ranges: readonly Range[]): string[] =>
  ranges.map((r) => `${formatTime(r.start, SYDNEY)}-${formatTime(r.end, SYDNEY)}`)

describe('FreeBusyRangeCache', () => {
  it('answers a range inside one it holds without asking, cut to that range', async () => {
    const ranges = cache()
    await ranges.scheduleFreeBusy(136, days('2019-02-14', '2019-02-28'))
    const before = sandbox.requestCount

    const day = await ranges.scheduleFreeBusy(136, days('2019-02-15', '2019-02-16'))
    const clinician = await ranges.userFreeBusy(1158, 98, days('2019-02-14', '2019-02-28'))
    const clinicianDay = await ranges.userFreeBusy(1158, 98, days('2019-02-15', '2019-02-16'))

    expect(times(day.free)).toEqual(['09:00-10:45', '11:30-17:30'])
    expect(times(day.busy)).toEqual(['10:45-11:30'])
    expect(clinicianDay.free.map((r) => r.scheduleId).sort()).toEqual(
      clinician.free.map((r) => r.scheduleId).sort(),
    )
    // Two requests: the clinician's fortnight; the day inside it and the schedule's day were already held.
    expect(sandbox.requestCount - before).toBe(1)
    expect(ranges.requestCount).toBe(2)
  })

  it('asks again for a range it does not cover, an answer past its age, or when told to refresh', async () => {
    const ranges = cache()
    await ranges.scheduleFreeBusy(136, days('2019-02-15', '2019-02-16'))
    const before = sandbox.requestCount

    await ranges.scheduleFreeBusy(136, days('2019-02-15', '2019-02-17'))
    await ranges.scheduleFreeBusy(136, days('2019-02-15', '2019-02-17'), { refresh: true })
    nowMs += 30_001
    await ranges.scheduleFreeBusy(136, days('2019-02-15', '2019-02-17'))

    expect(sandbox.requestCount - before).toBe(3)
  })

  it('sends one request for the same range asked twice at once', async () => {
    const ranges = cache()
    sandbox.setLatency(100)
    const before = sandbox.requestCount

    const [a, b] = await Promise.all([
      ranges.scheduleFreeBusy(211, days('2019-02-14', '2019-02-28')),
      ranges.scheduleFreeBusy(211, days('2019-02-14', '2019-02-28')),
    ])

    expect(sandbox.requestCount - before).toBe(1)
    expect(a).toEqual(b)
  })

  it('keeps at most its bound, dropping the least recently used, and forgets everything when cleared', async () => {
    const ranges = cache({ maxEntries: 2 })
    const fortnight = days('2019-02-14', '2019-02-28')
    await ranges.scheduleFreeBusy(136, fortnight)
    await ranges.scheduleFreeBusy(211, fortnight)
    await ranges.scheduleFreeBusy(136, fortnight)
    await ranges.scheduleFreeBusy(301, fortnight)
    const before = sandbox.requestCount

    await ranges.scheduleFreeBusy(136, fortnight)
    await ranges.scheduleFreeBusy(211, fortnight)
    ranges.clear()
    await ranges.scheduleFreeBusy(301, fortnight)

    expect(ranges.size).toBe(1)
    // 136 was read last before 301 came, so 211 went: 211 asked again, then 301 after the clear.
    expect(sandbox.requestCount - before).toBe(2)
  })

  it('keeps no failure: a clinician not at the location is asked again next time', async () => {
    const ranges = cache()
    const fortnight = days('2019-02-14', '2019-02-28')

    expect(await codeOf(ranges.userFreeBusy(1160, 98, fortnight))).toBe('NOT_FOUND')
    const before = sandbox.requestCount
    expect(await codeOf(ranges.userFreeBusy(1160, 98, fortnight))).toBe('NOT_FOUND')

    expect(sandbox.requestCount - before).toBe(1)
    expect(ranges.size).toBe(0)
  })
})
