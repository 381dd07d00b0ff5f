import { AppFailure } from '../../shared/result'

/** Where passwords live: the OS keychain in the app, memory in tests and when no keychain is available. */
export interface CredentialStore {
  /** The password saved for the account, or null when there is none. Fails with AppFailure KEYCHAIN. */
  get(account: string): Promise<string | null>
  /** Saves (or replaces) the account's password. Fails with AppFailure KEYCHAIN. */
  set(account: string, password: string): Promise<void>
  /** Forgets the account's password; nothing happens when there was none. Fails with AppFailure KEYCHAIN. */
  delete(account: string): Promise<void>
}

/** The keychain service name every entry of this app is filed under. */
export const credentialService = 'OpenVPMS Front Desk'

/** The keychain account for a login on a server: `<username>@<server origin>` (one entry per user and server). */
export function credentialAccount(username: string, serverUrl: string): string {
  return `${username}@${new URL(serverUrl).origin}`
}

/** A credential store in memory: for tests, and the run-only fallback when the OS keychain is unavailable. */
export class MemoryCredentialStore implements CredentialStore {
  private readonly passwords = new Map<string, string>()

  async get(account: string): Promise<string | null> {
    return this.passwords.get(account) ?? null
  }

  async set(account: string, password: string): Promise<void> {
    this.passwords.set(account, password)
  }

  async delete(account: string): Promise<void> {
    this.passwords.delete(account)
  }
}

/** The KEYCHAIN failure, with the keychain's own reason kept for the log, never the password. */
export function keychainFailure(action: string, cause: unknown): AppFailure {
  const reason = cause instanceof Error ? cause.message : String(cause)
  return new AppFailure({
    code: 'KEYCHAIN',
    message: `The system keychain is not available (${action} failed: ${reason}).`,
  })
}
