// What the sandbox checks before it spends anything on a request: the Host it was addressed to (DNS rebinding),
// and a body that is read only after the caller is known, and only up to a cap.
import type { IncomingMessage } from 'node:http'

/** The largest request body read (a booking is under 2 KB); past it the answer is 413. */
export const MAX_BODY_BYTES = 64 * 1024

/** Time allowed for the request line and headers, and for the whole request, before the socket is closed. */
export const HEADERS_TIMEOUT_MS = 10_000
export const REQUEST_TIMEOUT_MS = 30_000

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]'])

function isLoopbackAddress(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
}

/**
 * The Host values the sandbox answers: on a loopback address only its own `host:port` (or `localhost:port`,
 * `127.0.0.1:port`, `[::1]:port`), so a page whose DNS name was rebound to 127.0.0.1 gets nothing. Listening on
 * another address (`--host 0.0.0.0` to serve a LAN) is a deliberate choice: any Host is answered there.
 */
export function createHostCheck(
  listenHost: string,
  port: number,
): (host: string | undefined) => boolean {
  if (!isLoopbackAddress(listenHost)) return () => true
  const own = listenHost.includes(':') ? `[${listenHost}]` : listenHost
  const allowed = new Set([...LOOPBACK_NAMES, own].map((name) => `${name}:${port}`))
  return (host) => host !== undefined && allowed.has(host.toLowerCase())
}

/** What reading a body gave: the text, or that it was longer than allowed. */
export type BodyRead = { ok: true; body: string } | { ok: false; tooLarge: true }

/**
 * Reads a request body up to `limit` bytes. A declared Content-Length past the limit is refused before a byte is
 * read; a chunked body is cut off as soon as it passes the limit (the caller answers 413 and closes).
 */
export function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyRead> {
  const declared = Number(request.headers['content-length'] ?? 0)
  if (Number.isFinite(declared) && declared > limit)
    return Promise.resolve({ ok: false, tooLarge: true })
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size > limit) {
        request.off('data', onData)
        request.pause()
        chunks.length = 0
        resolve({ ok: false, tooLarge: true })
        return
      }
      chunks.push(chunk)
    }
    request.on('data', onData)
    request.on('end', () => resolve({ ok: true, body: Buffer.concat(chunks).toString('utf8') }))
    request.on('error', reject)
  })
}
