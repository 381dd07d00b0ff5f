import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron'

/**
 * The renderer's web preferences: isolated, sandboxed, no Node, same-origin rules on, no insecure content and no
 * <webview>. The preload is the page's only bridge to main, and it exposes one method per contract channel.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
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
  }
}

/** The main window's options: the size a reception desk's board needs, hidden until its first paint. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'OpenVPMS Front Desk',
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  }
}
