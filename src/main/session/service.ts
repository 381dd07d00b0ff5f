import { randomBytes } from 'node:crypto'
import type { SessionStatus } from '../../shared/domain'
import type { ConnectRequest } from '../../shared/ipc-contract'
import { AppFailure, type AppError } from '../../shared/result'
import { credentialAccount, type CredentialStore } from '../credentials/store'
import { registerSecret, type Logger } from '../log'
import { clearSettings, readSettings, writeSettings, type Settings } from './settings'

/** What the session needs to build a client for a connection. */
export interface ClientConfig {
  readonly baseUrl: string
  readonly username: string
  readonly password: string
  readonly allowInsecure: boolean
}

/** The one call the session makes itself: the connection test (spec §3.1 `GET locations`). */
export interface TestableClient {
  listLocations(): Promise<unknown>
}

/** The running demo clinic, as the session sees it. */
export interface DemoServer {
  readonly baseUrl: string
  /** What went wrong at start and was mended (its saved state set aside), for the desk to say. */
  readonly startNotice?: string
  close(): Promise<void>
}

/** The session's collaborators, injected by the composition root (and by tests). */
export interface SessionDeps<Client extends TestableClient, Demo extends DemoServer> {
  /** `<userData>/settings.json`. */
  readonly settingsFile: string
  /** The OS keychain (keytar) in the app. */
  readonly credentials: CredentialStore
  readonly createClient: (config: ClientConfig) => Client
  readonly normaliseServerUrl: (input: string) => { baseUrl: string } | { error: string }
  /** Starts the demo clinic with these API credentials (the sandbox, its state in the user-data folder). */
  readonly startDemo: (login: string, password: string) => Promise<Demo>
  /**
   * Called on sign-out with the account signed out of, once the desk has left it: deletes what was kept for it
   * that its server can give again (the board as last loaded), not the desk's own records (journal, waitlist).
   */
  readonly forgetAccount?: (serverUrl: string, username: string) => Promise<void>
  /** Called after every change of connection: reset the services, then tell the renderer. */
  readonly onChange: (status: SessionStatus) => void
  readonly log: Logger
}

type Keychain = SessionStatus['keychain']

type State<Client, Demo> =
  | { readonly mode: 'none'; readonly notice: string | null }
  | { readonly mode: 'demo'; readonly demo: Demo; readonly client: Client }
  | {
      readonly mode: 'clinic'
      readonly settings: Settings
      /** null while the password is missing (not in the keychain, or the keychain unavailable). */
      readonly client: Client | null
      readonly passwordRemembered: boolean
      readonly notice: string | null
    }

const demoLogin = 'front-desk-demo'

const demoNotice =
  "This is the demo clinic: made-up clients and practice bookings. Connect to your clinic's OpenVPMS to take real bookings."

const runOnlyNotice =
  'The system keychain is not available, so the password is kept only until the app closes: you will be asked for it next time.'

/**
 * The connection: the demo clinic, or a clinic's OpenVPMS with a username and a password from the keychain.
 * Owns settings.json and the keychain entry, and hands the services the client for the current connection.
 * Changes (connect, sign out, demo) run one at a time, so a click during a slow connection test cannot interleave.
 */
export class SessionService<Client extends TestableClient, Demo extends DemoServer> {
  private state: State<Client, Demo> = { mode: 'none', notice: null }
  private keychain: Keychain = 'unknown'
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly deps: SessionDeps<Client, Demo>) {}

  /** At launch: the saved clinic (password from the keychain) when there are settings, else the demo clinic. */
  start(): Promise<SessionStatus> {
    return this.serialise(async () => {
      const settings = await readSettings(this.deps.settingsFile)
      if (settings === null) {
        await this.enterDemo()
        return this.status()
      }
      const account = credentialAccount(settings.username, settings.serverUrl)
      let password: string | null = null
      let notice: string | null = null
      try {
        password = await this.deps.credentials.get(account)
        this.keychain = 'available'
        if (password === null) notice = passwordNeeded(settings)
      } catch (error) {
        this.keychain = 'unavailable'
        this.deps.log.warn(`Keychain unavailable at start: ${describe(error)}`)
        notice = `The system keychain is not available, so the saved password could not be read. ${passwordNeeded(settings)} It will be kept only until the app closes.`
      }
      if (password !== null) registerSecret(password)
      this.state = {
        mode: 'clinic',
        settings,
        client: password === null ? null : this.clientFor(settings, password),
        passwordRemembered: password !== null,
        notice,
      }
      this.deps.log.info(`Session: clinic ${settings.serverUrl} as ${settings.username}`)
      return this.status()
    })
  }

  /** What the renderer may know of the connection: never the password. */
  status(): SessionStatus {
    const state = this.state
    switch (state.mode) {
      case 'none':
        return this.describeState('none', null, null, false, false, state.notice)
      case 'demo':
        return this.describeState(
          'demo',
          null,
          null,
          true,
          false,
          state.demo.startNotice ? `${state.demo.startNotice} ${demoNotice}` : demoNotice,
        )
      case 'clinic':
        return this.describeState(
          'clinic',
          state.settings.serverUrl,
          state.settings.username,
          state.client !== null,
          state.passwordRemembered,
          state.notice,
        )
    }
  }

  /** The client for the current connection; NOT_CONNECTED when there is none (the password is still needed). */
  getClient(): Client {
    const state = this.state
    if (state.mode !== 'none' && state.client !== null) return state.client
    const message =
      state.mode === 'clinic'
        ? `Not connected: enter the password for ${state.settings.username} to connect to the clinic.`
        : 'Not connected: connect to your clinic or use the demo clinic.'
    throw new AppFailure({ code: 'NOT_CONNECTED', message })
  }

  /** The demo clinic's server while it runs. */
  demo(): Demo | null {
    return this.state.mode === 'demo' ? this.state.demo : null
  }

  /**
   * Tests the connection (GET locations) before saving anything; on success saves the address and username,
   * the password in the keychain when asked (or for this run only when the keychain is unavailable), stops the
   * demo clinic and announces the change. On failure nothing changes and the error says what is wrong.
   */
  connect(request: ConnectRequest): Promise<SessionStatus> {
    return this.serialise(async () => {
      const settings = this.checkRequest(request)
      registerSecret(request.password)
      const client = this.clientFor(settings, request.password)
      try {
        await client.listLocations()
      } catch (error) {
        throw connectFailure(error, settings, request.allowInsecure)
      }

      const previous = await this.savedSettings()
      await writeSettings(this.deps.settingsFile, settings)
      const account = credentialAccount(settings.username, settings.serverUrl)
      if (previous && credentialAccount(previous.username, previous.serverUrl) !== account) {
        await this.forgetPassword(credentialAccount(previous.username, previous.serverUrl))
      }
      const { remembered, notice } = await this.keepPassword(
        account,
        request.password,
        request.rememberPassword,
      )
      await this.stopDemo()
      this.state = { mode: 'clinic', settings, client, passwordRemembered: remembered, notice }
      this.deps.log.info(`Session: connected to ${settings.serverUrl} as ${settings.username}`)
      return this.changed()
    })
  }

  /**
   * The clinic refused the password mid-session (401: it was changed or the user disabled). The client is dropped,
   * so nothing keeps sending a refused password, and the status asks for it again.
   */
  credentialsRejected(): Promise<SessionStatus> {
    return this.serialise(async () => {
      const state = this.state
      if (state.mode !== 'clinic' || state.client === null) return this.status()
      this.deps.log.warn(
        `Session: ${state.settings.serverUrl} refused the password of ${state.settings.username}`,
      )
      this.state = {
        ...state,
        client: null,
        notice: `The server refused the password for ${state.settings.username} (it may have been changed). ${passwordNeeded(state.settings)}`,
      }
      return this.changed()
    })
  }

  /**
   * Forgets the clinic: deletes the keychain entry and the settings, returns to the demo clinic, then has what was
   * kept for the account forgotten (forgetAccount).
   */
  signOut(): Promise<SessionStatus> {
    return this.serialise(async () => {
      const settings = await this.savedSettings()
      if (settings)
        await this.forgetPassword(credentialAccount(settings.username, settings.serverUrl))
      await clearSettings(this.deps.settingsFile)
      this.deps.log.info('Session: signed out')
      if (this.state.mode !== 'demo') await this.enterDemo()
      // After leaving the account: a load still answering can no longer keep anything for it.
      if (settings) await this.deps.forgetAccount?.(settings.serverUrl, settings.username)
      return this.changed()
    })
  }

  /** Switches to the demo clinic, keeping the clinic's settings (the next launch returns to the clinic). */
  useDemo(): Promise<SessionStatus> {
    return this.serialise(async () => {
      if (this.state.mode !== 'demo') await this.enterDemo()
      return this.changed()
    })
  }

  /** Stops the demo clinic (app exit). */
  close(): Promise<void> {
    return this.serialise(() => this.stopDemo())
  }

  /** The clinic in use, or the one saved while the demo is in use (useDemo keeps it). */
  private async savedSettings(): Promise<Settings | null> {
    return this.state.mode === 'clinic'
      ? this.state.settings
      : await readSettings(this.deps.settingsFile)
  }

  private describeState(
    mode: SessionStatus['mode'],
    serverUrl: string | null,
    username: string | null,
    connected: boolean,
    passwordRemembered: boolean,
    notice: string | null,
  ): SessionStatus {
    return {
      mode,
      serverUrl,
      username,
      connected,
      keychain: this.keychain,
      passwordRemembered,
      notice,
    }
  }

  private checkRequest(request: ConnectRequest): Settings {
    const normalised = this.deps.normaliseServerUrl(request.serverUrl)
    const fieldErrors = [
      ...('error' in normalised ? [{ field: 'serverUrl', message: normalised.error }] : []),
      ...(request.username.trim() === ''
        ? [{ field: 'username', message: 'Enter the OpenVPMS username.' }]
        : []),
      ...(request.password === '' ? [{ field: 'password', message: 'Enter the password.' }] : []),
    ]
    if ('error' in normalised || fieldErrors.length > 0) {
      throw new AppFailure({
        code: 'VALIDATION',
        message: fieldErrors.map((e) => e.message).join(' '),
        fieldErrors,
      })
    }
    return {
      serverUrl: normalised.baseUrl,
      username: request.username.trim(),
      allowInsecure: request.allowInsecure,
    }
  }

  private clientFor(settings: Settings, password: string): Client {
    return this.deps.createClient({
      baseUrl: settings.serverUrl,
      username: settings.username,
      password,
      allowInsecure: settings.allowInsecure,
    })
  }

  private async keepPassword(
    account: string,
    password: string,
    remember: boolean,
  ): Promise<{ remembered: boolean; notice: string | null }> {
    if (!remember) {
      await this.forgetPassword(account)
      return { remembered: false, notice: null }
    }
    try {
      await this.deps.credentials.set(account, password)
      this.keychain = 'available'
      return { remembered: true, notice: null }
    } catch (error) {
      this.keychain = 'unavailable'
      // The password then lives only in the client's memory for this run — never on disk.
      this.deps.log.warn(
        `Keychain unavailable, password kept for this run only: ${describe(error)}`,
      )
      return { remembered: false, notice: runOnlyNotice }
    }
  }

  private async forgetPassword(account: string): Promise<void> {
    try {
      await this.deps.credentials.delete(account)
    } catch (error) {
      // Nothing to delete from a keychain we cannot reach; the settings still go.
      this.keychain = 'unavailable'
      this.deps.log.warn(`Keychain unavailable while forgetting a password: ${describe(error)}`)
    }
  }

  /** Starts the demo clinic; if it cannot start, the app still opens (mode 'none') so the user can connect. */
  private async enterDemo(): Promise<void> {
    // A fresh random password each run: the demo server listens on loopback only, but nothing else should use it.
    const password = randomBytes(24).toString('base64url')
    registerSecret(password)
    let demo: Demo
    try {
      demo = await this.deps.startDemo(demoLogin, password)
    } catch (error) {
      this.deps.log.error(`The demo clinic could not start: ${describe(error)}`)
      this.state = {
        mode: 'none',
        notice: `The demo clinic could not start (${describe(error)}). Connect to your clinic to continue.`,
      }
      return
    }
    const client = this.deps.createClient({
      baseUrl: demo.baseUrl,
      username: demoLogin,
      password,
      allowInsecure: false,
    })
    this.state = { mode: 'demo', demo, client }
    this.deps.log.info(`Session: demo clinic on ${demo.baseUrl}`)
  }

  private async stopDemo(): Promise<void> {
    if (this.state.mode !== 'demo') return
    const { demo } = this.state
    this.state = { mode: 'none', notice: null }
    await demo.close()
  }

  private changed(): SessionStatus {
    const status = this.status()
    this.deps.onChange(status)
    return status
  }

  private serialise<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task)
    this.queue = run.catch(() => undefined)
    return run
  }
}

function passwordNeeded(settings: Settings): string {
  return `Enter the password for ${settings.username} on ${new URL(settings.serverUrl).host} to connect.`
}

function describe(error: unknown): string {
  if (error instanceof AppFailure) return error.error.message
  return error instanceof Error ? error.message : String(error)
}

/** The connection test's failure, said in terms of what the user typed: which part is wrong and what to check. */
export function connectFailure(
  error: unknown,
  settings: Settings,
  allowInsecure: boolean,
): AppFailure {
  if (!(error instanceof AppFailure)) {
    return new AppFailure({
      code: 'UNEXPECTED',
      message: `The connection test failed unexpectedly: ${describe(error)}`,
    })
  }
  const host = new URL(settings.serverUrl).host
  const cause: AppError = error.error
  const messages: Partial<Record<AppError['code'], string>> = {
    NETWORK: `Cannot reach ${host}: check the address and port, and that this computer can reach the server (network, VPN, firewall).`,
    TLS: `The secure connection to ${host} failed: its certificate is not trusted or does not match the address. Ask your IT support to check the server's certificate.`,
    AUTH: `${host} refused the username or password (401). Check them: they are the OpenVPMS login of the booking user.`,
    NOT_OPENVPMS: `${host} answers, but not as the OpenVPMS Online Booking API: check the address (usually https://host:port/openvpms).`,
    BAD_RESPONSE: `${host} answers, but not as the OpenVPMS Online Booking API V2 expects: check the address and the OpenVPMS version.`,
    TIMEOUT: `${host} did not answer in time: the server may be down, overloaded or behind a slow link. Try again, or check the address.`,
    INSECURE: allowInsecure
      ? cause.message
      : `Warning: ${host} uses plain http, which would send the password unencrypted. Use https, or allow insecure http only on a network you trust.`,
    SERVER: `${host} answered with a server error: OpenVPMS may be starting up or broken. Try again later.`,
    FORBIDDEN: `${host} refused this account (403): it lacks the permission the booking API needs.`,
  }
  return new AppFailure({ ...cause, message: messages[cause.code] ?? cause.message })
}
