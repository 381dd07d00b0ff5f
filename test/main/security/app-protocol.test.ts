import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  appFileFor,
  appSchemePrivileges,
  APP_URL,
  createAppProtocolHandler,
  isAppOrigin,
} from '../../../src/main/security/app-protocol'
import { contentSecurityPolicy } from '../../../src/main/security/csp'

let root: string
let outside: string
beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'app-protocol-'))
  root = join(base, 'renderer')
  outside = join(base, 'secret.html')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Front Desk</title>')
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
  writeFileSync(outside, 'not the app')
})
afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }))

const get = (url: string, method = 'GET') =>
  createAppProtocolHandler(root, contentSecurityPolicy)(new Request(url, { method }))

describe('app://front-desk/ (finding 7)', () => {
  it('serves the built page with the CSP as a response header', async () => {
    const response = await get(APP_URL)

    expect(APP_URL).toBe('app://front-desk/index.html')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
    expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toContain('Front Desk')
  })

  it('serves its scripts, and / as the page', async () => {
    const script = await get('app://front-desk/assets/index-abc.js')
    const slash = await get('app://front-desk/')

    expect(script.status).toBe(200)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(slash.status).toBe(200)
  })

  it('never serves a file outside the renderer folder, another host, a missing file or a write', async () => {
    const answers = await Promise.all([
      get('app://front-desk/../secret.html'),
      get('app://front-desk/%2e%2e/secret.html'),
      get('app://front-desk/assets/%2e%2e%2f%2e%2e%2fsecret.html'),
      get('app://other-host/index.html'),
      get('app://front-desk/missing.js'),
      get('app://front-desk/index.html', 'POST'),
    ])

    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404, 405])
    expect(appFileFor('app://front-desk/assets/%2e%2e%2f%2e%2e%2fsecret.html', root)).toBeNull()
  })

  it('is a standard, secure scheme and no more', () => {
    expect(appSchemePrivileges).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, codeCache: true },
    })
  })

  it('knows its own origin from look-alikes', () => {
    expect(isAppOrigin('app://front-desk/index.html#/x')).toBe(true)
    expect(isAppOrigin('app://front-desk.evil/index.html')).toBe(false)
    expect(isAppOrigin('file:///opt/app/out/renderer/index.html')).toBe(false)
    expect(isAppOrigin('https://front-desk/index.html')).toBe(false)
  })
})
