// A far date is refused at the IPC boundary in words, a day at the edge of the range
// loads without its neighbour, and close() ends within seconds whatever is still in flight.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAppCore, type AppCore } from '../../src/main/app-core'
import { MemoryCredentialStore } from '../../src/main/credentials'
import { SANE_DATES_MESSAGE } from '../../src/shared/time'

const SEED_NOW = '2019-02-14T09:00:00+11:00'
let dir: string
let core: AppCore | null = null

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'far-dates-'))
})
afterEach(async () => {
  await core?.close()
  core = null
  rmSync(dir, { recursive: true, force: true })
})

const open = async (timeoutMs = 10_000): Promise<AppCore> =>
  (core = await createAppCore({
    userDataDir: dir,
    credentialStore: new MemoryCredentialStore(),
    demo: { now: SEED_NOW },
    now: () => Date.parse(SEED_NOW),
    client: { timeoutMs },
  }))

describe('far dates and closing', () => {
  it.each(['9999-12-31', '0002-01-05', '2100-01-01', '1969-12-31'])(
    'refuses to load %s, saying which dates it takes',
    async (date) => {
      const desk = await open()

      const result = await desk.dispatch('calendar:loadDay', {
        locationId: 98,
        date,
        scheduleIds: [],
      })

      expect(result.ok).toBe(false)
      expect(!result.ok && result.error.message).toBe(SANE_DATES_MESSAGE)
    },
  )

  it('loads the last day of the range, without trying to prefetch the day after it', async () => {
    const desk = await open()

    const result = await desk.dispatch('calendar:loadDay', {
      locationId: 98,
      date: '2099-12-31',
      scheduleIds: [],
    })

    expect(result.ok).toBe(true)
  })

  it('closes within a few seconds while a day load hangs on the server', async () => {
    const desk = await open(30_000)
    desk.demoSandbox()?.injectFault({ kind: 'hang', path: /freebusy/, times: 100 })
    void desk.dispatch('calendar:loadDay', { locationId: 98, date: '2019-02-15', scheduleIds: [] })
    await new Promise((resolve) => setTimeout(resolve, 200))

    const started = Date.now()
    await desk.close()
    core = null

    expect(Date.now() - started).toBeLessThan(6_000)
  }, 20_000)
})
