// Whether a request's headers reached the socket. A POST that fails before that provably booked nothing (NETWORK or
// TIMEOUT); after that, the server may have booked it (OUTCOME_UNKNOWN). Node's fetch (undici) reports its progress
// on documented diagnostics channels; a request is recognised by a header carrying an id of our own.
import { randomUUID } from 'node:crypto'
import { subscribe } from 'node:diagnostics_channel'

/** The header that marks a request so its progress can be recognised among every undici request. */
export const TRACE_HEADER = 'x-front-desk-request'

/** How far a request got. 'unknown' when undici never reported it (then nothing may be concluded). */
export type SendPhase = 'not-sent' | 'sent' | 'unknown'

interface Progress {
  created: boolean
  sent: boolean
}

const inFlight = new Map<string, Progress>()
let subscribed = false

function traceId(message: unknown): string | undefined {
  const headers = (message as { request?: { headers?: unknown } } | null)?.request?.headers
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) {
      if (String(headers[i]).toLowerCase() === TRACE_HEADER) return String(headers[i + 1])
    }
    return undefined
  }
  if (typeof headers === 'string') {
    return new RegExp(`^${TRACE_HEADER}:[ \\t]*(\\S+)`, 'im').exec(headers)?.[1]
  }
  return undefined
}

function subscribeOnce(): void {
  if (subscribed) return
  subscribed = true
  subscribe('undici:request:create', (message) => {
    const progress = inFlight.get(traceId(message) ?? '')
    if (progress) progress.created = true
  })
  subscribe('undici:client:sendHeaders', (message) => {
    const progress = inFlight.get(traceId(message) ?? '')
    if (progress) progress.sent = true
  })
}

/** Starts watching one request: send `header` with it, ask `phase()` if it fails, and `stop()` when done. */
export function trackSend(): {
  readonly header: string
  phase(): SendPhase
  stop(): void
} {
  subscribeOnce()
  const id = randomUUID()
  const progress: Progress = { created: false, sent: false }
  inFlight.set(id, progress)
  return {
    header: id,
    // Only a request undici reported creating, and never reported sending, is known not to have left.
    phase: () => (progress.sent ? 'sent' : progress.created ? 'not-sent' : 'unknown'),
    stop: () => inFlight.delete(id),
  }
}
