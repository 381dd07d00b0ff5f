import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppCore } from '../../../src/main/app-core'
import { credentialAccount, KeytarCredentialStore } from '../../../src/main/credentials'
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox'
import { call, empty, filesUnder, tempUserData } from './support'

const service = 'OpenVPMS Front Desk (test)'
const password = 'keyring-session-Pa55word'
let clinic: RunningSandbox
let userData: { dir: string; remove: () => Promise<void> }

beforeAll(async () => {
  clinic = await startSandbox({ port: 0, credentials: { login: 'desk', password } })
  userData = await tempUserData()
})
afterAll(async () => {
  await clinic.close()
  await userData.remove()
})

describe('the session with the real keychain', () => {
  it('remembers the password in the keyring, reconnects at the next start, and forgets it on sign out', async () => {
    const keychain = new KeytarCredentialStore(service)
    const first = await createAppCore({ userDataDir: userData.dir, credentialStore: keychain })
    const connected = await call(first, 'session:connect', {
      serverUrl: clinic.baseUrl,
      username: 'desk',
      password,
      rememberPassword: true,
      allowInsecure: false,
    })
    await first.close()

    const second = await createAppCore({ userDataDir: userData.dir, credentialStore: keychain })
    const restarted = await call(second, 'session:getStatus', empty)
    const locations = await call(second, 'clinic:listLocations', empty)
    const saved = await keychain.get(credentialAccount('desk', clinic.baseUrl))
    const files = await filesUnder(userData.dir)
    await call(second, 'session:signOut', empty)
    const afterSignOut = await keychain.get(credentialAccount('desk', clinic.baseUrl))
    await second.close()

    expect(connected).toMatchObject({ keychain: 'available', passwordRemembered: true })
    expect(restarted).toMatchObject({ mode: 'clinic', connected: true, passwordRemembered: true })
    expect(locations.length).toBeGreaterThan(0)
    expect(saved).toBe(password)
    expect(files.filter((file) => file.text.includes(password))).toEqual([])
    expect(afterSignOut).toBeNull()
  })
})
