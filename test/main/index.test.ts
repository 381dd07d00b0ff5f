// The Electron composition root, with Electron replaced by a recorder (importing the real module would try to
// download its binary): the window is hardened, the IPC boundary checks the sender, events reach the window.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { channelNames } from '../../src/shared/ipc-contract'
import type { Result } from '../../src/shared/result'

type Listener = (...args: unknown[]) => unknown

const electron = vi.hoisted(() => {
  const userData = { dir: '' }
  const appListeners = new Map<string, Listener>()
  const ipcHandlers = new Map<string, Listener>()
  const protocols = new Map<string, Listener>()
  const windows: {
    options: unknown
    webContents: { id: number; sent: unknown[][] }
    loaded: string[]
  }[] = []
  const defaultSession = {
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    headers: null as Listener | null,
  }
  let whenReady: () => void = () => undefined
  const ready = new Promise<void>((resolve) => (whenReady = resolve))
  class BrowserWindow {
    readonly webContents: { id: number; sent: unknown[][]; send: (...args: unknown[]) => void }
    readonly loaded: string[] = []
    constructor(readonly options: unknown) {
      const sent: unknown[][] = []
      this.webContents = { id: 40 + windows.length, sent, send: (...args) => void sent.push(args) }
      windows.push(this)
    }
    static getAllWindows = () => windows
    once(): void {}
    on(): void {}
    loadFile(file: string): Promise<void> {
      this.loaded.push(file)
      return Promise.resolve()
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(url)
      return Promise.resolve()
    }
  }
  const module = {
    app: {
      isPackaged: true,
      getPath: () => userData.dir,
      requestSingleInstanceLock: () => true,
      setPath: vi.fn(),
      setAppLogsPath: vi.fn(),
      enableSandbox: vi.fn(),
      on: (name: string, listener: Listener) => void appListeners.set(name, listener),
      whenReady: () => ready,
      quit: vi.fn(),
      exit: vi.fn(),
    },
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, listener: Listener) => void ipcHandlers.set(channel, listener),
      removeHandler: (channel: string) => void ipcHandlers.delete(channel),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => void (defaultSession.permissionRequest = h),
        setPermissionCheckHandler: (h: Listener) => void (defaultSession.permissionCheck = h),
        webRequest: { onHeadersReceived: (h: Listener) => void (defaultSession.headers = h) },
      },
    },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: (scheme: string, handler: Listener) => void protocols.set(scheme, handler),
    },
  }
  return {
    module,
    userData,
    appListeners,
    ipcHandlers,
    windows,
    defaultSession,
    whenReady,
    protocols,
  }
})

vi.mock('electron', () => ({ ...electron.module, default: electron.module }))
vi.mock('electron-log/main', () => {
  const noop = (): void => undefined
  const log = { hooks: [], debug: noop, info: noop, warn: noop, error: noop }
  return { ...log, default: log }
})

const rendererUrl = 'app://front-desk/index.html'
const trusted = (id = 40) => ({ sender: { id }, senderFrame: { url: rendererUrl } })

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10))
}

beforeAll(async () => {
  electron.userData.dir = mkdtempSync(join(tmpdir(), 'front-desk-index-'))
  await import('../../src/main/index')
  electron.whenReady()
  await waitFor(() => electron.windows.length > 0)
})

afterAll(async () => {
  const event = { preventDefault: vi.fn() }
  electron.appListeners.get('before-quit')?.(event)
  await waitFor(() => electron.module.app.quit.mock.calls.length > 0)
  rmSync(electron.userData.dir, { recursive: true, force: true })
})

describe('the Electron composition root', () => {
  it('sandboxes every renderer and opens one hardened window on the built page', () => {
    const [window] = electron.windows

    expect(electron.module.app.enableSandbox).toHaveBeenCalled()
    expect(window?.options).toMatchObject({
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
      },
    })
    expect(window?.loaded).toEqual(['app://front-desk/index.html'])
  })

  it('serves the page from app://front-desk/ (a privileged scheme registered before ready), the CSP as a header', async () => {
    const handler = electron.protocols.get('app')

    const page = (await handler?.(new Request('app://front-desk/index.html'))) as Response
    const outside = (await handler?.(
      new Request('app://front-desk/../../package.json'),
    )) as Response

    expect(electron.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, codeCache: true } },
    ])
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(await page.text()).toContain('<div id="app"></div>')
    expect(outside.status).toBe(404)
  })

  it('refuses IPC from the built page opened as a file: URL', async () => {
    const handler = electron.ipcHandlers.get('session:getStatus')
    const fileUrl = pathToFileURL(resolve(__dirname, '../../src/renderer/index.html')).href

    const answer = (await handler?.(
      { sender: { id: 40 }, senderFrame: { url: fileUrl } },
      {},
    )) as Result<unknown>

    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('an installed app keeps the default user-data folder and its single-instance lock', () => {
    expect(electron.module.app.setPath).not.toHaveBeenCalled()
    expect(electron.module.app.setAppLogsPath).not.toHaveBeenCalled()
  })

  it('refuses every permission and sets the CSP header on responses', () => {
    const granted: boolean[] = []
    electron.defaultSession.permissionRequest?.(null, 'media', (g: boolean) => granted.push(g))
    let headers: unknown = null
    electron.defaultSession.headers?.(
      { responseHeaders: {} },
      (answer: unknown) => (headers = answer),
    )

    expect(granted).toEqual([false])
    expect(electron.defaultSession.permissionCheck?.()).toBe(false)
    expect(JSON.stringify(headers)).toContain("default-src 'self'")
  })

  it('denies navigation, webviews and new windows in every web contents', () => {
    const listeners = new Map<string, Listener>()
    let openHandler: Listener | null = null
    const contents = {
      on: (name: string, listener: Listener) => void listeners.set(name, listener),
      setWindowOpenHandler: (handler: Listener) => void (openHandler = handler),
    }
    electron.appListeners.get('web-contents-created')?.({}, contents)
    const navigation = { preventDefault: vi.fn() }
    const webview = { preventDefault: vi.fn() }

    listeners.get('will-navigate')?.(navigation)
    listeners.get('will-attach-webview')?.(webview)
    const decision = (openHandler as Listener | null)?.({ url: 'https://openvpms.org/' })

    expect(navigation.preventDefault).toHaveBeenCalled()
    expect(webview.preventDefault).toHaveBeenCalled()
    expect(decision).toEqual({ action: 'deny' })
    expect(electron.module.shell.openExternal).toHaveBeenCalledWith('https://openvpms.org/')
  })

  it('registers one IPC handler per channel, answering the window showing the app', async () => {
    const handler = electron.ipcHandlers.get('session:getStatus')

    const answer = (await handler?.(trusted(), {})) as Result<{ mode: string }>

    expect([...electron.ipcHandlers.keys()].sort()).toEqual([...channelNames].sort())
    expect(answer).toMatchObject({ ok: true, data: { mode: 'demo' } })
  })

  it('refuses another sender and a frame showing another page', async () => {
    const handler = electron.ipcHandlers.get('session:getStatus')

    const otherWindow = (await handler?.(trusted(99), {})) as Result<unknown>
    const otherPage = (await handler?.(
      { sender: { id: 40 }, senderFrame: { url: 'https://evil.example/' } },
      {},
    )) as Result<unknown>

    expect(otherWindow).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(otherPage).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('forwards main events to the window', async () => {
    const handler = electron.ipcHandlers.get('session:useDemo')

    await handler?.(trusted(), {})

    const sent = electron.windows[0]?.webContents.sent ?? []
    expect(sent.map(([name]) => name)).toContain('session:changed')
  })
})
