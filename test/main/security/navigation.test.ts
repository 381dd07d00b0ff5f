import { describe, expect, it } from 'vitest'
import {
  createWindowOpenHandler,
  denyNavigation,
  answerPermissionCheck,
  answerPermissionRequest,
  externalHttpsUrl,
} from '../../../src/main/security/navigation'

describe('externalHttpsUrl', () => {
  it('accepts an https address', () => {
    expect(externalHttpsUrl('https://openvpms.org/documentation')).toBe(
      'https://openvpms.org/documentation',
    )
  })

  it.each([
    'http://openvpms.org/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'https://user:secret@openvpms.org/',
    'not a url',
    '',
  ])('refuses %j', (raw) => {
    expect(externalHttpsUrl(raw)).toBeNull()
  })
})

describe('createWindowOpenHandler', () => {
  it('denies the window and opens an https link in the browser', () => {
    const opened: string[] = []
    const handler = createWindowOpenHandler((url) => void opened.push(url))

    const decision = handler({ url: 'https://openvpms.org/' })

    expect(decision).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://openvpms.org/'])
  })

  it('denies the window and opens nothing for any other scheme', () => {
    const opened: string[] = []
    const handler = createWindowOpenHandler((url) => void opened.push(url))

    const decisions = ['file:///etc/passwd', 'http://example.com/', 'about:blank'].map((url) =>
      handler({ url }),
    )

    expect(decisions).toEqual([{ action: 'deny' }, { action: 'deny' }, { action: 'deny' }])
    expect(opened).toEqual([])
  })

  it('survives a browser that fails to open', async () => {
    const handler = createWindowOpenHandler(() => Promise.reject(new Error('no browser')))

    expect(handler({ url: 'https://openvpms.org/' })).toEqual({ action: 'deny' })
    await new Promise((resolve) => setTimeout(resolve, 0))
  })
})

describe('denyNavigation', () => {
  it('cancels every navigation', () => {
    let prevented = false

    denyNavigation({ preventDefault: () => (prevented = true) })

    expect(prevented).toBe(true)
  })
})

describe('permission handlers', () => {
  it('refuse every request but writing to the clipboard', () => {
    const answers: boolean[] = []

    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
    ]) {
      answerPermissionRequest(null, permission, (granted) => answers.push(granted))
    }

    expect(answers).toEqual([false, false, false, false, true])
  })

  it('answer every check with "not granted" but writing to the clipboard', () => {
    expect(answerPermissionCheck(null, 'clipboard-read')).toBe(false)
    expect(answerPermissionCheck(null, 'media')).toBe(false)
    expect(answerPermissionCheck(null, 'clipboard-sanitized-write')).toBe(true)
  })
})
