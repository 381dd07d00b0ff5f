// The real services over the real client against a real sandbox on a loopback port: what the service tests share.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BookingJournal } from '../../../src/main/booking/journal'
import type { SeriesService } from '../../../src/main/booking/series'
import type { BookingDeps, BookingService } from '../../../src/main/booking/service'
import type { CalendarService } from '../../../src/main/calendar/service'
import type { ClinicService } from '../../../src/main/clinic/service'
import {
  OpenVpmsClient,
  type ClientConfig,
  type WireBookingRequest,
} from '../../../src/main/openvpms/client'
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../src/main/sandbox'
import { createEvents, createServices, type ServicesDeps } from '../../../src/main/services'
import type { EventName } from '../../../src/shared/ipc-contract'
import { AppFailure } from '../../../src/shared/result'
import type { WaitlistService } from '../../../src/main/waitlist/service'
import type { Notice, WaitlistWatcher } from '../../../src/main/waitlist/watcher'

/** The sandbox clock for the seed's guide examples: the day before 2019-02-15, 09:00 in Sydney. */
export const SEED_NOW = '2019-02-14T09:00:00+11:00'
export const SYDNEY = 'Australia/Sydney'

/** An instant from a Sydney wall time on the guide's day, e.g. at('12:30') or at('12:30', '2019-02-16'). */
export const at = (time: string, date = '2019-02-15'): number =>
  Date.parse(`${date}T${time}:00+11:00`)

/** One emitted main→renderer event. */
export interface Emitted {
  readonly event: EventName
  readonly payload: unknown
}

/** One line the services logged. */
export interface Logged {
  readonly level: 'debug' | 'info' | 'warn' | 'error'
  readonly message: string
  readonly meta?: object
}

/** Everything a service test needs, all real. */
export interface Services {
  readonly sandbox: RunningSandbox
  readonly clinic: ClinicService
  readonly calendar: CalendarService
  readonly booking: BookingService
  readonly journal: BookingJournal
  readonly series: SeriesService
  readonly waitlist: WaitlistService
  readonly watcher: WaitlistWatcher
  /** The operating-system notifications the watcher asked for. */
  readonly notices: Notice[]
  /** What the services wrote to the log, when started with `log: true` (empty otherwise). */
  readonly logged: Logged[]
  readonly events: Emitted[]
  /** The folder the journal (and the kept board, when asked for) live in. */
  readonly dir: string
  /** A second, independent client of the same sandbox (another desk). */
  newClient(config?: Partial<ClientConfig>): OpenVpmsClient
  /** Moves the clock of both the sandbox and the services. */
  setNow(iso: string): void
  /** Writes the kept board now (when one is kept). */
  offlineBoardFlushed(): Promise<void>
  /** Changes the session's client (null = signed out). */
  setClient(client: OpenVpmsClient | null): void
  close(): Promise<void>
}

/** Starts a sandbox and the services on it, composed as the app composes them. */
export async function startServices(
  options: {
    now?: string
    sandbox?: SandboxOptions
    client?: Partial<ClientConfig>
    booking?: Pick<BookingDeps, 'recheckDelaysMs'>
    /** Keep the board for offline use (in `offline-board.json`), with these limits and retry pauses. */
    offline?: Pick<ServicesDeps, 'offlineBoard' | 'calendar'>
    /** The folder to use (another run's); a new one otherwise. */
    dir?: string
    /** Keep what the services log (in `logged`). */
    log?: boolean
  } = {},
): Promise<Services> {
  const nowIso = options.now ?? SEED_NOW
  const sandbox = await startSandbox({ port: 0, now: nowIso, ...options.sandbox })
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'services-')))
  const newClient = (config: Partial<ClientConfig> = {}): OpenVpmsClient =>
    new OpenVpmsClient({
      baseUrl: sandbox.baseUrl,
      username: 'sample',
      password: 'changeit',
      timeoutMs: 3_000,
      ...options.client,
      ...config,
    })
  let current: OpenVpmsClient | null = newClient()
  const getClient = (): OpenVpmsClient => {
    if (current) return current
    throw new AppFailure({ code: 'NOT_CONNECTED', message: 'Not connected.' })
  }
  const events: Emitted[] = []
  const bus = createEvents()
  const recorded = {
    ...bus,
    emit: ((event, payload) => {
      events.push({ event, payload })
      bus.emit(event, payload)
    }) satisfies typeof bus.emit,
  }
  let nowMs = Date.parse(nowIso)
  const now = (): number => nowMs

  const notices: Notice[] = []
  const logged: Logged[] = []
  const keep =
    (level: Logged['level']) =>
    (message: string, meta?: object): void =>
      void logged.push({ level, message, meta })
  const log = { debug: keep('debug'), info: keep('info'), warn: keep('warn'), error: keep('error') }
  const services = createServices({
    getClient,
    ...(options.log && { log }),
    events: recorded,
    now,
    journalDir: dir,
    booking: options.booking,
    ...(options.offline
      ? { ...options.offline, offlineBoardFile: () => 'offline-board.json' }
      : {}),
    notify: (notice) => notices.push(notice),
  })
  const { clinic, calendar } = services
  const { journal, booking, series } = services.deskFor('booking-journal.json')
  return {
    sandbox,
    clinic,
    calendar,
    booking,
    journal,
    series,
    waitlist: services.waitlist,
    watcher: services.watcher,
    notices,
    logged,
    events,
    dir,
    newClient,
    setNow: (iso) => {
      nowMs = Date.parse(iso)
      sandbox.setNow(iso)
    },
    setClient: (client) => void (current = client),
    offlineBoardFlushed: async () => services.offlineBoard()?.flushed(),
    close: async () => {
      booking.reset()
      await services.settle()
      await sandbox.close()
      if (!options.dir) await rm(dir, { recursive: true, force: true })
    },
  }
}

/** The AppError code of a rejected promise (fails the test if it resolved or threw something else). */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (thrown) {
    if (thrown instanceof AppFailure) return thrown.error.code
    throw thrown
  }
  throw new Error('expected a failure, got a success')
}

/** The AppFailure a promise rejects with. */
export async function failureOf(promise: Promise<unknown>): Promise<AppFailure> {
  try {
    await promise
  } catch (thrown) {
    if (thrown instanceof AppFailure) return thrown
    throw thrown
  }
  throw new Error('expected a failure, got a success')
}

/**
 * Another desk's (or the online form's) POST on the guide's schedule: Olivia Smith's Standard Consult at location 98,
 * 13:00–13:15 on 2019-02-15 in Sydney, no patient, no clinician; `overrides` change what a test is about.
 */
export function otherDeskBooking(overrides: Partial<WireBookingRequest> = {}): WireBookingRequest {
  return {
    location: 98,
    schedule: 136,
    appointmentType: 66,
    start: Date.parse('2019-02-15T13:00:00+11:00'),
    end: Date.parse('2019-02-15T13:15:00+11:00'),
    title: null,
    firstName: 'Olivia',
    lastName: 'Smith',
    email: null,
    phone: null,
    mobile: '0400000000',
    patientName: null,
    notes: null,
    user: null,
    ...overrides,
  }
}
