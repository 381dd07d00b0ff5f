import type { IncomingMessage, ServerResponse } from 'node:http'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { OpenVpmsClient } from '../../../src/main/openvpms/client'
import type { ClientConfig } from '../../../src/main/openvpms/client'
import type { AppError } from '../../../src/shared/result'
import { AppFailure } from '../../../src/shared/result'
import {
  answerWith,
  selfSignedCertificate,
  startLocalServer,
  startSilentTcpServer,
} from './local-server'
import type { LocalServer } from './local-server'

const API = '/openvpms/ws/booking/v2'
const PASSWORD = 'changeit-s3cret'
const LOCATIONS = JSON.stringify([{ id: 98, name: 'Main Clinic', timeZone: 'Australia/Sydney' }])

const servers: LocalServer[] = []
const logLines: string[] = []

async function serve(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
  tls?: { key: string; cert: string },
): Promise<LocalServer> {
  const server = await startLocalServer(handler, tls)
  servers.push(server)
  return server
}

function clientFor(origin: string, config: Partial<ClientConfig> = {}): OpenVpmsClient {
  return new OpenVpmsClient({
    baseUrl: `${origin}${API}`,
    username: 'sample',
    password: PASSWORD,
    retries: 0,
    log: (level, message) => logLines.push(`${level} ${message}`),
    ...config,
  })
}

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise
  } catch (thrown) {
    if (thrown instanceof AppFailure) return thrown.error
    throw thrown
  }
  throw new Error('expected the call to fail')
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
  expect(logLines.join('\n')).not.toContain(PASSWORD)
  logLines.length = 0
})

describe('a server that is not OpenVPMS', () => {
  it('reads an HTML 404 from a wrong path as NOT_OPENVPMS without repeating the page', async () => {
    const server = await serve(
      answerWith(404, 'text/html', '<html><body><h1>404 Not Found</h1>nginx</body></html>'),
    )

    const error = await failureOf(clientFor(server.origin).listLocations())

    expect(error.code).toBe('NOT_OPENVPMS')
    expect(error.message).not.toMatch(/<|nginx/)
    expect(error.serverMessage).toBeUndefined()
  })

  it('reads a 200 web page (a login portal in front of the server) as NOT_OPENVPMS', async () => {
    const server = await serve(
      answerWith(200, 'text/html; charset=utf-8', '<!doctype html><title>Portal</title>'),
    )

    const error = await failureOf(clientFor(server.origin).listLocations())

    expect(error.code).toBe('NOT_OPENVPMS')
  })

  it.each([
    ['text that is not JSON', 'Welcome', '(not JSON)'],
    ['JSON of the wrong kind', '"hello"', '(body: '],
    ['a location without its name', '[{"id":98,"timeZone":"Australia/Sydney"}]', '(0.name: '],
  ])('says where an answer of %s goes wrong', async (_kind, body, where) => {
    const server = await serve(answerWith(200, 'application/json', body))

    const error = await failureOf(clientFor(server.origin).listLocations())

    expect(error.code).toBe('BAD_RESPONSE')
    expect(error.message).toContain(`does not match the OpenVPMS Booking API V2 ${where}`)
  })

  it('reads a JSON answer of the wrong shape as BAD_RESPONSE, asking only once', async () => {
    const server = await serve(answerWith(200, 'application/json', '{"status":"ok"}'))

    const error = await failureOf(clientFor(server.origin, { retries: 2 }).listLocations())

    expect(error.code).toBe('BAD_RESPONSE')
    expect(server.requests).toHaveLength(1)
  })
})

describe('the booking reference answer', () => {
  const request = {
    location: 98,
    schedule: 136,
    appointmentType: 66,
    start: Date.UTC(2030, 0, 1, 0),
    end: Date.UTC(2030, 0, 1, 0, 15),
    title: null,
    firstName: 'Judith',
    lastName: 'Bourke',
    email: null,
    phone: null,
    mobile: null,
    patientName: null,
    notes: null,
    user: null,
  }

  it.each([
    ['text/plain', '391:a98f02c9-1a4b-11e6-be41-3dbaef689d97'],
    ['text/plain', '391:a98f02c9-1a4b-11e6-be41-3dbaef689d97\r\n'],
    // Servers before OVPMS-1981 labelled the same text application/json (spec §1.2).
    ['application/json', '391:a98f02c9-1a4b-11e6-be41-3dbaef689d97'],
    ['application/json', '"391:a98f02c9-1a4b-11e6-be41-3dbaef689d97"'],
  ])('reads a %s body %j as the reference', async (contentType, body) => {
    const server = await serve(answerWith(201, contentType, body))

    const reference = await clientFor(server.origin).createBooking(request)

    expect(reference).toBe('391:a98f02c9-1a4b-11e6-be41-3dbaef689d97')
  })

  it('reads a reference of up to 200 characters', async () => {
    const longest = `391:${'a'.repeat(196)}`
    const server = await serve(answerWith(201, 'text/plain', longest))

    const reference = await clientFor(server.origin).createBooking(request)

    expect(reference).toBe(longest)
  })

  it('reads the three-part reference the guide prints (`<id>:<customer>:<uuid>`) as a booking', async () => {
    const server = await serve(
      answerWith(201, 'text/plain', '603:3:be08f3c6-1afb-11e6-be41-3dbaef689d97'),
    )

    const reference = await clientFor(server.origin).createBooking(request)

    expect(reference).toBe('603:3:be08f3c6-1afb-11e6-be41-3dbaef689d97')
  })

  it.each([
    // Not a reference (a page, even a 201 one, may come from a proxy that passed the booking on), but the server
    // may have booked: the outcome is unknown, and the caller checks the time.
    [201, 'text/html', '<html>Created</html>', 'OUTCOME_UNKNOWN'],
    [201, 'text/plain', '', 'OUTCOME_UNKNOWN'],
    [201, 'text/plain', 'Booking created: 391', 'OUTCOME_UNKNOWN'],
    // A reference inside other text is garbled, not a reference: the whole body must be one.
    [201, 'text/plain', 'OK 391:a98f02c9-1a4b-11e6-be41-3dbaef689d97', 'OUTCOME_UNKNOWN'],
    [201, 'text/plain', '391:a98f02c9-1a4b-11e6-be41-3dbaef689d97 created', 'OUTCOME_UNKNOWN'],
    [201, 'text/plain', '391', 'OUTCOME_UNKNOWN'],
    [201, 'application/json', '{"free":[{"start":"2019-02', 'OUTCOME_UNKNOWN'],
    [200, 'text/plain', '391:a98f02c9-1a4b-11e6-be41-3dbaef689d97', 'OUTCOME_UNKNOWN'],
    // A web page that happens to read like a reference is still a page (a portal's), not the API's answer.
    [201, 'text/html', '391:a98f02c9-1a4b-11e6-be41-3dbaef689d97', 'OUTCOME_UNKNOWN'],
    // Only the old JSON label makes quotes a wrapper; in plain text they are part of a garbled answer.
    [201, 'text/plain', '"391:a98f02c9-1a4b-11e6-be41-3dbaef689d97"', 'OUTCOME_UNKNOWN'],
    // Longer than any reference OpenVPMS makes (200 characters).
    [201, 'text/plain', `391:${'a'.repeat(197)}`, 'OUTCOME_UNKNOWN'],
  ])('refuses a %i %s body %j', async (status, contentType, body, code) => {
    const server = await serve(answerWith(status, contentType, body))

    const error = await failureOf(clientFor(server.origin).createBooking(request))

    expect(error.code).toBe(code)
  })
})

describe('TLS', () => {
  let certificate: { key: string; cert: string }
  beforeAll(() => {
    certificate = selfSignedCertificate()
  })

  it('reports an untrusted self-signed certificate as TLS', async () => {
    const server = await serve(answerWith(200, 'application/json', LOCATIONS), certificate)

    const error = await failureOf(clientFor(server.origin, { retries: 2 }).listLocations())

    expect(error.code).toBe('TLS')
    expect(error.message).toContain('certificate')
    expect(server.requests).toHaveLength(0)
  })

  it('reports https to a plain http port as TLS', async () => {
    const server = await serve(answerWith(200, 'application/json', LOCATIONS))

    const error = await failureOf(
      clientFor(server.origin.replace('http:', 'https:')).listLocations(),
    )

    expect(error.code).toBe('TLS')
  })
})

describe('redirects', () => {
  it('refuses a redirect to another origin and never sends it the credentials', async () => {
    const elsewhere = await serve(answerWith(200, 'application/json', LOCATIONS))
    const server = await serve(
      answerWith(302, 'text/plain', '', { Location: `${elsewhere.origin}${API}/locations` }),
    )

    const error = await failureOf(clientFor(server.origin).listLocations())

    expect(error.code).toBe('NOT_OPENVPMS')
    expect(error.message).toContain(elsewhere.origin)
    expect(elsewhere.requests).toHaveLength(0)
  })

  it('follows a same-origin redirect with the credentials', async () => {
    const server = await serve((request, response) => {
      if (request.url === `${API}/locations`) {
        response.writeHead(307, { Location: `${API}/locations/` }).end()
      } else {
        response.writeHead(200, { 'Content-Type': 'application/json' }).end(LOCATIONS)
      }
    })

    const locations = await clientFor(server.origin).listLocations()

    expect(locations).toEqual([{ id: 98, name: 'Main Clinic', timeZone: 'Australia/Sydney' }])
    expect(server.requests.map((seen) => seen.url)).toEqual([
      `${API}/locations`,
      `${API}/locations/`,
    ])
    expect(server.requests[1]?.authorization).toBe(server.requests[0]?.authorization)
  })

  it('gives up after three redirects', async () => {
    const server = await serve((request, response) => {
      response.writeHead(302, { Location: `${request.url ?? ''}x` }).end()
    })

    const error = await failureOf(clientFor(server.origin).listLocations())

    expect(error.code).toBe('NOT_OPENVPMS')
    expect(server.requests).toHaveLength(4)
  })
})

describe('a server that accepts and never answers', () => {
  const silent = (): void => undefined

  it('times a GET out as TIMEOUT after timeoutMs without retrying', async () => {
    const server = await serve(silent)

    const error = await failureOf(
      clientFor(server.origin, { timeoutMs: 300, retries: 2 }).listLocations(),
    )

    expect(error.code).toBe('TIMEOUT')
    expect(server.requests).toHaveLength(1)
  })

  it('reports a POST that timed out as OUTCOME_UNKNOWN: the booking may exist', async () => {
    const server = await serve(silent)

    const error = await failureOf(
      clientFor(server.origin, { timeoutMs: 300 }).createBooking({
        location: 98,
        schedule: 136,
        appointmentType: 66,
        start: Date.UTC(2030, 0, 1, 0),
        end: Date.UTC(2030, 0, 1, 0, 15),
        title: null,
        firstName: 'Front Desk',
        lastName: 'Conformance Test',
        email: null,
        phone: null,
        mobile: null,
        patientName: null,
        notes: null,
        user: null,
      }),
    )

    expect(error.code).toBe('OUTCOME_UNKNOWN')
    expect(server.requests).toHaveLength(1)
  })
})

describe('a POST that never left', () => {
  it('is TIMEOUT, not OUTCOME_UNKNOWN, when the TLS handshake never finished', async () => {
    const silent = await startSilentTcpServer()

    const error = await failureOf(
      clientFor(`https://127.0.0.1:${silent.port}`, { timeoutMs: 300 })
        .createBooking({
          location: 98,
          schedule: 136,
          appointmentType: 66,
          start: Date.UTC(2030, 0, 1, 0),
          end: Date.UTC(2030, 0, 1, 0, 15),
          title: null,
          firstName: 'Judith',
          lastName: 'Bourke',
          email: null,
          phone: null,
          mobile: null,
          patientName: null,
          notes: null,
          user: null,
        })
        .finally(() => silent.close()),
    )

    expect(error.code).toBe('TIMEOUT')
  })
})

describe('connections', () => {
  it('reports a refused connection as NETWORK and names the host', async () => {
    const server = await startLocalServer(answerWith(200, 'application/json', LOCATIONS))
    await server.close()

    const error = await failureOf(clientFor(server.origin, { retries: 1 }).listLocations())

    expect(error.code).toBe('NETWORK')
    expect(error.message).toContain(new URL(server.origin).host)
    expect(error.message).toContain('nothing is accepting connections at that address and port')
    expect(error.message).not.toMatch(/ECONNREFUSED|UND_ERR/)
  })

  it('reports a refused POST as NETWORK: it provably never left', async () => {
    const server = await startLocalServer(answerWith(200, 'application/json', LOCATIONS))
    await server.close()

    const error = await failureOf(clientFor(server.origin).cancelBooking('391:abc'))

    expect(error.code).toBe('NETWORK')
  })

  it('refuses plain http to another computer before connecting (INSECURE)', async () => {
    const client = clientFor('http://clinic.example.com:8080')

    const error = await failureOf(client.listLocations())

    expect(error.code).toBe('INSECURE')
    expect(error.message).toContain('clinic.example.com')
  })

  it('fails each call, not the constructor, when the address is not a web address', async () => {
    const client = clientFor('clinic.example.com')

    const error = await failureOf(client.listLocations())

    expect(error.code).toBe('UNEXPECTED')
  })

  it('lets plain http through to another host when the user allowed it', async () => {
    const server = await serve(answerWith(200, 'application/json', LOCATIONS))
    // An IPv4-mapped address reaches this computer but is not on the loopback list.
    const origin = server.origin.replace('127.0.0.1', '[::ffff:127.0.0.1]')

    const refused = await failureOf(clientFor(origin).listLocations())
    const allowed = await clientFor(origin, { allowInsecure: true }).listLocations()

    expect(refused.code).toBe('INSECURE')
    expect(allowed).toHaveLength(1)
  })

  it('retries a GET after a 503 and recovers', async () => {
    let calls = 0
    const server = await serve((_request, response) => {
      calls++
      if (calls < 3) response.writeHead(503, { 'Content-Type': 'text/html' }).end('<h1>busy</h1>')
      else response.writeHead(200, { 'Content-Type': 'application/json' }).end(LOCATIONS)
    })

    const locations = await clientFor(server.origin, { retries: 2 }).listLocations()

    expect(locations).toHaveLength(1)
    expect(server.requests).toHaveLength(3)
  })

  it('does not retry a 4xx', async () => {
    const server = await serve(answerWith(404, 'text/plain', 'Practice location not found'))

    const error = await failureOf(clientFor(server.origin, { retries: 2 }).getLocation(5))

    expect(error.code).toBe('NOT_FOUND')
    expect(server.requests).toHaveLength(1)
  })
})

describe('what goes on the wire', () => {
  it('sends the credentials as Basic auth and keeps them out of every log line', async () => {
    const server = await serve(answerWith(200, 'application/json', LOCATIONS))

    await clientFor(server.origin).listLocations()

    expect(server.requests[0]?.authorization).toBe(
      `Basic ${Buffer.from(`sample:${PASSWORD}`).toString('base64')}`,
    )
    expect(logLines.join('\n')).not.toContain(Buffer.from(`sample:${PASSWORD}`).toString('base64'))
  })

  it('redacts the password and the encoded credentials even when a server echoes them', async () => {
    const token = Buffer.from(`sample:${PASSWORD}`).toString('base64')
    const server = await serve(
      answerWith(400, 'text/plain', `Rejected ${PASSWORD} (Basic ${token})`),
    )

    const error = await failureOf(clientFor(server.origin).getSchedule(136))

    expect(error.code).toBe('VALIDATION')
    expect(JSON.stringify(error)).not.toContain(PASSWORD)
    expect(JSON.stringify(error)).not.toContain(token)
  })

  it('POSTs JSON that accepts a text/plain answer, omits a null user and sends empty text as null', async () => {
    let seen: { headers: IncomingMessage['headers']; body: string } | undefined
    const server = await serve((request, response) => {
      let body = ''
      request.on('data', (chunk: Buffer) => (body += chunk.toString()))
      request.on('end', () => {
        seen = { headers: request.headers, body }
        response
          .writeHead(201, { 'Content-Type': 'text/plain' })
          .end('391:a98f02c9-1a4b-11e6-be41-3dbaef689d97')
      })
    })

    const reference = await clientFor(server.origin).createBooking({
      location: 98,
      schedule: 136,
      appointmentType: 66,
      start: Date.UTC(2030, 0, 1, 0),
      end: Date.UTC(2030, 0, 1, 0, 15),
      title: '',
      firstName: 'Judith',
      lastName: 'Bourke',
      email: ' ',
      phone: null,
      mobile: '0418976543',
      patientName: null,
      notes: null,
      user: null,
    })

    expect(reference).toBe('391:a98f02c9-1a4b-11e6-be41-3dbaef689d97')
    expect(seen?.headers.accept).toContain('text/plain')
    expect(seen?.headers['content-type']).toBe('application/json')
    expect(JSON.parse(seen?.body ?? '')).toEqual({
      location: 98,
      schedule: 136,
      appointmentType: 66,
      start: '2030-01-01T00:00:00.000Z',
      end: '2030-01-01T00:15:00.000Z',
      title: null,
      firstName: 'Judith',
      lastName: 'Bourke',
      email: null,
      phone: null,
      mobile: '0418976543',
      patientName: null,
      notes: null,
    })
  })

  it('sends references as typed: colons kept, everything else percent-encoded', async () => {
    const server = await serve(answerWith(404, 'text/plain', 'Booking not found'))
    const client = clientFor(server.origin)

    await failureOf(client.getBooking('603:3:be08f3c6-1afb-11e6-be41-3dbaef689d97'))
    await failureOf(client.cancelBooking('391: a/b?c#d'))

    expect(server.requests.map((seen) => `${seen.method} ${seen.url}`)).toEqual([
      `GET ${API}/bookings/603:3:be08f3c6-1afb-11e6-be41-3dbaef689d97`,
      `DELETE ${API}/bookings/391:%20a%2Fb%3Fc%23d`,
    ])
  })

  it('sends query instants as UTC so no raw + reaches the server', async () => {
    const server = await serve(answerWith(200, 'application/json', '[]'))

    await clientFor(server.origin).scheduleFree(
      136,
      Date.UTC(2019, 1, 14, 13),
      Date.UTC(2019, 1, 15, 13),
      {
        slots: true,
      },
    )

    expect(server.requests[0]?.url).toBe(
      `${API}/schedules/136/free?from=2019-02-14T13%3A00%3A00.000Z&to=2019-02-15T13%3A00%3A00.000Z&slots=true`,
    )
  })
})

describe('what the client refuses to send', () => {
  const booking = {
    location: 98,
    schedule: 136,
    appointmentType: 66,
    start: Date.UTC(2030, 0, 1, 0),
    end: Date.UTC(2030, 0, 1, 0, 15),
    title: null,
    firstName: 'Judith',
    lastName: 'Bourke',
    email: null,
    phone: null,
    mobile: null,
    patientName: null,
    notes: null,
    user: null,
  }

  it.each([
    ['location', { location: 0 }, 'location 0 is not an id'],
    ['schedule', { schedule: -136 }, 'schedule -136 is not an id'],
    ['appointment type', { appointmentType: 1.5 }, 'appointmentType 1.5 is not an id'],
    ['clinician', { user: 0 }, 'user 0 is not an id'],
    ['start', { start: Number.NaN }, 'start is not a time'],
    ['end', { end: Number.POSITIVE_INFINITY }, 'end is not a time'],
  ])(
    'a booking whose %s cannot be sent: UNEXPECTED, nothing sent',
    async (_part, change, detail) => {
      const server = await serve(answerWith(201, 'text/plain', '391:a98f02c9'))

      const error = await failureOf(
        clientFor(server.origin).createBooking({ ...booking, ...change }),
      )

      expect(error).toStrictEqual({
        code: 'UNEXPECTED',
        message: `Something went wrong in Front Desk (${detail}).`,
      })
      expect(server.requests).toHaveLength(0)
    },
  )

  it.each([
    ['location 0', (client: OpenVpmsClient) => client.getLocation(0), 'id 0 is not an id'],
    [
      'a query without a start',
      (client: OpenVpmsClient) => client.scheduleFree(136, Number.NaN, Date.UTC(2030, 0, 2)),
      'from is not a time',
    ],
    [
      'a query without an end',
      (client: OpenVpmsClient) => client.userBusy(5, 98, Date.UTC(2030, 0, 1), Number.NaN),
      'to is not a time',
    ],
  ])('%s: UNEXPECTED, nothing sent', async (_what, call, detail) => {
    const server = await serve(answerWith(200, 'application/json', '[]'))

    const error = await failureOf(call(clientFor(server.origin)))

    expect(error.message).toBe(`Something went wrong in Front Desk (${detail}).`)
    expect(server.requests).toHaveLength(0)
  })

  it('an empty reference: asks for one beside the field, nothing sent', async () => {
    const server = await serve(answerWith(404, 'text/plain', 'Booking not found'))

    const error = await failureOf(clientFor(server.origin).getBooking(''))

    expect(error).toStrictEqual({
      code: 'VALIDATION',
      message: 'Enter a booking reference.',
      fieldErrors: [{ field: 'reference', message: 'Enter a booking reference.' }],
    })
    expect(server.requests).toHaveLength(0)
  })

  it('an address typed with trailing slashes reaches the same API', async () => {
    const server = await serve(answerWith(200, 'application/json', LOCATIONS))

    await clientFor(server.origin, { baseUrl: `${server.origin}${API}//` }).listLocations()

    expect(server.requests.map((seen) => seen.url)).toEqual([`${API}/locations`])
  })
})
