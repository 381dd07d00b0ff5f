import { existsSync } from 'node:fs'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createAppCore, type AppCore, type AppCoreOptions } from '../../../src/main/app-core'
import {
  credentialAccount,
  KeytarCredentialStore,
  MemoryCredentialStore,
} from '../../../src/main/credentials'
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox'
import type { SessionStatus } from '../../../src/shared/domain'
import type { ConnectRequest } from '../../../src/shared/ipc-contract'
import { seedDraft, seedNow } from './fixtures'
import { call, empty, errorOf, send, tempUserData } from './support'

const password = 'session-test-Pa55word'
let clinic: RunningSandbox
let userData: { dir: string; remove: () => Promise<void> }
const cores: AppCore[] = []

const noKeychain = (): KeytarCredentialStore =>
  new KeytarCredentialStore('OpenVPMS Front Desk (test)', () =>
    Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
  )

async function open(options: Partial<AppCoreOptions> = {}): Promise<AppCore> {
  const core = await createAppCore({
    userDataDir: userData.dir,
    credentialStore: new MemoryCredentialStore(),
    demo: { now: seedNow },
    now: () => Date.parse(seedNow),
    ...options,
  })
  cores.push(core)
  return core
}

const connectRequest = (overrides: Partial<ConnectRequest> = {}): ConnectRequest => ({
  serverUrl: clinic.baseUrl,
  username: 'desk',
  password,
  rememberPassword: true,
  allowInsecure: false,
  ...overrides,
})

const settingsFile = (): string => join(userData.dir, 'settings.json')
const account = (): string => credentialAccount('desk', clinic.baseUrl)

beforeAll(async () => {
  clinic = await startSandbox({ port: 0, now: seedNow, credentials: { login: 'desk', password } })
})
afterAll(() => clinic.close())

beforeEach(async () => {
  userData = await tempUserData()
})
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()))
  await userData.remove()
})

describe('first run', () => {
  it('opens the demo clinic, served on loopback with its state in the user-data folder', async () => {
    const core = await open()

    const status = await call(core, 'session:getStatus', empty)
    const locations = await call(core, 'clinic:listLocations', empty)

    expect(status).toMatchObject({ mode: 'demo', connected: true, serverUrl: null, username: null })
    expect(status.notice).toMatch(/demo clinic/)
    expect(new URL(core.demoSandbox()?.baseUrl ?? '').hostname).toBe('127.0.0.1')
    expect(locations.map((l) => l.id)).toEqual(expect.arrayContaining([98, 106]))
  })

  it('keeps a booking made in the demo across a restart', async () => {
    const first = await open()
    const booked = await call(first, 'booking:create', { draft: seedDraft('09:15') })
    await first.close()

    const second = await open()
    const details = await call(second, 'booking:get', { reference: booked.reference })

    expect(existsSync(join(userData.dir, 'demo-clinic.json'))).toBe(true)
    expect(details).toMatchObject({
      source: 'server',
      scheduleId: 136,
      start: seedDraft('09:15').start,
    })
  })
})

describe('the demo clinic is for this desk only (finding 2)', () => {
  it('no login of the demo clinic opens with the password from the docs', async () => {
    const core = await open()
    const demo = core.demoSandbox()
    const logins = ['sample', 'viewer', 'aturner', 'cbarton', 'pshah', 'tnguyen']

    const statuses = await Promise.all(
      logins.map(
        async (login) =>
          (
            await fetch(`${demo?.baseUrl}/locations`, {
              headers: {
                Authorization: `Basic ${Buffer.from(`${login}:changeit`).toString('base64')}`,
              },
            })
          ).status,
      ),
    )

    expect(statuses).toEqual(logins.map(() => 401))
  })
})

describe('a demo clinic that cannot start as it was', () => {
  it('sets an unreadable state file aside and starts afresh', async () => {
    await writeFile(join(userData.dir, 'demo-clinic.json'), '{"appointments": [trunc')

    const core = await open()
    const status = await call(core, 'session:getStatus', empty)

    expect(status.mode).toBe('demo')
    expect(
      (await readdir(userData.dir)).some((name) => name.startsWith('demo-clinic.json.corrupt-')),
    ).toBe(true)
  })

  it('sets aside a state file of the right shape that still breaks the clinic (an id of 1e30), saying so', async () => {
    const damaged = {
      version: 1,
      appointments: [
        {
          id: 1e30,
          linkId: 'x',
          schedule: 136,
          appointmentType: 66,
          start: Date.parse(seedNow),
          end: Date.parse(seedNow) + 900_000,
          status: 'PENDING',
          customer: null,
          patient: null,
          clinician: null,
          onlineBooking: true,
          bookingNotes: null,
        },
      ],
      statuses: { '1000000000000000000000000000000': 'CANCELLED' },
    }
    await writeFile(join(userData.dir, 'demo-clinic.json'), JSON.stringify(damaged))

    const core = await open()
    const status = await call(core, 'session:getStatus', empty)
    const booked = await send(core, 'booking:create', { draft: seedDraft('09:15') })

    expect(status.mode).toBe('demo')
    expect(status.notice).toMatch(/could not be read, so it started afresh/)
    expect(booked.ok).toBe(true)
    expect(
      (await readdir(userData.dir)).some((name) => name.startsWith('demo-clinic.json.corrupt-')),
    ).toBe(true)
  })

  it('still opens the app, saying why, when the demo cannot start at all', async () => {
    const core = await open({ demo: { dataset: { timeZone: 'Not/A_Zone' } } })

    const status = await call(core, 'session:getStatus', empty)
    const locations = await send(core, 'clinic:listLocations', empty)

    expect(status).toMatchObject({ mode: 'none', connected: false })
    expect(status.notice).toMatch(/demo clinic could not start/)
    expect(errorOf(locations).code).toBe('NOT_CONNECTED')
  })
})

describe('connect', () => {
  it('saves the address and username atomically, never the password', async () => {
    const core = await open()

    await call(core, 'session:connect', connectRequest())

    const text = await readFile(settingsFile(), 'utf8')
    expect(JSON.parse(text)).toEqual({
      version: 1,
      serverUrl: clinic.baseUrl,
      username: 'desk',
      allowInsecure: false,
    })
    expect(text).not.toContain(password)
    expect((await readdir(userData.dir)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('replaces settings.json by rename (a new file), never by rewriting it in place', async () => {
    const core = await open()
    await call(core, 'session:connect', connectRequest())
    const before = await stat(settingsFile())

    await call(core, 'session:connect', connectRequest({ allowInsecure: true }))

    const after = await stat(settingsFile())
    expect(after.ino).not.toBe(before.ino)
    expect(JSON.parse(await readFile(settingsFile(), 'utf8'))).toMatchObject({
      allowInsecure: true,
    })
  })

  it('keeps the password in the keychain under <username>@<origin> when asked to remember it', async () => {
    const keychain = new MemoryCredentialStore()
    const core = await open({ credentialStore: keychain })

    const status = await call(core, 'session:connect', connectRequest())

    expect(await keychain.get(`desk@${new URL(clinic.baseUrl).origin}`)).toBe(password)
    expect(status).toMatchObject({ passwordRemembered: true, keychain: 'available' })
  })

  it('keeps nothing in the keychain when not asked to remember', async () => {
    const keychain = new MemoryCredentialStore()
    await keychain.set(account(), 'an-old-password')
    const core = await open({ credentialStore: keychain })

    const status = await call(core, 'session:connect', connectRequest({ rememberPassword: false }))

    expect(await keychain.get(account())).toBeNull()
    expect(status).toMatchObject({ mode: 'clinic', connected: true, passwordRemembered: false })
  })

  it('stops the demo clinic, announces the change and serves the clinic', async () => {
    const core = await open()
    const demo = core.demoSandbox()
    const announced: SessionStatus[] = []
    core.on('session:changed', (status) => announced.push(status))

    await call(core, 'session:connect', connectRequest())
    const locations = await call(core, 'clinic:listLocations', empty)

    expect(core.demoSandbox()).toBeNull()
    await expect(fetch(`${demo?.baseUrl}/locations`)).rejects.toThrow()
    expect(announced.map((s) => s.mode)).toEqual(['clinic'])
    expect(locations.map((l) => l.id)).toEqual(expect.arrayContaining([98]))
  })

  it('without a keychain, connects with the password kept for this run only, and says so', async () => {
    const core = await open({ credentialStore: noKeychain() })

    const status = await call(core, 'session:connect', connectRequest())
    const locations = await send(core, 'clinic:listLocations', empty)

    expect(status).toMatchObject({
      mode: 'clinic',
      connected: true,
      keychain: 'unavailable',
      passwordRemembered: false,
    })
    expect(status.notice).toMatch(/keychain is not available.*only until the app closes/)
    expect(locations.ok).toBe(true)
    expect(await readFile(settingsFile(), 'utf8')).not.toContain(password)
  })
})

describe('a password refused mid-session', () => {
  it('drops the connection, asks for the password again and announces it', async () => {
    const core = await open()
    await call(core, 'session:connect', connectRequest())
    const announced: SessionStatus[] = []
    core.on('session:changed', (status) => announced.push(status))
    clinic.injectFault({ kind: 'unauthorized', path: '/locations' })

    const refused = await send(core, 'clinic:listLocations', empty)
    const status = await call(core, 'session:getStatus', empty)
    const next = await send(core, 'clinic:listLocations', empty)

    expect(errorOf(refused).code).toBe('AUTH')
    expect(status).toMatchObject({ mode: 'clinic', connected: false, username: 'desk' })
    expect(status.notice).toMatch(/refused the password for desk/)
    expect(announced.map((s) => s.connected)).toEqual([false])
    expect(errorOf(next).code).toBe('NOT_CONNECTED')
  })
})

describe('start with settings present', () => {
  it('reads the password from the keychain and connects to the clinic', async () => {
    const keychain = new MemoryCredentialStore()
    await (await open({ credentialStore: keychain })).dispatch('session:connect', connectRequest())

    const restarted = await open({ credentialStore: keychain })
    const status = await call(restarted, 'session:getStatus', empty)
    const locations = await send(restarted, 'clinic:listLocations', empty)

    expect(status).toMatchObject({
      mode: 'clinic',
      connected: true,
      passwordRemembered: true,
      notice: null,
    })
    expect(locations.ok).toBe(true)
    expect(restarted.demoSandbox()).toBeNull()
  })

  it('asks for the password when the keychain has none', async () => {
    await (await open()).dispatch('session:connect', connectRequest({ rememberPassword: false }))

    const restarted = await open()
    const status = await call(restarted, 'session:getStatus', empty)
    const locations = await send(restarted, 'clinic:listLocations', empty)

    expect(status).toMatchObject({ mode: 'clinic', connected: false, username: 'desk' })
    expect(status.notice).toMatch(/Enter the password for desk/)
    expect(errorOf(locations).code).toBe('NOT_CONNECTED')
  })

  it('says the keychain is unavailable and asks for the password', async () => {
    await (await open()).dispatch('session:connect', connectRequest())

    const restarted = await open({ credentialStore: noKeychain() })
    const status = await call(restarted, 'session:getStatus', empty)

    expect(status).toMatchObject({ mode: 'clinic', connected: false, keychain: 'unavailable' })
    expect(status.notice).toMatch(/keychain is not available.*Enter the password/)
  })
})

describe('sign out and demo', () => {
  it('signOut deletes the keychain entry and the settings, and returns to the demo clinic', async () => {
    const keychain = new MemoryCredentialStore()
    const core = await open({ credentialStore: keychain })
    await call(core, 'session:connect', connectRequest())
    const announced: SessionStatus[] = []
    core.on('session:changed', (status) => announced.push(status))

    const status = await call(core, 'session:signOut', empty)

    expect(status).toMatchObject({ mode: 'demo', connected: true, username: null })
    expect(await keychain.get(account())).toBeNull()
    expect(existsSync(settingsFile())).toBe(false)
    expect(core.demoSandbox()).not.toBeNull()
    expect(announced.map((s) => s.mode)).toEqual(['demo'])
  })

  it('signOut deletes the board kept for offline use of that account, and keeps its journal', async () => {
    const core = await open()
    await call(core, 'session:connect', connectRequest())
    await call(core, 'calendar:loadDay', { locationId: 98, date: '2019-02-15', scheduleIds: [] })
    await call(core, 'booking:create', { draft: seedDraft('09:30') })
    const kept = async (prefix: string): Promise<string[]> =>
      (await readdir(userData.dir)).filter((name) => name.startsWith(prefix))
    await expect.poll(() => kept('offline-board-'), { timeout: 5_000 }).toHaveLength(1)

    await call(core, 'session:signOut', empty)
    // The neighbouring days main loads in the background, and the board's delayed write, have had their time.
    await new Promise((resolve) => setTimeout(resolve, 1_500))

    expect(await kept('offline-board-')).toEqual([])
    expect(await kept('booking-journal-')).toHaveLength(1)
  })

  it('useDemo switches to the demo clinic and keeps the settings for the next start', async () => {
    const keychain = new MemoryCredentialStore()
    const core = await open({ credentialStore: keychain })
    await call(core, 'session:connect', connectRequest())

    const status = await call(core, 'session:useDemo', empty)
    await core.close()
    const restarted = await open({ credentialStore: keychain })

    expect(status.mode).toBe('demo')
    expect(existsSync(settingsFile())).toBe(true)
    expect(await call(restarted, 'session:getStatus', empty)).toMatchObject({
      mode: 'clinic',
      connected: true,
    })
  })

  it("connecting as another user forgets the previous user's password, even from the demo", async () => {
    const keychain = new MemoryCredentialStore()
    const core = await open({ credentialStore: keychain })
    await call(
      core,
      'session:connect',
      connectRequest({ username: 'viewer', password: 'changeit' }),
    )
    await call(core, 'session:useDemo', empty)

    await call(core, 'session:connect', connectRequest())

    expect(await keychain.get(credentialAccount('viewer', clinic.baseUrl))).toBeNull()
    expect(await keychain.get(account())).toBe(password)
  })

  it("keeps the demo's practice bookings out of the clinic's journal", async () => {
    const core = await open()
    await call(core, 'booking:create', { draft: seedDraft('09:45') })
    const journals: number[] = []
    core.on('booking:journalChanged', (entries) => journals.push(entries.length))

    await call(core, 'session:connect', connectRequest())
    const clinicJournal = await call(core, 'booking:listJournal', {})
    await call(core, 'session:useDemo', empty)
    const demoJournal = await call(core, 'booking:listJournal', {})

    expect(clinicJournal).toEqual([])
    expect(demoJournal.map((entry) => entry.outcome)).toEqual(['booked'])
    await expect.poll(() => journals).toEqual([0, 1])
  })

  it('keeps one journal per server and account', async () => {
    const core = await open()
    await call(core, 'session:connect', connectRequest())
    await call(core, 'booking:create', { draft: seedDraft('15:00') })

    await call(
      core,
      'session:connect',
      connectRequest({ username: 'viewer', password: 'changeit' }),
    )
    const otherAccount = await call(core, 'booking:listJournal', {})
    await call(core, 'session:connect', connectRequest())
    const sameAccount = await call(core, 'booking:listJournal', {})

    expect(otherAccount).toEqual([])
    expect(sameAccount.map((entry) => entry.outcome)).toEqual(['booked'])
  })

  it('a failed connect leaves the current clinic in place', async () => {
    const core = await open()
    await call(core, 'session:connect', connectRequest())

    const failed = await send(core, 'session:connect', connectRequest({ password: 'wrong-one' }))
    const status = await call(core, 'session:getStatus', empty)

    expect(errorOf(failed).code).toBe('AUTH')
    expect(status).toMatchObject({ mode: 'clinic', connected: true })
  })
})
