import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CalendarService } from '../../../src/main/calendar/service'
import { ClinicService } from '../../../src/main/clinic/service'
import { OpenVpmsClient } from '../../../src/main/openvpms/client'
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox'
import type { IsoDate } from '../../../src/shared/domain'
import { SEED_NOW } from '../clinic/harness'

// A day at location 98 costs one request per schedule and one per clinician.
const REQUESTS_PER_DAY = 4
// Two days with the neighbours the board prefetches for each: a third day pushes three days out.
const MAX_DAYS = 6

let sandbox: RunningSandbox
let calendar: CalendarService
beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, now: SEED_NOW })
  const client = new OpenVpmsClient({
    baseUrl: sandbox.baseUrl,
    username: 'sample',
    password: 'changeit',
    timeoutMs: 3_000,
  })
  const getClient = (): OpenVpmsClient => client
  calendar = new CalendarService({
    getClient,
    clinic: new ClinicService({ getClient }),
    emit: () => undefined,
    now: () => Date.parse(SEED_NOW),
    maxDays: MAX_DAYS,
  })
})
afterEach(async () => {
  await calendar.whenIdle()
  await sandbox.close()
})

/** Loads a day as the board does and lets its neighbours' prefetch finish; the requests it cost. */
async function look(date: IsoDate): Promise<number> {
  const before = sandbox.requestCount
  await calendar.loadDay({ locationId: 98, date, scheduleIds: [] })
  const requests = sandbox.requestCount - before
  await calendar.whenIdle()
  return requests
}

/**
 * Feb 1 and Feb 10 with their neighbours fill the cache; Feb 1 is looked at again, then Feb 20 (with Feb 19 and 21)
 * pushes out the three days looked at longest ago: Jan 31, Feb 2 (prefetched after Feb 1) and Feb 10, not Feb 1.
 */
async function lookAtFeb1AgainThenFeb20(): Promise<number> {
  await look('2019-02-01')
  await look('2019-02-10')
  const again = await look('2019-02-01')
  await look('2019-02-20')
  return again
}

describe('the calendar’s day cache (least recently used)', () => {
  it('answers a day looked at again from the cache and keeps it while older days are dropped', async () => {
    const again = await lookAtFeb1AgainThenFeb20()

    const afterFeb20 = await look('2019-02-01')

    expect(again).toBe(0)
    expect(afterFeb20).toBe(0)
  })

  it('drops the days looked at longest ago first, never holding more than it may', async () => {
    await lookAtFeb1AgainThenFeb20()

    const feb10 = await look('2019-02-10')

    expect(feb10).toBe(REQUESTS_PER_DAY)
  })

  it('keeps the newest days when one day after another is looked at', async () => {
    await look('2019-02-01')
    await look('2019-02-10')
    await look('2019-02-20')

    const feb20 = await look('2019-02-20')
    const feb1 = await look('2019-02-01')

    expect(feb20).toBe(0)
    expect(feb1).toBe(REQUESTS_PER_DAY)
  })
})
