// Far dates never hang the sandbox (days compare as numbers, every day loop is bounded).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OpenVpmsClient } from '../../../src/main/openvpms/client'
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox'
import { dayKeysBetween, MAX_DAYS_PER_REQUEST, TooManyDays } from '../../../src/main/sandbox/dates'
import { dayBounds } from '../../../src/shared/time'

const SYDNEY = 'Australia/Sydney'

describe('dayKeysBetween', () => {
  it('walks into year 10000 and stops, comparing days as numbers', () => {
    expect(dayKeysBetween('9999-12-30', '9999-12-31')).toEqual(['9999-12-30', '9999-12-31'])
    expect(dayKeysBetween('9999-12-31', '10000-01-02')).toEqual([
      '9999-12-31',
      '10000-01-01',
      '10000-01-02',
    ])
    expect(dayKeysBetween('2019-02-16', '2019-02-15')).toEqual([])
  })

  it('refuses to walk more days than one request may', () => {
    expect(() => dayKeysBetween('1900-01-01', '9999-12-31')).toThrow(TooManyDays)
    expect(dayKeysBetween('2019-01-01', '2019-12-31')).toHaveLength(365)
    expect(MAX_DAYS_PER_REQUEST).toBeGreaterThan(366 * 7)
  })
})

describe('the sandbox on far dates', () => {
  let sandbox: RunningSandbox
  let client: OpenVpmsClient
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 })
    client = new OpenVpmsClient({
      baseUrl: sandbox.baseUrl,
      username: 'sample',
      password: 'changeit',
      timeoutMs: 3_000,
      retries: 0,
    })
  })
  afterAll(() => sandbox.close())

  it('answers the last days of year 9999 (the day before used to loop for ever)', async () => {
    const day = dayBounds('9999-12-30', SYDNEY)

    const clinician = await client.userFreeBusy(1158, 98, day.start, day.end)
    const schedule = await client.scheduleFreeBusy(136, day.start, day.end)

    expect(clinician).toEqual({ user: 1158, free: [], busy: [] })
    expect(schedule.busy).toEqual([])
  })

  it('answers a range of centuries with a server error at once instead of grinding through it', async () => {
    const from = dayBounds('1900-01-01', SYDNEY).start
    const to = dayBounds('9999-12-30', SYDNEY).end

    const started = Date.now()
    const failure = await client.userFreeBusy(1158, 98, from, to).catch((thrown: unknown) => thrown)

    expect((failure as { error?: { code: string } }).error?.code).toBe('SERVER')
    expect(Date.now() - started).toBeLessThan(2_000)
  })
})
