import type { ServerResponse } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { MAX_RESPONSE_BYTES } from '../../../src/main/openvpms/body'
import { OpenVpmsClient } from '../../../src/main/openvpms/client'
import { isKnownZone, MAX_LIST_ITEMS } from '../../../src/main/openvpms/wire'
import { AppFailure, type AppError } from '../../../src/shared/result'
import { startLocalServer, type LocalServer } from './local-server'

const servers: LocalServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function serve(
  handler: Parameters<typeof startLocalServer>[0],
): Promise<{ server: LocalServer; client: OpenVpmsClient }> {
  const server = await startLocalServer(handler)
  servers.push(server)
  const client = new OpenVpmsClient({
    baseUrl: `${server.origin}/openvpms/ws/booking/v2`,
    username: 'desk',
    password: 'secret',
    retries: 2,
    timeoutMs: 20_000,
  })
  return { server, client }
}

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise
  } catch (thrown) {
    if (thrown instanceof AppFailure) return thrown.error
    throw thrown
  }
  throw new Error('expected a failure')
}

/** Streams `total` bytes of `fill` (chunked, or with its length declared) until done or the client goes away. */
function stream(total: number, declareLength: boolean, sent: { bytes: number }) {
  return (_request: unknown, response: ServerResponse): void => {
    response.writeHead(200, {
      'Content-Type': 'application/json',
      ...(declareLength ? { 'Content-Length': String(total) } : {}),
    })
    const block = Buffer.alloc(256 * 1024, 0x78)
    const pump = (): void => {
      while (sent.bytes < total && !response.destroyed) {
        sent.bytes += block.length
        if (!response.write(block)) return void response.once('drain', pump)
      }
      response.end()
    }
    response.on('close', () => (sent.bytes = Math.min(sent.bytes, total)))
    pump()
  }
}

const location = (id: number) => ({
  id,
  name: `Clinic ${id}, Northern Suburbs Veterinary Hospital and Animal Emergency Centre`,
  timeZone: 'Australia/Sydney',
})

describe('the client bounds what a server can make it read (finding 3)', () => {
  it('a 100 MB body that is not JSON: one request, read no further than the cap, BAD_RESPONSE naming the size', async () => {
    const sent = { bytes: 0 }
    const { server, client } = await serve(stream(100 * 1024 * 1024, true, sent))

    const error = await failureOf(client.listLocations())

    expect(error.code).toBe('BAD_RESPONSE')
    expect(error.message).toMatch(/too large \(100\.0 MB; the desk reads at most 4\.0 MB\)/)
    expect(server.requests).toHaveLength(1)
  })

  it('an endless body without a length is cut off past the cap, and not asked for again', async () => {
    const sent = { bytes: 0 }
    const { server, client } = await serve(stream(Number.MAX_SAFE_INTEGER, false, sent))

    const error = await failureOf(client.listLocations())

    expect(error.code).toBe('BAD_RESPONSE')
    expect(error.message).toMatch(/too large \(more than 4\.0 MB/)
    expect(server.requests).toHaveLength(1)
    expect(sent.bytes).toBeLessThan(MAX_RESPONSE_BYTES + 64 * 1024 * 1024)
  })

  it('a 5.6 MB list of 40,000 locations is refused by its size', async () => {
    const body = JSON.stringify(Array.from({ length: 40_000 }, (_, i) => location(i + 1)))
    const { client } = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.end(body)
    })

    const error = await failureOf(client.listLocations())

    expect(body.length).toBeGreaterThan(MAX_RESPONSE_BYTES)
    expect(error.code).toBe('BAD_RESPONSE')
    expect(error.message).toMatch(/too large/)
  })

  it('a list longer than a clinic has is refused by its length, under the size cap', async () => {
    const { client } = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.end(
        JSON.stringify(Array.from({ length: MAX_LIST_ITEMS + 1 }, (_, i) => location(i + 1))),
      )
    })

    const error = await failureOf(client.listLocations())

    expect(error.code).toBe('BAD_RESPONSE')
    expect(error.message).toMatch(/more than 1,000 items/)
  })

  it('a booking answered with an oversized body may have been made: OUTCOME_UNKNOWN, not a failure', async () => {
    const sent = { bytes: 0 }
    const { client } = await serve(stream(100 * 1024 * 1024, true, sent))

    const error = await failureOf(
      client.createBooking({
        location: 98,
        schedule: 136,
        appointmentType: 66,
        start: Date.parse('2019-02-15T09:00:00+11:00'),
        end: Date.parse('2019-02-15T09:15:00+11:00'),
        title: null,
        firstName: 'Judith',
        lastName: 'Bourke',
        email: null,
        phone: null,
        mobile: '0418976543',
        patientName: null,
        notes: null,
        user: null,
      }),
    )

    expect(error.code).toBe('OUTCOME_UNKNOWN')
  })
})

describe('time-zone checks (finding 3)', () => {
  it('asks Intl about each zone once, however many locations name it', async () => {
    const Original = Intl.DateTimeFormat
    let built = 0
    const counting = function (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      built++
      return new Original(...args)
    } as unknown as typeof Intl.DateTimeFormat
    Object.assign(counting, Original)
    Intl.DateTimeFormat = counting
    try {
      const { client } = await serve((_request, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json' })
        response.end(
          JSON.stringify(
            Array.from({ length: 1_000 }, (_, i) => ({
              ...location(i + 1),
              timeZone: i % 2 === 0 ? 'Australia/Perth' : 'Pacific/Auckland',
            })),
          ),
        )
      })

      const locations = await client.listLocations()

      expect(locations).toHaveLength(1_000)
      expect(built).toBeLessThanOrEqual(2)
      expect(isKnownZone('Not/A_Zone')).toBe(false)
    } finally {
      Intl.DateTimeFormat = Original
    }
  })
})
