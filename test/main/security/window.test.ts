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

describe("Electron's security checklist (finding 7)", () => {
  it('sets every webPreferences item of the checklist, and nothing that loosens one', () => {
    const preferences = secureWebPreferences('/app/out/preload/index.js')

    expect(preferences).toEqual({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    })
    expect(preferences).not.toHaveProperty('enableBlinkFeatures')
    expect(preferences).not.toHaveProperty('disableBlinkFeatures')
  })
})

describe('mainWindowOptions', () => {
  it('opens an isolated, sandboxed window with the given preload, hidden until its first paint', () => {
    const options = mainWindowOptions('/app/out/preload/index.js')

    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    })
    expect(options).toMatchObject({ show: false, title: 'OpenVPMS Front Desk' })
  })
})
