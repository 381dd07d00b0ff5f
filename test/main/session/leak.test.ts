import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppCore, type AppCore } from '../../../src/main/app-core'
import { MemoryCredentialStore } from '../../../src/main/credentials'
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox'
import { eventNames, type ChannelName } from '../../../src/shared/ipc-contract'
import { seedDraft, seedNow } from './fixtures'
import { filesUnder, recordingLog, tempUserData } from './support'

// A password with characters that change under JSON, URL and base64 encoding, so no form of it slips through.
const password = 'Leak"Te$t/pa55+w0rd&é'
const basicToken = Buffer.from(`desk:${password}`).toString('base64')
const forms = [
  password,
  encodeURIComponent(password),
  JSON.stringify(password).slice(1, -1),
  basicToken,
]

let clinic: RunningSandbox
let userData: { dir: string; remove: () => Promise<void> }
let core: AppCore
const { log, lines } = recordingLog()
const responses: string[] = []
const events: string[] = []

async function record(channel: ChannelName, request: unknown): Promise<unknown> {
  const result = await core.dispatch(channel, request)
  responses.push(JSON.stringify(result))
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
  return result.data
}

beforeAll(async () => {
  clinic = await startSandbox({ port: 0, now: seedNow, credentials: { login: 'desk', password } })
  userData = await tempUserData()
  core = await createAppCore({
    userDataDir: userData.dir,
    credentialStore: new MemoryCredentialStore(),
    demo: { now: seedNow },
    now: () => Date.parse(seedNow),
    log,
  })
  for (const name of eventNames) core.on(name, (payload) => events.push(JSON.stringify(payload)))
})

afterAll(async () => {
  await core.close()
  await clinic.close()
  await userData.remove()
})

describe('the password never leaves the session', () => {
  it('through a whole connection: connect, load, book, look up, cancel, fail to connect', async () => {
    await record('session:connect', {
      serverUrl: clinic.baseUrl,
      username: 'desk',
      password,
      rememberPassword: true,
      allowInsecure: false,
    })
    await record('clinic:listLocations', {})
    await record('clinic:loadLocation', { locationId: 98 })
    await record('calendar:loadDay', { locationId: 98, date: '2019-02-15', scheduleIds: [] })
    const booked = (await record('booking:create', { draft: seedDraft('09:30') })) as {
      reference: string
    }
    await record('booking:get', { reference: booked.reference })
    await record('booking:cancel', { reference: booked.reference })
    await record('booking:listJournal', {})
    await record('session:getStatus', {})
    responses.push(
      JSON.stringify(
        await core.dispatch('session:connect', {
          serverUrl: clinic.baseUrl,
          username: 'desk',
          password: `${password}-wrong`,
          rememberPassword: true,
          allowInsecure: false,
        }),
      ),
    )
    const files = await filesUnder(userData.dir)

    expect(responses.length).toBeGreaterThanOrEqual(10)
    expect(events.length).toBeGreaterThan(0)
    expect(lines.length).toBeGreaterThan(0)
    expect(files.map((f) => f.path).some((p) => p.endsWith('settings.json'))).toBe(true)
    for (const form of forms) {
      expect(responses.filter((text) => text.includes(form))).toEqual([])
      expect(events.filter((text) => text.includes(form))).toEqual([])
      expect(lines.filter((line) => line.includes(form))).toEqual([])
      expect(files.filter((file) => file.text.includes(form)).map((f) => f.path)).toEqual([])
    }
  })
})
