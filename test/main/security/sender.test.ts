import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createSenderCheck, isAppUrl } from '../../../src/main/security/sender'

// The renderer is served from app://front-desk/ since finding 7 (it was the built file's file: URL).
const file = '/opt/OpenVPMS Front Desk/resources/app.asar/out/renderer/index.html'
const fileUrl = 'app://front-desk/index.html'
const built = {}
const dev = { devServerUrl: 'http://localhost:5173' }

const event = (id: number, url: string | null) => ({
  sender: { id },
  senderFrame: url === null ? null : { url },
})

describe('isAppUrl', () => {
  it('accepts the built renderer page, with or without a hash or query', () => {
    expect(isAppUrl(fileUrl, built)).toBe(true)
    expect(isAppUrl(`${fileUrl}#/settings`, built)).toBe(true)
    expect(isAppUrl(`${fileUrl}?x=1`, built)).toBe(true)
  })

  it("refuses any local file (the built page's too), another app: host or page, a web page and the dev server in a built app", () => {
    expect(isAppUrl(pathToFileURL(file).href, built)).toBe(false)
    expect(isAppUrl(pathToFileURL('/tmp/evil.html').href, built)).toBe(false)
    expect(isAppUrl('app://front-desk.evil/index.html', built)).toBe(false)
    expect(isAppUrl('app://front-desk/other.html', built)).toBe(false)
    expect(isAppUrl('https://evil.example/', built)).toBe(false)
    expect(isAppUrl('http://localhost:5173/', built)).toBe(false)
    expect(isAppUrl('garbage', built)).toBe(false)
  })

  it('accepts only the dev server origin in dev', () => {
    expect(isAppUrl('http://localhost:5173/index.html', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAppUrl(fileUrl, dev)).toBe(false)
  })
})

describe('createSenderCheck', () => {
  it('trusts the main window showing the app', () => {
    const isTrusted = createSenderCheck(() => 7, built)

    expect(isTrusted(event(7, fileUrl))).toBe(true)
  })

  it('refuses another webContents, even showing the app', () => {
    const isTrusted = createSenderCheck(() => 7, built)

    expect(isTrusted(event(8, fileUrl))).toBe(false)
  })

  it('refuses the main window once it shows another page', () => {
    const isTrusted = createSenderCheck(() => 7, built)

    expect(isTrusted(event(7, 'https://evil.example/'))).toBe(false)
  })

  it('refuses a subframe, even one showing the app', () => {
    const isTrusted = createSenderCheck(() => 7, built)

    expect(isTrusted({ sender: { id: 7 }, senderFrame: { url: fileUrl, parent: {} } })).toBe(false)
  })

  it('refuses a sender whose frame is gone, and any sender when there is no window', () => {
    expect(createSenderCheck(() => 7, built)(event(7, null))).toBe(false)
    expect(createSenderCheck(() => null, built)(event(7, fileUrl))).toBe(false)
  })
})
