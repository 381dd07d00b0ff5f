import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createAppCore, type AppCore } from '../../../src/main/app-core'
import { MemoryCredentialStore } from '../../../src/main/credentials'
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox'
import type { ConnectRequest } from '../../../src/shared/ipc-contract'
import { empty, errorOf, listen, send, tempUserData, unusedPort } from './support'

const password = 'connect-test-Pa55word'
let clinic: RunningSandbox
let userData: { dir: string; remove: () => Promise<void> }
let core: AppCore

const connect = (overrides: Partial<ConnectRequest>): ConnectRequest => ({
  serverUrl: clinic.baseUrl,
  username: 'desk',
  password,
  rememberPassword: true,
  allowInsecure: false,
  ...overrides,
})

beforeAll(async () => {
  clinic = await startSandbox({ port: 0, credentials: { login: 'desk', password } })
})
afterAll(() => clinic.close())

beforeEach(async () => {
  userData = await tempUserData()
  core = await createAppCore({
    userDataDir: userData.dir,
    credentialStore: new MemoryCredentialStore(),
    client: { timeoutMs: 400, retries: 0 },
  })
})
afterEach(async () => {
  await core.close()
  await userData.remove()
})

/** After a failed connect: still on the demo clinic, and nothing saved. */
async function expectNothingChanged(): Promise<void> {
  const status = await send(core, 'session:getStatus', empty)
  expect(status).toMatchObject({ ok: true, data: { mode: 'demo' } })
  expect(existsSync(join(userData.dir, 'settings.json'))).toBe(false)
}

describe('session:connect succeeds', () => {
  it('with the web app address, normalised to the API base', async () => {
    const origin = new URL(clinic.baseUrl).origin

    const result = await send(core, 'session:connect', connect({ serverUrl: `${origin}/openvpms` }))

    expect(result).toEqual({
      ok: true,
      data: {
        mode: 'clinic',
        serverUrl: `${origin}/openvpms/ws/booking/v2`,
        username: 'desk',
        connected: true,
        keychain: 'available',
        passwordRemembered: true,
        notice: null,
      },
    })
  })

  it('with the full API address and a trailing slash', async () => {
    const result = await send(core, 'session:connect', connect({ serverUrl: `${clinic.baseUrl}/` }))

    expect(result).toMatchObject({ ok: true, data: { serverUrl: clinic.baseUrl } })
  })
})

describe('session:connect says precisely what is wrong', () => {
  it('wrong password: AUTH', async () => {
    const result = await send(core, 'session:connect', connect({ password: 'not-the-password' }))

    expect(errorOf(result)).toMatchObject({ code: 'AUTH' })
    expect(errorOf(result).message).toMatch(/refused the username or password/)
    await expectNothingChanged()
  })

  it('wrong username: AUTH', async () => {
    const result = await send(core, 'session:connect', connect({ username: 'nobody' }))

    expect(errorOf(result).code).toBe('AUTH')
  })

  it('wrong path, answered by an HTML 404 page: NOT_OPENVPMS', async () => {
    const server = await listen((_request, response) => {
      response.writeHead(404, { 'Content-Type': 'text/html;charset=utf-8' })
      response.end('<!doctype html><html><body><h1>HTTP Status 404 – Not Found</h1></body></html>')
    })
    try {
      const result = await send(
        core,
        'session:connect',
        connect({ serverUrl: `${server.url}/vpms` }),
      )

      expect(errorOf(result).code).toBe('NOT_OPENVPMS')
      expect(errorOf(result).message).toMatch(/not as the OpenVPMS Online Booking API/)
      expect(errorOf(result).message).not.toMatch(/<html|<h1/i)
      await expectNothingChanged()
    } finally {
      await server.close()
    }
  })

  it('a web page instead of the API (200 HTML): NOT_OPENVPMS', async () => {
    const server = await listen((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' })
      response.end('<html><head><title>Router login</title></head><body>Log in</body></html>')
    })
    try {
      const result = await send(core, 'session:connect', connect({ serverUrl: server.url }))

      expect(errorOf(result).code).toBe('NOT_OPENVPMS')
      await expectNothingChanged()
    } finally {
      await server.close()
    }
  })

  it('a port with nothing listening: NETWORK, naming the host', async () => {
    const port = await unusedPort()

    const result = await send(
      core,
      'session:connect',
      connect({ serverUrl: `http://127.0.0.1:${port}/openvpms` }),
    )

    expect(errorOf(result).code).toBe('NETWORK')
    expect(errorOf(result).message).toContain(`Cannot reach 127.0.0.1:${port}`)
    await expectNothingChanged()
  })

  it('a server that accepts and never answers: TIMEOUT after the time limit', async () => {
    const server = await listen(() => undefined)
    try {
      const result = await send(core, 'session:connect', connect({ serverUrl: server.url }))

      expect(errorOf(result).code).toBe('TIMEOUT')
      expect(errorOf(result).message).toMatch(/did not answer in time/)
      await expectNothingChanged()
    } finally {
      await server.close()
    }
  })

  it('plain http to a non-loopback host: INSECURE with a warning, nothing sent', async () => {
    const result = await send(
      core,
      'session:connect',
      connect({ serverUrl: 'http://192.0.2.10:8080/openvpms', allowInsecure: false }),
    )

    expect(errorOf(result).code).toBe('INSECURE')
    expect(errorOf(result).message).toMatch(/^Warning: .*plain http.*unencrypted/)
    await expectNothingChanged()
  })

  it('an untrusted certificate: TLS', async () => {
    const dir = userData.dir
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    )
    const server = createHttpsServer(
      { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
      (_request, response) => response.end('[]'),
    )
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    try {
      const result = await send(
        core,
        'session:connect',
        connect({ serverUrl: `https://127.0.0.1:${port}/openvpms` }),
      )

      expect(errorOf(result).code).toBe('TLS')
      expect(errorOf(result).message).toMatch(/certificate/)
      await expectNothingChanged()
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })

  it('a redirect to another origin: refused, and the other origin never gets the credentials', async () => {
    const seen: (string | undefined)[] = []
    const elsewhere = await listen((request, response) => {
      seen.push(request.headers.authorization)
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.end('[]')
    })
    const redirecting = await listen((request, response) => {
      response.writeHead(302, { Location: `${elsewhere.url}${request.url ?? '/'}` })
      response.end()
    })
    try {
      const result = await send(core, 'session:connect', connect({ serverUrl: redirecting.url }))

      expect(result.ok).toBe(false)
      expect(seen.filter((authorization) => authorization !== undefined)).toEqual([])
      await expectNothingChanged()
    } finally {
      await redirecting.close()
      await elsewhere.close()
    }
  })

  it('an address that is not one: VALIDATION on the serverUrl field', async () => {
    const result = await send(core, 'session:connect', connect({ serverUrl: 'ftp://clinic' }))

    expect(errorOf(result).code).toBe('VALIDATION')
    expect(errorOf(result).fieldErrors?.map((e) => e.field)).toEqual(['serverUrl'])
    await expectNothingChanged()
  })

  it('an empty password: VALIDATION on the password field, nothing sent', async () => {
    const before = clinic.requestCount

    const result = await send(core, 'session:connect', connect({ password: '' }))

    expect(errorOf(result).fieldErrors?.map((e) => e.field)).toContain('password')
    expect(clinic.requestCount).toBe(before)
  })
})
