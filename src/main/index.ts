// The Electron composition root: one hardened window, the app core (everything the app does, see app-core.ts),
// the IPC boundary between them. Nothing here holds logic that a test without Electron would need.
import {
  app,
  BrowserWindow,
  ipcMain,
  Notification,
  protocol,
  session,
  shell,
  type WebContents,
} from 'electron'
import electronLog from 'electron-log/main'
import { join } from 'node:path'
import { eventNames } from '../shared/ipc-contract'
import { createAppCore, type AppCore } from './app-core'
import { KeytarCredentialStore } from './credentials'
import { registerIpc } from './ipc/handle'
import { createLogger, redactionHook } from './log'
import {
  APP_SCHEME,
  APP_URL,
  appSchemePrivileges,
  createAppProtocolHandler,
} from './security/app-protocol'
import {
  contentSecurityPolicy,
  developmentContentSecurityPolicy,
  withContentSecurityPolicy,
} from './security/csp'
import {
  createWindowOpenHandler,
  denyNavigation,
  answerPermissionCheck,
  answerPermissionRequest,
} from './security/navigation'
import { createSenderCheck } from './security/sender'
import { mainWindowOptions } from './security/window'

// Every line, whoever logs it, passes the redaction hook before any transport writes it.
electronLog.hooks.push(redactionHook)
const log = createLogger((level, line) => electronLog[level](line))

const renderer = {
  // Served as app://front-desk/ (security/app-protocol.ts), never from file://.
  folder: join(__dirname, '../renderer'),
  // electron-vite's dev server; never trusted in a packaged app.
  devServerUrl: app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'],
}

let mainWindow: BrowserWindow | null = null
let core: AppCore | null = null

function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', denyNavigation)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(createWindowOpenHandler((url) => shell.openExternal(url)))
}

// The waitlist's operating-system notification; clicking it brings the desk forward, where the banner waits.
function showNotification(notice: { title: string; body: string }): void {
  if (!Notification.isSupported()) return
  const shown = new Notification(notice)
  shown.on('click', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  shown.show()
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/index.js')))
  win.once('ready-to-show', () => win.show())
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null
  })
  void win.loadURL(renderer.devServerUrl ?? APP_URL)
  return win
}

async function start(): Promise<void> {
  session.defaultSession.setPermissionRequestHandler(answerPermissionRequest)
  session.defaultSession.setPermissionCheckHandler(answerPermissionCheck)
  const policy = renderer.devServerUrl ? developmentContentSecurityPolicy : contentSecurityPolicy
  protocol.handle(APP_SCHEME, createAppProtocolHandler(renderer.folder, contentSecurityPolicy))
  session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) }),
  )

  const appCore = await createAppCore({
    userDataDir: app.getPath('userData'),
    credentialStore: new KeytarCredentialStore(),
    log,
    notify: showNotification,
  })
  core = appCore
  const isTrustedSender = createSenderCheck(() => mainWindow?.webContents.id ?? null, renderer)
  registerIpc(ipcMain, appCore.dispatch, isTrustedSender, log)
  for (const name of eventNames) {
    appCore.on(name, (payload) => mainWindow?.webContents.send(name, payload))
  }
  mainWindow = createWindow()
}

// A development run (npm start, npm run dev) gets its own user-data folder, logs and single-instance lock (the lock
// lives in the user-data folder): it runs beside the installed app instead of quitting at once, and never touches
// the clinic's settings, demo clinic or booking journal.
if (!app.isPackaged) {
  const userData = join(app.getPath('appData'), `${app.getName()} (development)`)
  app.setPath('userData', userData)
  app.setAppLogsPath(join(userData, 'logs'))
}

// Two instances would share the demo clinic's state file and the settings: focus the first instead.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  // Before ready, as Electron requires: the app's own origin, app://front-desk/.
  protocol.registerSchemesAsPrivileged([appSchemePrivileges])
  app.enableSandbox()
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  app.on('web-contents-created', (_event, contents) => hardenContents(contents))
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  let closing = false
  app.on('before-quit', (event) => {
    if (closing || !core) return
    // Stop the demo clinic's server (its state is already on disk) before the process ends.
    event.preventDefault()
    closing = true
    void core.close().finally(() => app.quit())
  })
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error('Start-up failed', { error: error instanceof Error ? error.stack : String(error) })
      app.exit(1)
    })
}
