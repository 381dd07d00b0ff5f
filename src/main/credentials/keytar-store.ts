import { createRequire } from 'node:module'
import { credentialService, keychainFailure, type CredentialStore } from './store'

/** The part of keytar this store uses. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
}

/**
 * Loads keytar (`@github/keytar`, the maintained fork: same API and keychain entries, prebuilt N-API addons) on
 * first use: a missing or broken native module then becomes KEYCHAIN, not a crash at start.
 * require(), not import(): the packaged main is CommonJS and keytar's addon sits unpacked beside app.asar.
 */
const loadKeytar = async (): Promise<KeytarLike> =>
  createRequire(__filename)('@github/keytar') as KeytarLike

/**
 * The OS keychain through keytar (macOS Keychain, Windows Credential Manager, Secret Service on Linux). Every
 * failure — module not loadable, no D-Bus session ("Cannot autolaunch D-Bus…"), a locked or refusing keyring —
 * is an AppFailure KEYCHAIN, so the session can fall back to keeping the password for this run only.
 */
export class KeytarCredentialStore implements CredentialStore {
  private keytar: Promise<KeytarLike> | null = null

  constructor(
    private readonly service: string = credentialService,
    private readonly load: () => Promise<KeytarLike> = loadKeytar,
  ) {}

  get(account: string): Promise<string | null> {
    return this.run('reading the password', (k) => k.getPassword(this.service, account))
  }

  async set(account: string, password: string): Promise<void> {
    await this.run('saving the password', (k) => k.setPassword(this.service, account, password))
  }

  async delete(account: string): Promise<void> {
    await this.run('deleting the password', (k) => k.deletePassword(this.service, account))
  }

  private async run<T>(action: string, use: (keytar: KeytarLike) => Promise<T>): Promise<T> {
    try {
      this.keytar ??= this.load()
      return await use(await this.keytar)
    } catch (error) {
      throw keychainFailure(action, error)
    }
  }
}
