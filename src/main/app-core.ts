// Everything the app does, without Electron: the session, the OpenVPMS client of the current connection, the
// services, the booking journal and the IPC dispatcher. index.ts wires it to a window; tests and the end-to-end
// harness call `dispatch` directly, so they exercise the same code the app runs.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { rename } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { ChannelName, EventName, PayloadOf } from '../shared/ipc-contract'
import type { Result } from '../shared/result'
import { calendarHandlers } from './calendar/ipc'
import { clinicHandlers } from './clinic/ipc'
import type { CredentialStore } from './credentials'
import { createDispatcher, type Handlers, type Logger } from './ipc/handle'
import { clientLog } from './log'
import { normaliseServerUrl, OpenVpmsClient } from './openvpms/client'
import { PREFERENCES_FILE, readPreferences } from './preferences'
import { startSandbox, type RunningSandbox, type SandboxOptions } from './sandbox'
import { sessionHandlers } from './session/ipc'
import { SessionService, type DemoServer } from './session/service'
import { createEvents, createServices } from './services'
import { settingsHandlers } from './session/settings-ipc'
import { waitlistHandlers } from './waitlist/ipc'
import type { Notice } from './waitlist/watcher'

/** What the app core needs from its host. */
export interface AppCoreOptions {
  /** settings.json, the demo clinic's state and the booking journal live here. */
  readonly userDataDir: string
  readonly credentialStore: CredentialStore
  /** Options for the embedded demo sandbox (tests fix `now`, a dataset, latency…). */
  readonly demo?: SandboxOptions
  readonly log?: Logger
  /** Per-attempt time limit and GET retries of every OpenVPMS client (tests shorten them). */
  readonly client?: { readonly timeoutMs?: number; readonly retries?: number }
  /** The clock of the services (tests fix it to the sandbox's `now`). */
  readonly now?: () => number
  /** Pauses between attempts to reach a server that could not be reached (tests shorten them). */
  readonly retryDelaysMs?: readonly number[]
  /** Shows an operating-system notification (Electron's Notification in the app; tests record them). */
  readonly notify?: (notice: Notice) => void
  /** How often the waitlist's whole window is scanned (default 3 minutes, never under the board's refresh). */
  readonly waitlistScanEveryMs?: number
}

/** The app without Electron. */
export interface AppCore {
  /** Validates and runs one request; every failure is a Result, never a throw. */
  dispatch(channel: ChannelName, request: unknown): Promise<Result<unknown>>
  /** Subscribes to a main→renderer event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void
  /** The demo clinic's server while the demo is in use. */
  demoSandbox(): RunningSandbox | null
  /** Stops the demo clinic's server and background work. */
  close(): Promise<void>
}

/** The files the app core keeps in the user-data folder. */
export const userDataFiles = {
  settings: 'settings.json',
  demoState: 'demo-clinic.json',
  demoJournal: 'demo-booking-journal.json',
  demoWaitlist: 'demo-waitlist.json',
} as const

/**
 * The clinic journal of one server and account, `booking-journal-<12 hex>.json`: a desk that connects to another
 * clinic (or as another user) never lists or answers lookups from the first one's bookings.
 */
export function clinicJournalFile(serverUrl: string | null, username: string | null): string {
  const key = createHash('sha256')
    .update(`${serverUrl ?? ''}\n${username ?? ''}`)
    .digest('hex')
  return `booking-journal-${key.slice(0, 12)}.json`
}

/**
 * The board as last loaded from one clinic server and account, `offline-board-<12 hex>.json` (the same key as its
 * journal): shown read-only while that server cannot be reached.
 */
export function offlineBoardFile(serverUrl: string | null, username: string | null): string {
  return clinicJournalFile(serverUrl, username).replace('booking-journal-', 'offline-board-')
}

/** The waitlist of one clinic server and account, `waitlist-<12 hex>.json` (the same key as its journal). */
export function clinicWaitlistFile(serverUrl: string | null, username: string | null): string {
  return clinicJournalFile(serverUrl, username).replace('booking-journal-', 'waitlist-')
}

const silentLog: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
}

/** Builds the app core and starts the session: the saved clinic if there is one, else the demo clinic. */
export async function createAppCore(options: AppCoreOptions): Promise<AppCore> {
  const log = options.log ?? silentLog
  const events = createEvents(log)
  const now = options.now ?? Date.now
  const preferences = await readPreferences(join(options.userDataDir, PREFERENCES_FILE), log)

  const session: SessionService<OpenVpmsClient, RunningSandbox> = new SessionService({
    settingsFile: join(options.userDataDir, userDataFiles.settings),
    credentials: options.credentialStore,
    normaliseServerUrl,
    createClient: (config) =>
      new OpenVpmsClient({ ...config, ...options.client, log: clientLog(log) }),
    startDemo: (login, password) =>
      startDemoClinic(
        {
          port: 0,
          host: '127.0.0.1',
          stateFile: join(options.userDataDir, userDataFiles.demoState),
          ...options.demo,
          credentials: { login, password },
          lockOtherLogins: true,
        },
        log,
      ),
    onChange: (status) => events.emit('session:changed', status),
    // The board as last loaded is only a copy of what the server says, and it names the clinic's schedules and
    // clinicians: signing out deletes it. The journal and waitlist stay (per account): they are the desk's own
    // record of what it booked and who is waiting, which no server can give back, and they return on signing in.
    forgetAccount: (serverUrl, username) =>
      services.forgetOfflineBoard(offlineBoardFile(serverUrl, username)),
    log,
  })
  const services = createServices({
    getClient: () => session.getClient(),
    events,
    now,
    log,
    journalDir: options.userDataDir,
    journal: { retentionDays: preferences.journalRetentionDays },
    // The demo clinic runs inside the app: there is no server to lose, so nothing is kept for it.
    offlineBoardFile: () => {
      const { mode, serverUrl, username } = session.status()
      return mode === 'clinic' ? offlineBoardFile(serverUrl, username) : null
    },
    calendar: options.retryDelaysMs ? { retryDelaysMs: options.retryDelaysMs } : undefined,
    // One waitlist for the demo and one per clinic server and account, like the journal.
    waitlistFile: () => {
      const { mode, serverUrl, username } = session.status()
      return mode === 'demo' ? userDataFiles.demoWaitlist : clinicWaitlistFile(serverUrl, username)
    },
    notify: options.notify,
    waitlistScanEveryMs: options.waitlistScanEveryMs,
  })
  const { clinic, calendar } = services
  // One journal for the demo and one per clinic server and account: practice bookings never show up as a
  // clinic's, nor one clinic's as another's.
  const desk = () => {
    const { mode, serverUrl, username } = session.status()
    return services.deskFor(
      mode === 'demo' ? userDataFiles.demoJournal : clinicJournalFile(serverUrl, username),
    )
  }
  // The journal and waitlist shown are now the other connection's (the services have already dropped their caches).
  events.on('session:changed', () => {
    void desk()
      .journal.list()
      .then((entries) => events.emit('booking:journalChanged', entries))
      .catch((error: unknown) => log.warn('journal: could not list', { error: String(error) }))
    void services.waitlist
      .list()
      .then((entries) => events.emit('waitlist:entriesChanged', entries))
      .catch((error: unknown) => log.warn('waitlist: could not list', { error: String(error) }))
  })

  const handlers: Handlers = {
    ...sessionHandlers(session),
    ...clinicHandlers(clinic),
    ...calendarHandlers(calendar),
    ...settingsHandlers(join(options.userDataDir, userDataFiles.settings)),
    ...waitlistHandlers(services.waitlist),
    'booking:create': (request) => desk().handlers['booking:create'](request),
    'booking:get': (request) => desk().handlers['booking:get'](request),
    'booking:cancel': (request) => desk().handlers['booking:cancel'](request),
    'booking:listJournal': (request) => desk().handlers['booking:listJournal'](request),
    'booking:checkSeries': (request) => desk().handlers['booking:checkSeries'](request),
    'booking:createSeries': (request) => desk().handlers['booking:createSeries'](request),
    'booking:cancelSeries': (request) => desk().handlers['booking:cancelSeries'](request),
    'journal:searchEntries': (request) => desk().handlers['journal:searchEntries'](request),
    'journal:listDay': (request) => desk().handlers['journal:listDay'](request),
    'journal:exportCsv': (request) => desk().handlers['journal:exportCsv'](request),
    'journal:getNotice': (request) => desk().handlers['journal:getNotice'](request),
  }
  const dispatchRequest = createDispatcher(handlers, log)
  const dispatch: AppCore['dispatch'] = async (channel, request) => {
    const result = await dispatchRequest(channel, request)
    // spec §8: 401 on any call means the password no longer works; the session asks for it again.
    if (!result.ok && result.error.code === 'AUTH' && !channel.startsWith('session:')) {
      await session.credentialsRejected()
    }
    return result
  }

  await session.start()
  services.watcher.start()

  return {
    dispatch,
    on: events.on,
    demoSandbox: () => session.demo(),
    close: async () => {
      // Let background loads and journal writes settle before the demo server they may be talking to stops, but
      // never wait on a server that does not answer: the hidden process would keep the single-instance lock.
      await within(CLOSE_WAIT_MS, services.settle(), () =>
        log.warn('close: background work still running'),
      )
      await within(CLOSE_WAIT_MS, session.close(), () => log.warn('close: session still closing'))
    },
  }
}

/** How long close() waits for each of background work and the session before it gives up on them. */
const CLOSE_WAIT_MS = 2_000

/** Waits for `work`, or `ms` at most (then calls `late`); never rejects. */
async function within(ms: number, work: Promise<unknown>, late: () => void): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)))
  const outcome = await Promise.race([
    work.then(
      () => 'done' as const,
      () => 'done' as const,
    ),
    timeout,
  ])
  clearTimeout(timer)
  if (outcome === 'late') late()
}

/**
 * Starts the demo clinic. A state file it cannot start from, whatever the damage (bad JSON, a wrong shape, an id
 * of 1e30 that breaks the clinic later, a disk error), is set aside as `demo-clinic.json.corrupt-<time>` and the demo
 * starts afresh, telling the desk so: practice bookings are not worth a dead app. A demo that fails without its
 * state file too is a real fault and is reported as such.
 */
async function startDemoClinic(
  sandboxOptions: SandboxOptions,
  log: Logger,
): Promise<RunningSandbox & DemoServer> {
  try {
    return await startSandbox(sandboxOptions)
  } catch (error) {
    const stateFile = sandboxOptions.stateFile
    if (!stateFile || !existsSync(stateFile)) throw error
    const aside = `${stateFile}.corrupt-${Date.now()}`
    log.warn(`Demo clinic state unusable, set aside as ${aside}: ${String(error)}`)
    await rename(stateFile, aside)
    const sandbox = await startSandbox(sandboxOptions)
    return Object.assign(sandbox, {
      startNotice: `The demo clinic's saved practice bookings could not be read, so it started afresh (the old file is kept as ${basename(aside)}).`,
    })
  }
}
