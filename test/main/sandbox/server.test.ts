import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox'
import { FaultQueue } from '../../../src/main/sandbox/faults'
import { basic, BEFORE_GUIDE_DAY, client, GUIDE_DAY, guideBooking } from './support'

let sandbox: RunningSandbox
let api: ReturnType<typeof client>

beforeEach(async () => {
  sandbox = await startSandbox()
  api = client(sandbox)
})
afterEach(() => sandbox.close())

const FREEBUSY = `/schedules/136/freebusy?${GUIDE_DAY}`

describe('fault injection', () => {
  it('html500: answers 500 with an HTML page, once by default, on the matching path only', async () => {
    sandbox.injectFault({ kind: 'html500', path: '/schedules/136/freebusy' })

    const other = await api.get('/locations')
    const faulty = await api.get(FREEBUSY)
    const after = await api.get(FREEBUSY)

    expect(other.status).toBe(200)
    expect(faulty.status).toBe(500)
    expect(faulty.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await faulty.text()).toMatch(/^<!doctype html>/)
    expect(after.status).toBe(200)
  })

  it('malformedJson: answers 200 application/json with a truncated body', async () => {
    sandbox.injectFault({ kind: 'malformedJson', path: /freebusy$/ })

    const response = await api.get(FREEBUSY)

    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    await expect(response.json()).rejects.toThrow(SyntaxError)
  })

  it('reset: drops the connection without an answer', async () => {
    sandbox.injectFault({ kind: 'reset', method: 'GET' })

    await expect(api.get('/locations')).rejects.toThrow()
    expect((await api.get('/locations')).status).toBe(200)
  })

  it('reset afterHandling: books, then drops the connection; a plain reset books nothing', async () => {
    sandbox.setNow(BEFORE_GUIDE_DAY)
    const busy = `/schedules/136/busy?${GUIDE_DAY}`
    sandbox.injectFault({ kind: 'reset', method: 'POST' })
    await expect(api.post(guideBooking())).rejects.toThrow()
    const afterPlainReset = await api.text(busy)
    sandbox.injectFault({ kind: 'reset', method: 'POST', afterHandling: true })

    await expect(api.post(guideBooking())).rejects.toThrow()

    expect(afterPlainReset).not.toContain('12:30:00.000')
    expect(await api.text(busy)).toContain(
      '{"start":"2019-02-15T12:30:00.000+11:00","end":"2019-02-15T12:45:00.000+11:00"}',
    )
  })

  it('hang: never answers, and close() still ends the connection', async () => {
    sandbox.injectFault({ kind: 'hang', path: '/locations' })
    const hung = api.get('/locations').catch((error: unknown) => error)

    const raced = await Promise.race([
      hung,
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 200)),
    ])
    await sandbox.close()

    expect(raced).toBe('still waiting')
    expect(await hung).toBeInstanceOf(Error)
  })

  it('unauthorized: answers 401 to good credentials the given number of times', async () => {
    sandbox.injectFault({ kind: 'unauthorized', times: 2 })

    const statuses = [
      (await api.get('/locations')).status,
      (await api.get('/locations')).status,
      (await api.get('/locations')).status,
    ]

    expect(statuses).toEqual([401, 401, 200])
  })

  it('latency: delays matching requests; setLatency delays every one', async () => {
    sandbox.injectFault({ kind: 'latency', ms: 150, path: '/locations' })
    const timed = async (path: string) => {
      const started = performance.now()
      await (await api.get(path)).text()
      return performance.now() - started
    }

    const slow = await timed('/locations')
    sandbox.setLatency(120)
    const everyone = await timed('/locations/98')

    // Lower bounds only: a delay can be longer on a busy machine, never shorter. That the fault is used up after
    // one request is checked below on the queue itself, not by comparing two timings.
    expect(slow).toBeGreaterThanOrEqual(145)
    expect(everyone).toBeGreaterThanOrEqual(115)
  })

  it('latency: a fault delays only matching requests, as many times as asked, then is gone', () => {
    const queue = new FaultQueue()
    queue.inject({ kind: 'latency', ms: 150, path: '/locations', times: 2 })
    queue.inject({ kind: 'latency', ms: 40 })

    const delays = [
      queue.take('GET', '/schedules/136').extraDelayMs,
      queue.take('GET', '/locations').extraDelayMs,
      queue.take('GET', '/locations').extraDelayMs,
      queue.take('GET', '/locations').extraDelayMs,
    ]

    expect(delays).toEqual([40, 150, 150, 0])
  })

  it('matches the method, and clearFaults disarms everything', async () => {
    sandbox.injectFault({ kind: 'html500', method: 'POST', times: 5 })
    sandbox.injectFault({ kind: 'html500', path: '/locations', times: 5 })

    const get = await api.get(FREEBUSY)
    sandbox.clearFaults()
    const cleared = await api.get('/locations')

    expect(get.status).toBe(200)
    expect(cleared.status).toBe(200)
  })
})

describe('sandbox controls', () => {
  it('counts every request served', async () => {
    const before = sandbox.requestCount

    await api.get('/locations')
    await fetch(`${sandbox.baseUrl}/locations`)

    expect(sandbox.requestCount - before).toBe(2)
  })

  it('moves the clock with setNow and back to real time with null', async () => {
    const body = JSON.stringify({
      location: 98,
      schedule: 136,
      appointmentType: 66,
      start: '2019-02-15T13:00:00.000+11:00',
      end: '2019-02-15T13:15:00.000+11:00',
      firstName: 'A',
      lastName: 'B',
    })

    const past = await api.post(body)
    sandbox.setNow('2019-02-15T12:00:00+11:00')
    const booked = await api.post(body)
    sandbox.setNow(null)
    const pastAgain = await api.post({
      ...JSON.parse(body),
      start: '2019-02-15T14:00:00.000+11:00',
      end: '2019-02-15T14:15:00.000+11:00',
    })

    expect([past.status, await past.text()]).toEqual([400, 'Cannot make a booking in the past'])
    expect(booked.status).toBe(201)
    expect(pastAgain.status).toBe(400)
  })

  it('replaces the sample login with the given credentials', async () => {
    const custom = await startSandbox({ credentials: { login: 'frontdesk', password: 's3cret' } })
    try {
      const good = await fetch(`${custom.baseUrl}/locations`, {
        headers: { Authorization: basic('frontdesk', 's3cret') },
      })
      const old = await fetch(`${custom.baseUrl}/locations`, {
        headers: { Authorization: basic() },
      })

      expect(good.status).toBe(200)
      expect(old.status).toBe(401)
    } finally {
      await custom.close()
    }
  })

  it('refuses setAppointmentStatus for an unknown appointment', () => {
    expect(() => sandbox.setAppointmentStatus(424242, 'CHECKED_IN')).toThrow(
      'no appointment with id 424242',
    )
  })

  it('serves on the requested host and an ephemeral port, base URL without trailing slash', () => {
    expect(sandbox.baseUrl).toBe(`http://127.0.0.1:${sandbox.port}/openvpms/ws/booking/v2`)
    expect(sandbox.port).toBeGreaterThan(0)
  })
})
