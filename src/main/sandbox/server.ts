// The HTTP side: node:http, Basic auth (spec §8), latency, faults, persistence, and the container's own answers.
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { Clinic } from './clinic'
import { loadDatasetFile, parseDataset } from './dataset'
import { FaultQueue, type Fault } from './faults'
import { createSeedGenerator } from './generator'
import { APPOINTMENT_STATUSES, type AppointmentStatus, type UserRecord } from './model'
import { createHostCheck, HEADERS_TIMEOUT_MS, readBody, REQUEST_TIMEOUT_MS } from './http-guard'
import { handleApi } from './routes'
import { containerPage, text, type SandboxResponse } from './responses'
import { SEED_LOGIN, seedDataset } from './seed'
import { StateKeeper } from './state'

/** How to start a sandbox. */
export interface SandboxOptions {
  /** Default 0 (a free port). */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** A dataset object (validated like a file); default: the built-in seed clinic. */
  dataset?: unknown
  /** A dataset file (wins over `dataset`). */
  dataFile?: string
  /** Keep changes here; loaded at start when it exists; written atomically. */
  stateFile?: string
  /** ISO 8601 with offset: a fixed server clock (the dataset's `now` also does this). */
  now?: string
  /** Delay every response. */
  latencyMs?: number
  /** GET /bookings/{valid ref} answers 500 with an HTML page, like OpenVPMS HEAD (spec §7.3). */
  emulateGetDefect?: boolean
  /** Replaces login and password of the seed API user `sample`. */
  credentials?: { login: string; password: string }
  /**
   * Every other login gets a random password nobody is told (the demo clinic: no local user can read it with a
   * password from the docs). Default: the dataset's passwords.
   */
  lockOtherLogins?: boolean
  /** Time allowed for a request's headers, and for the whole request (defaults: 10 s and 30 s). */
  timeouts?: { headersMs: number; requestMs: number }
}

/** A sandbox that is listening. */
export interface RunningSandbox {
  /** e.g. http://127.0.0.1:43123/openvpms/ws/booking/v2 (no trailing slash). */
  readonly baseUrl: string
  readonly port: number
  /** Stops listening and ends every connection, hung ones included. */
  close(): Promise<void>
  setLatency(ms: number): void
  /** A fixed clock (ISO 8601 with offset), or null for the real clock. */
  setNow(iso: string | null): void
  injectFault(fault: Fault): void
  clearFaults(): void
  /** Changes an appointment's status (e.g. CHECKED_IN, so that cancelling it fails). */
  setAppointmentStatus(appointmentId: number, status: AppointmentStatus): void
  /** Requests received since start. */
  readonly requestCount: number
  /** Paths with query (below the API base, e.g. `/schedules/136/free?from=…`) of the last 1,000 requests. */
  readonly recentPaths: readonly string[]
}

/** The path every API URL starts with (spec §1.1). */
export const BASE_PATH = '/openvpms/ws/booking/v2'
const SERVICES_PATH = '/openvpms/ws/'
const REALM = 'OpenVPMS Services'
/** How many request paths a sandbox remembers for tests (recentPaths). */
const RECENT_PATHS = 1_000

function parseInstant(iso: string, what: string): number {
  const value = /(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? Date.parse(iso) : Number.NaN
  if (Number.isNaN(value))
    throw new Error(`${what}: not an ISO 8601 date-time with offset: "${iso}"`)
  return value
}

function loadClinic(options: SandboxOptions): Clinic {
  const seeded = options.dataFile === undefined && options.dataset === undefined
  const data = options.dataFile
    ? loadDatasetFile(options.dataFile)
    : parseDataset(options.dataset ?? seedDataset(), seeded ? 'seed clinic' : 'dataset')
  if (options.credentials) {
    const user = data.users.find((item) => item.login === SEED_LOGIN)
    if (user) {
      user.login = options.credentials.login
      user.password = options.credentials.password
    }
  }
  if (options.lockOtherLogins) {
    const kept = options.credentials?.login ?? SEED_LOGIN
    for (const user of data.users) {
      if (user.login !== kept) user.password = randomBytes(24).toString('base64url')
    }
  }
  if (options.now !== undefined) data.now = parseInstant(options.now, 'now')
  return new Clinic(data, seeded ? createSeedGenerator(data) : null)
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** spec §8: HTTP Basic against the user store; inactive users fail like bad passwords. */
function authenticate(clinic: Clinic, header: string | undefined): UserRecord | null {
  const credentials = /^Basic\s+(\S+)$/i.exec(header ?? '')
  if (!credentials) return null
  const decoded = Buffer.from(credentials[1] ?? '', 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  const user = colon < 0 ? undefined : clinic.userByLogin(decoded.slice(0, colon))
  return user && user.active && user.password === decoded.slice(colon + 1) ? user : null
}

function unauthorized(message: string): SandboxResponse {
  const response = containerPage(401, message)
  response.headers['WWW-Authenticate'] = `Basic realm="${REALM}"`
  return response
}

/** The `malformedJson` fault: 200 application/json with the first half of the body (a JSON one, if any). */
function truncatedJson(reply: SandboxResponse): SandboxResponse {
  const isJson = reply.body.startsWith('[') || reply.body.startsWith('{')
  const full = isJson ? reply.body : '{"free":[{"start":"2019-02-15T09:00:00.000+11:00"}]}'
  return {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
    body: full.slice(0, Math.max(1, Math.floor(full.length / 2))),
  }
}

/** The `cutShort` fault: the headers promise the whole body, half of it is sent, then the connection drops. */
function cutShort(response: ServerResponse, reply: SandboxResponse): void {
  const body = Buffer.from(reply.body)
  response.writeHead(reply.status, { ...reply.headers, 'Content-Length': body.length })
  response.write(body.subarray(0, Math.floor(body.length / 2)), () => response.socket?.destroy())
}

/** Starts a sandbox: validates the whole dataset and state first, so it never starts half-loaded. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const clinic = loadClinic(options)
  const state = new StateKeeper(options.stateFile)
  state.restore(clinic)

  const faults = new FaultQueue()
  let latencyMs = options.latencyMs ?? 0
  let requestCount = 0
  const recentPaths: string[] = []
  const sockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()
  /** Runs `work` after `ms` unless the sandbox closes first. */
  const later = (ms: number, work: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      work()
    }, ms)
    timers.add(timer)
  }

  /** Who is asking, or the answer that ends the request before its body is read. */
  const admit = (request: IncomingMessage): UserRecord | SandboxResponse => {
    const path = new URL(request.url ?? '/', 'http://sandbox').pathname
    // Only /ws/** sits behind Spring Security's Basic chain (spec §8); elsewhere the container answers.
    if (!path.startsWith(SERVICES_PATH)) return containerPage(404, 'Not Found')
    const user = authenticate(clinic, request.headers.authorization)
    if (user) return user
    return unauthorized(
      request.headers.authorization
        ? 'Bad credentials'
        : 'Full authentication is required to access this resource',
    )
  }

  const answer = (request: IncomingMessage, body: string, user: UserRecord): SandboxResponse => {
    const url = new URL(request.url ?? '/', 'http://sandbox')
    const path = url.pathname
    if (path !== BASE_PATH && !path.startsWith(`${BASE_PATH}/`))
      return containerPage(404, 'Not Found')
    let segments: string[]
    try {
      segments = path.slice(BASE_PATH.length).split('/').slice(1).map(decodeURIComponent)
    } catch {
      return containerPage(400, 'Invalid URI')
    }
    if (segments.length > 1 && segments[segments.length - 1] === '') segments.pop()
    const host = request.headers.host ?? `${options.host ?? '127.0.0.1'}:${address.port}`
    const result = handleApi(clinic, {
      method: request.method ?? 'GET',
      segments,
      query: url.searchParams,
      headers: request.headers,
      body,
      user,
      baseUrl: `http://${host}${BASE_PATH}`,
    })
    if (result.foundBooking && options.emulateGetDefect) {
      // spec §7.3: the misspelt `clincian` node makes every GET of a valid reference fail.
      return containerPage(500, 'No node found named clincian in archetype act.customerAppointment')
    }
    if (result.created) state.bookingMade(result.created)
    if (result.statusChanged) state.statusChanged(result.statusChanged)
    return result.response
  }

  const send = (
    request: IncomingMessage,
    response: ServerResponse,
    reply: SandboxResponse,
  ): void => {
    const headers: Record<string, string | number> = { ...reply.headers }
    if (reply.status !== 204) headers['Content-Length'] = Buffer.byteLength(reply.body)
    response.writeHead(reply.status, headers)
    response.end(request.method === 'HEAD' || reply.status === 204 ? undefined : reply.body)
  }

  /**
   * Answers a request refused before its body was wanted. A body within the cap is read and dropped first: closing
   * a connection with unread data resets it, and the client would lose the answer (a 401 it must see). Past the
   * cap nothing more is read and the connection is closed after the answer.
   */
  const refuse = async (
    request: IncomingMessage,
    response: ServerResponse,
    reply: SandboxResponse,
  ): Promise<void> => {
    const read = await readBody(request)
    if (read.ok) send(request, response, reply)
    else answerAndClose(request, response, reply)
  }

  const answerAndClose = (
    request: IncomingMessage,
    response: ServerResponse,
    reply: SandboxResponse,
  ): void => {
    reply.headers['Connection'] = 'close'
    send(request, response, reply)
    response.on('finish', () => request.socket.destroy())
  }

  const server = createServer(
    {
      headersTimeout: options.timeouts?.headersMs ?? HEADERS_TIMEOUT_MS,
      requestTimeout: options.timeouts?.requestMs ?? REQUEST_TIMEOUT_MS,
      // How often the timeouts are checked (Node's default, 30 s, would let a stalled client stay that long).
      connectionsCheckingInterval: 1_000,
    },
    (request, response) => {
      requestCount++
      void (async () => {
        // Host, then credentials, then the body (capped): an unknown caller costs nothing but its headers.
        if (!isOwnHost(request.headers.host)) {
          return refuse(request, response, text(421, 'Misdirected Request: unknown Host'))
        }
        const admitted = admit(request)
        if ('status' in admitted) return refuse(request, response, admitted)
        const user = admitted
        const url = new URL(request.url ?? '/', 'http://sandbox')
        const apiPath = url.pathname.startsWith(BASE_PATH)
          ? url.pathname.slice(BASE_PATH.length)
          : url.pathname
        recentPaths.push(apiPath + url.search)
        if (recentPaths.length > RECENT_PATHS) recentPaths.shift()
        const decision = faults.take(request.method ?? 'GET', apiPath)
        const read = await readBody(request)
        if (!read.ok) {
          return answerAndClose(request, response, text(413, 'Request body larger than 64 KB'))
        }
        const body = read.body
        const delay = latencyMs + decision.extraDelayMs
        if (delay > 0) await sleep(delay)
        if (response.destroyed) return
        const fault = decision.fault
        const lost = fault?.kind === 'reset' || fault?.kind === 'hang' || fault?.kind === 'status'
        const handleQuietly = (): void => {
          try {
            answer(request, body, user)
          } catch {
            // The answer is lost either way; an error here changed nothing.
          }
        }
        if (lost && fault?.afterHandling) handleQuietly()
        switch (fault?.kind) {
          case 'reset':
            request.socket.destroy()
            return
          case 'hang':
            if (fault.handleAfterMs !== undefined) later(fault.handleAfterMs, handleQuietly)
            return // answered never; close() ends the socket
          case 'status':
            return send(
              request,
              response,
              containerPage(fault.status ?? 500, 'Service Unavailable'),
            )
          case 'html500':
            return send(request, response, containerPage(500, 'java.lang.IllegalStateException'))
          case 'unauthorized':
            return send(request, response, unauthorized('Bad credentials'))
        }
        let reply: SandboxResponse
        try {
          reply = answer(request, body, user)
        } catch (error) {
          reply = containerPage(500, (error as Error).message)
        }
        if (decision.fault?.kind === 'malformedJson') reply = truncatedJson(reply)
        if (decision.fault?.kind === 'cutShort') return cutShort(response, reply)
        send(request, response, reply)
      })().catch((error: unknown) => {
        if (!response.headersSent) send(request, response, text(500, String(error)))
      })
    },
  )
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as { port: number; address: string; family: string }
  const isOwnHost = createHostCheck(options.host ?? '127.0.0.1', address.port)
  const hostText = address.family === 'IPv6' ? `[${address.address}]` : address.address
  const baseUrl = `http://${hostText}:${address.port}${BASE_PATH}`

  return {
    baseUrl,
    port: address.port,
    get requestCount() {
      return requestCount
    },
    get recentPaths() {
      return [...recentPaths]
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const timer of timers) clearTimeout(timer)
        timers.clear()
        for (const socket of sockets) socket.destroy()
        server.closeAllConnections()
      }),
    setLatency: (ms) => {
      latencyMs = ms
    },
    setNow: (iso) => {
      clinic.fixedNow = iso === null ? null : parseInstant(iso, 'setNow')
    },
    injectFault: (fault) => faults.inject(fault),
    clearFaults: () => faults.clear(),
    setAppointmentStatus: (appointmentId, status) => {
      if (!APPOINTMENT_STATUSES.includes(status)) throw new Error(`unknown status ${status}`)
      if (!clinic.setStatus(appointmentId, status)) {
        throw new Error(`no appointment with id ${appointmentId}`)
      }
      const record = clinic.appointment(appointmentId)
      if (record) state.statusChanged(record)
    },
  }
}
