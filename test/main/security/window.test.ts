import { describe, expect, it } from 'vitest'
import { mainWindowOptions, secureWebPreferences } from '../../../src/main/security/window'

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer, with no Node and same-origin rules on', () => {
    const preferences = secureWebPreferences('/app/out/preload/index.js')

    expect(preferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
  })
})

describe('mainWindowOptions', () => {
  it('uses the secure web preferences', () => {
    const options = mainWindowOptions('/app/out/preload/index.js')

    expect(options.webPreferences).toEqual(secureWebPreferences('/app/out/preload/index.js'))
    expect(options.title).toBe('OpenVPMS Front Desk')
  })
})
