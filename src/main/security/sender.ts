import { APP_HOST, APP_SCHEME } from './app-protocol'

/** The parts of an IPC event the sender check reads (Electron's IpcMainInvokeEvent has them). */
export interface SenderEventLike {
  readonly sender: { readonly id: number }
  /** Electron's WebFrameMain: `parent` is null for the window's main frame. */
  readonly senderFrame: { readonly url: string; readonly parent?: unknown } | null
}

/** Where the renderer is served from: app://front-desk/ (see app-protocol.ts), or the dev server in `npm run dev`. */
export interface RendererLocation {
  /** ELECTRON_RENDERER_URL in dev; undefined in a built app. */
  readonly devServerUrl?: string | undefined
}

/**
 * True when the frame URL is the app's own page: app://front-desk/index.html (or /), or a page of the dev server's
 * origin in dev. Never a file: URL, whatever file.
 */
export function isAppUrl(frameUrl: string, renderer: RendererLocation): boolean {
  let url: URL
  try {
    url = new URL(frameUrl)
  } catch {
    return false
  }
  if (renderer.devServerUrl) return url.origin === new URL(renderer.devServerUrl).origin
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return false
  return url.pathname === '/index.html' || url.pathname === '/'
}

/**
 * The IPC sender check: the call comes from the main window's webContents, from its main frame, showing the app's
 * own page (not a page it was somehow navigated to, not another window, not a subframe).
 */
export function createSenderCheck(
  mainWebContentsId: () => number | null,
  renderer: RendererLocation,
): (event: SenderEventLike) => boolean {
  return (event) => {
    const id = mainWebContentsId()
    if (id === null || event.sender.id !== id) return false
    const frame = event.senderFrame
    // Only the main frame: a subframe (were one ever embedded) is not the app, whatever its URL.
    return frame !== null && !frame.parent && isAppUrl(frame.url, renderer)
  }
}
