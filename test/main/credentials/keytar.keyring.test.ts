import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { KeytarCredentialStore } from '../../../src/main/credentials/keytar-store'
import { AppFailure, type AppError } from '../../../src/shared/result'

const service = 'OpenVPMS Front Desk (test)'
const account = (): string => `reception-${randomUUID()}@https://clinic.example:8443`

describe('KeytarCredentialStore against a real Secret Service', () => {
  it('saves a password and reads it back', async () => {
    const store = new KeytarCredentialStore(service)
    const who = account()

    await store.set(who, 'first-secret')

    expect(await store.get(who)).toBe('first-secret')
    await store.delete(who)
  })

  it('replaces a saved password', async () => {
    const store = new KeytarCredentialStore(service)
    const who = account()
    await store.set(who, 'first-secret')

    await store.set(who, 'second-secret')

    expect(await store.get(who)).toBe('second-secret')
    await store.delete(who)
  })

  it('forgets a deleted password, and deleting twice is harmless', async () => {
    const store = new KeytarCredentialStore(service)
    const who = account()
    await store.set(who, 'first-secret')

    await store.delete(who)
    await store.delete(who)

    expect(await store.get(who)).toBeNull()
  })

  it('answers null for an account never saved', async () => {
    const store = new KeytarCredentialStore(service)

    expect(await store.get(account())).toBeNull()
  })

  it('keeps entries of other accounts apart', async () => {
    const store = new KeytarCredentialStore(service)
    const [anne, bob] = [account(), account()]
    await store.set(anne, 'anne-secret')
    await store.set(bob, 'bob-secret')

    await store.delete(anne)

    expect(await store.get(anne)).toBeNull()
    expect(await store.get(bob)).toBe('bob-secret')
    await store.delete(bob)
  })

  it('fails with KEYCHAIN when there is no D-Bus session (no Secret Service)', async () => {
    const env = { ...process.env }
    delete env.DBUS_SESSION_BUS_ADDRESS
    delete env.DISPLAY
    delete env.WAYLAND_DISPLAY

    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', resolve(__dirname, 'keytar-child.ts')],
      { env, timeout: 15_000 },
    )

    const outcome = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as AppError
    expect(outcome.code).toBe('KEYCHAIN')
    expect(outcome.message).toMatch(/keychain is not available/)
    expect(outcome.message).not.toContain('child-secret')
  })

  it('fails with KEYCHAIN, not a crash, when the keytar module cannot load', async () => {
    const store = new KeytarCredentialStore(service, () =>
      Promise.reject(new Error('keytar.node: cannot open shared object file')),
    )

    const failure = await store.get(account()).catch((error: unknown) => error)

    expect(failure).toBeInstanceOf(AppFailure)
    expect((failure as AppFailure).error.code).toBe('KEYCHAIN')
  })
})
