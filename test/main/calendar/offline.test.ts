import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox'
import type { DayView } from '../../../src/shared/domain'
import { formatTime } from '../../../src/shared/time'
import {
  codeOf,
  failureOf,
  SEED_NOW,
  startServices,
  SYDNEY,
  type Services,
} from '../clinic/harness'

const DAY = { locationId: 98, date: '2019-02-15', scheduleIds: [] as number[] }
const FAST_RETRY = {
  calendar: { retryDelaysMs: [50, 100, 200] },
  offlineBoard: { writeDelayMs: 0 },
}

const opened: Services[] = []
const folders: string[] = []
const folder = async (): Promise<string> => {
  const made = await mkdtemp(join(tmpdir(), 'offline-board-'))
  folders.push(made)
  return made
}
const restarted: RunningSandbox[] = []
afterEach(async () => {
  for (const sandbox of restarted.splice(0)) await sandbox.close()
  for (const services of opened.splice(0).reverse()) await services.close()
  for (const made of folders.splice(0)) await rm(made, { recursive: true, force: true })
})

async function open(options: Parameters<typeof startServices>[0] = {}): Promise<Services> {
  const services = await startServices({ offline: FAST_RETRY, ...options })
  opened.push(services)
  return services
}

/** Stops the sandbox (the clinic server goes away); the same port answers again after `startAgain`. */
async function stopServer(s: Services): Promise<{ startAgain: () => Promise<RunningSandbox> }> {
  const port = s.sandbox.port
  await s.sandbox.close()
  return {
    startAgain: async () => {
      const sandbox = await startSandbox({ port, now: SEED_NOW })
      restarted.push(sandbox)
      return sandbox
    },
  }
}

const freeOf = (view: DayView, scheduleId: number): string[] =>
  (view.schedules.find((each) => each.scheduleId === scheduleId)?.free ?? []).map(
    (range) => `${formatTime(range.start, SYDNEY)}-${formatTime(range.end, SYDNEY)}`,
  )

const dayUpdates = (s: Services): DayView[] =>
  s.events
    .filter((each) => each.event === 'calendar:dayUpdated')
    .map((each) => each.payload as DayView)

const until = async (check: () => boolean, ms = 5_000): Promise<void> => {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error('not within time')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('the board while the clinic server cannot be reached', () => {
  it('shows the day as last loaded, marked offline with why, and recovers by itself when the server answers', async () => {
    const s = await open()
    const live = await s.calendar.loadDay(DAY)
    const server = await stopServer(s)

    const kept = await s.calendar.loadDay({ ...DAY, refresh: true })

    expect(freeOf(kept, 136)).toEqual(['09:00-10:45', '11:30-17:30'])
    expect(kept.loadedAt).toBe(live.loadedAt)
    expect(kept.offline?.reason).toMatch(/Could not reach the OpenVPMS server/)
    expect(kept.offline?.since).toBe(Date.parse(SEED_NOW))

    await server.startAgain()
    await until(() => dayUpdates(s).some((view) => view.date === DAY.date && !view.offline))
    const again = await s.calendar.loadDay(DAY)
    expect(again.offline).toBeUndefined()
    expect(freeOf(again, 136)).toEqual(['09:00-10:45', '11:30-17:30'])
  })

  it('marks a day answered from memory offline too, once the server is found unreachable', async () => {
    const s = await open()
    await s.calendar.loadDay(DAY)
    await s.calendar.loadDay({ ...DAY, date: '2019-02-16' })
    await stopServer(s)
    await s.calendar.loadDay({ ...DAY, refresh: true })

    const fromMemory = await s.calendar.loadDay({ ...DAY, date: '2019-02-16' })

    expect(fromMemory.offline).toBeDefined()
  })

  it('once the server is known unreachable, shows kept days at once instead of after each time limit', async () => {
    const timeoutMs = 2_000
    const s = await open({ client: { timeoutMs, retries: 0 } })
    await s.calendar.loadDay(DAY)
    await s.calendar.loadDay({ ...DAY, date: '2019-02-16' })
    await s.calendar.whenIdle()
    s.sandbox.injectFault({ kind: 'hang', times: 1_000 })
    const first = await s.calendar.loadDay({ ...DAY, refresh: true })

    const next = await Promise.race([
      s.calendar.loadDay({ ...DAY, date: '2019-02-16', refresh: true }),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs / 2)),
    ])

    expect(first.offline?.reason).toMatch(/did not answer|time/i)
    expect(next?.offline).toBeDefined()
    s.sandbox.clearFaults()
  })

  it('opens on the kept locations, schedules and day when the server is down at start', async () => {
    const dir = await folder()
    const first = await startServices({ offline: FAST_RETRY, dir })
    await first.clinic.listLocations()
    await first.calendar.loadDay({ ...DAY, scheduleIds: [136, 211] })
    const deadServer = first.sandbox.baseUrl
    await first.close()

    const s = await open({ dir })
    s.setClient(s.newClient({ baseUrl: deadServer }))
    const locations = await s.clinic.listLocations()
    const details = await s.clinic.loadLocation(98)
    const day = await s.calendar.loadDay({ ...DAY, scheduleIds: [211] })

    expect(locations.map((location) => location.name)).toContain('Main Clinic')
    expect(details.schedules.map((schedule) => schedule.id)).toEqual(
      expect.arrayContaining([136, 211]),
    )
    expect(day.offline?.reason).toMatch(/could not reach .*nothing is accepting connections/i)
    expect(day.schedules.map((each) => each.scheduleId)).toEqual([211])
  })

  it('says it cannot reach the server when no copy of that day is kept', async () => {
    const s = await open()
    await s.calendar.loadDay(DAY)
    await stopServer(s)

    expect(await codeOf(s.calendar.loadDay({ ...DAY, date: '2019-03-20' }))).toBe('NETWORK')
    // A copy of some schedules does not stand for the whole location.
    await s.calendar.loadDay({ ...DAY, scheduleIds: [136] })
    expect(await codeOf(s.calendar.loadDay({ ...DAY, locationId: 106, date: '2019-02-15' }))).toBe(
      'NETWORK',
    )
  })

  it('never stands in for an answer that came: a refused password is not hidden behind a kept day', async () => {
    const s = await open()
    await s.calendar.loadDay(DAY)
    s.setClient(s.newClient({ password: 'wrong' }))

    const failure = await failureOf(s.calendar.loadDay({ ...DAY, refresh: true }))

    expect(failure.error.code).toBe('AUTH')
  })

  it('keeps free/busy and names only: no password, customer or booking in the file', async () => {
    const s = await open()
    const password = 'changeit'
    await s.clinic.listLocations()
    await s.calendar.loadDay(DAY)
    await s.calendar.whenIdle()
    await s.offlineBoardFlushed()

    const text = await readFile(join(s.dir, 'offline-board.json'), 'utf8')

    expect(text).not.toContain(password)
    expect(text).not.toMatch(
      /Bourke|"(firstName|lastName|phone|mobile|email|patientName|notes|reference|customer)"/i,
    )
    expect(Object.keys(JSON.parse(text) as object).sort()).toEqual([
      'days',
      'details',
      'locations',
      'version',
    ])
    // Written atomically: no temp file is left beside it.
    expect((await readdir(s.dir)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('bounds the file: at most maxDays days, none older than maxAge, and under maxBytes', async () => {
    const s = await open({
      offline: { ...FAST_RETRY, offlineBoard: { writeDelayMs: 0, limits: { maxDays: 3 } } },
    })
    for (const date of ['2019-02-15', '2019-02-16', '2019-02-17', '2019-02-18', '2019-02-19']) {
      await s.calendar.loadDay({ ...DAY, date })
    }
    await s.calendar.whenIdle()
    await s.offlineBoardFlushed()
    const dates = async (): Promise<string[]> =>
      (
        JSON.parse(await readFile(join(s.dir, 'offline-board.json'), 'utf8')) as {
          days: { view: DayView }[]
        }
      ).days.map((day) => day.view.date)

    expect(await dates()).toHaveLength(3)

    // Under a byte limit that holds two days, the oldest go first.
    const small = await open({
      dir: s.dir,
      offline: { ...FAST_RETRY, offlineBoard: { writeDelayMs: 0, limits: { maxBytes: 6_000 } } },
    })
    for (const date of ['2019-02-20', '2019-02-21', '2019-02-22']) {
      await small.calendar.loadDay({ ...DAY, date })
    }
    await small.calendar.whenIdle()
    await small.offlineBoardFlushed()
    const text = await readFile(join(s.dir, 'offline-board.json'), 'utf8')
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(6_000)
    expect((await dates()).length).toBeGreaterThan(0)
    expect(await dates()).not.toContain('2019-02-15')

    // Nine days later every kept day is past the default week: none is shown.
    const deadServer = s.sandbox.baseUrl
    const later = await open({ dir: s.dir, now: '2019-02-23T09:00:00+11:00' })
    later.setClient(later.newClient({ baseUrl: deadServer }))
    await s.sandbox.close()
    expect(await codeOf(later.calendar.loadDay({ ...DAY, date: '2019-02-19' }))).toBe('NETWORK')
  })

  it('ignores a damaged file, and replaces it with the next good load', async () => {
    const s = await open()
    const file = join(s.dir, 'offline-board.json')
    await writeFile(file, '{"version":1,"locations":[{"id":"1e30"}]')
    await s.calendar.loadDay(DAY)
    await s.calendar.whenIdle()
    await s.offlineBoardFlushed()

    const written = JSON.parse(await readFile(file, 'utf8')) as { days: unknown[] }

    expect(written.days.length).toBeGreaterThan(0)
    await rm(file)
  })
})
