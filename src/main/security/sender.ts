import { pathToFileURL } from 'node:url'

/** The parts of an IPC event the sender check reads (Electron's IpcMainInvokeEvent has them). */
export interface SenderEventLike {
  readonly sender: { readonly id: number }
  readonly senderFrame: { readonly url: string } | null
}

/** Where the renderer is served from: its built file, or the dev server in `npm run dev`. */
export interface RendererLocation {
  /** Absolute path of out/renderer/index.html. */
  readonly file: string
  /** ELECTRON_RENDERER_URL in dev; undefined in a built app. */
  readonly devServerUrl?: string | undefined
}

/** True when the frame URL is the app's own page: that exact file, or a page of the dev server's origin. */
export function isAppUrl(frameUrl: string, renderer: RendererLocation): boolean {
  let url: URL
  try {
    url = new URL(frameUrl)
  } catch {
    return false
  }
  if (renderer.devServerUrl) return url.origin === new URL(renderer.devServerUrl).origin
  if (url.protocol !== 'file:') return false
  return url.pathname === pathToFileURL(renderer.file).pathname
}

/**
 * The IPC sender check: the call comes from the main window's webContents and its frame shows the app's own page
 * (not a page it was somehow navigated to, not another window or a subframe from elsewhere).
 */
export function createSenderCheck(
  mainWebContentsId: () => number | null,
  renderer: RendererLocation,
): (event: SenderEventLike) => boolean {
  return (event) => {
    const id = mainWebContentsId()
    if (id === null || event.sender.id !== id) return false
    return event.senderFrame !== null && isAppUrl(event.senderFrame.url, renderer)
  }
}
