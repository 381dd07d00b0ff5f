import { request as httpRequest, type IncomingMessage } from 'node:http'
import { connect } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox'
import {
  HEADERS_TIMEOUT_MS,
  MAX_BODY_BYTES,
  REQUEST_TIMEOUT_MS,
} from '../../../src/main/sandbox/http-guard'
import { basic, BEFORE_GUIDE_DAY, guideBooking } from './support'

let sandbox: RunningSandbox

beforeEach(async () => {
  sandbox = await startSandbox({ now: BEFORE_GUIDE_DAY })
})
afterEach(() => sandbox.close())

interface Sent {
  /** 0 when the server closed the connection before the client could read its answer. */
  status: number
  body: string
  /** Bytes of the body the client had written when the answer came. */
  written: number
}

/**
 * A POST whose body keeps coming (1 MB a write, up to `totalBytes`, chunked unless a length is declared) for as long
 * as the server has not answered: what an attacker's upload looks like.
 */
function endlessPost(options: {
  headers: Record<string, string>
  totalBytes: number
  declareLength?: boolean
}): Promise<Sent> {
  const url = new URL(`${sandbox.baseUrl}/bookings`)
  return new Promise((resolve, reject) => {
    let written = 0
    let answered = false
    const request = httpRequest(
      url,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(options.declareLength ? { 'Content-Length': String(options.totalBytes) } : {}),
          ...options.headers,
        },
      },
      (response: IncomingMessage) => {
        answered = true
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            written,
          })
          request.destroy()
        })
      },
    )
    // The server may close while the upload is still being written: the client then sees EPIPE or a reset.
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (answered) return
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET')
        resolve({ status: 0, body: '', written })
      else reject(error)
    })
    const block = Buffer.alloc(1024 * 1024, 0x20)
    const pump = (): void => {
      while (!answered && written < options.totalBytes) {
        written += block.length
        if (!request.write(block)) return void request.once('drain', pump)
      }
      if (!answered) request.end()
    }
    request.flushHeaders()
    setTimeout(pump, 20)
  })
}

function rawGet(path: string, host: string): Promise<{ status: number; body: string }> {
  const url = new URL(`${sandbox.baseUrl}${path}`)
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      { headers: { Host: host, Authorization: basic() } },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        )
      },
    )
    request.on('error', reject)
    request.end()
  })
}

describe('a request is judged before its body is read (finding 1)', () => {
  it('an unauthenticated 300 MB upload gets 401 at once; the server reads next to nothing of it', async () => {
    const sent = await endlessPost({
      headers: {},
      totalBytes: 300 * 1024 * 1024,
      declareLength: true,
    })

    expect([401, 0]).toContain(sent.status)
    expect(sent.written).toBeLessThan(64 * 1024 * 1024)
  })

  it('an endless chunked body from a known user is cut off with 413 past 64 KB', async () => {
    const sent = await endlessPost({
      headers: { Authorization: basic() },
      totalBytes: 2 * 1024 * 1024 * 1024,
    })

    expect([413, 0]).toContain(sent.status)
    expect(sent.written).toBeLessThan(256 * 1024 * 1024)
  })

  it('a declared length past 64 KB is refused with 413 before a byte is read', async () => {
    const sent = await endlessPost({
      headers: { Authorization: basic() },
      totalBytes: MAX_BODY_BYTES + 1,
      declareLength: true,
    })

    expect([413, 0]).toContain(sent.status)
  })

  it('a POST with a wrong password and a small body gets its 401 on a connection still open', async () => {
    const response = await fetch(`${sandbox.baseUrl}/bookings`, {
      method: 'POST',
      headers: { Authorization: basic('sample', 'wrong'), 'Content-Type': 'application/json' },
      body: JSON.stringify(guideBooking()),
    })

    expect(response.status).toBe(401)
    expect(response.headers.get('connection')).not.toBe('close')
  })

  it('a booking body under the cap is still booked', async () => {
    const response = await fetch(`${sandbox.baseUrl}/bookings`, {
      method: 'POST',
      headers: { Authorization: basic(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...guideBooking(), notes: 'x'.repeat(1000) }),
    })

    expect(response.status).toBe(201)
  })
})

describe('the Host header (DNS rebinding, finding 1)', () => {
  it('a page whose name was rebound to 127.0.0.1 gets nothing', async () => {
    const answer = await rawGet('/locations', 'evil.example')
    const withPort = await rawGet('/locations', `evil.example:${sandbox.port}`)

    expect(answer.status).toBe(421)
    expect(withPort.status).toBe(421)
    expect(answer.body).not.toContain('Main Clinic')
  })

  it('its own loopback host and port are answered, by address or as localhost', async () => {
    const byAddress = await rawGet('/locations', `127.0.0.1:${sandbox.port}`)
    const byName = await rawGet('/locations', `localhost:${sandbox.port}`)
    const otherPort = await rawGet('/locations', `127.0.0.1:${sandbox.port + 1}`)

    expect([byAddress.status, byName.status, otherPort.status]).toEqual([200, 200, 421])
  })
})

describe('timeouts (finding 1)', () => {
  it('a client that never finishes its headers is disconnected', async () => {
    const slow = await startSandbox({ timeouts: { headersMs: 1_000, requestMs: 2_000 } })
    const socket = connect(slow.port, '127.0.0.1')
    socket.write('GET /openvpms/ws/booking/v2/locations HTTP/1.1\r\nHost: 127.0.0.1\r\n')
    socket.resume()
    const started = Date.now()

    await new Promise<void>((resolve) => socket.on('close', () => resolve()))

    await slow.close()

    expect(Date.now() - started).toBeLessThan(4_000)
  })

  it('the sandbox has header and request timeouts by default', () => {
    expect([HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS]).toEqual([10_000, 30_000])
  })
})
