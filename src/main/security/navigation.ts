/** What `setWindowOpenHandler` answers: the app never opens a second window. */
export interface WindowOpenDecision {
  readonly action: 'deny'
}

/** The URL as an https: address safe to hand to the OS browser, or null for anything else. */
export function externalHttpsUrl(raw: string): string | null {
  try {
    const url = new URL(raw)
    // Only https with a host and no embedded credentials: never file:, javascript:, custom schemes or plain http.
    if (url.protocol !== 'https:' || url.hostname === '' || url.username || url.password)
      return null
    return url.href
  } catch {
    return null
  }
}

/**
 * The window-open handler: every window.open/target=_blank is denied inside the app; an https: link is opened
 * in the user's browser instead (help pages, the clinic's OpenVPMS), anything else is dropped.
 */
export function createWindowOpenHandler(
  openExternal: (url: string) => Promise<void> | void,
): (details: { url: string }) => WindowOpenDecision {
  return ({ url }) => {
    const external = externalHttpsUrl(url)
    if (external) void Promise.resolve(openExternal(external)).catch(() => undefined)
    return { action: 'deny' }
  }
}

/** The will-navigate handler: the window shows the app and nothing else, so every navigation is cancelled. */
export function denyNavigation(event: { preventDefault(): void }): void {
  event.preventDefault()
}

/**
 * The one permission the app uses: writing text to the clipboard (the reference's copy button). Reading the
 * clipboard, camera, notifications, geolocation… are all refused.
 */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])

/** The permission request handler: grants only writing to the clipboard. */
export function answerPermissionRequest(
  _webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(GRANTED_PERMISSIONS.has(permission))
}

/** The permission check handler: "granted" only for writing to the clipboard. */
export function answerPermissionCheck(_webContents: unknown, permission: string): boolean {
  return GRANTED_PERMISSIONS.has(permission)
}
