// The renderer's own origin, app://front-desk/: the built files served by main with the CSP as a real response
// header, instead of file:// (which would need the grantFileProtocolExtraPrivileges fuse and shares its origin with
// every file on the disk).
import type { CustomScheme } from 'electron'
import { readFile } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'

/** The scheme and host of the app's pages. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'front-desk'
/** The page the window loads. */
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/**
 * What `protocol.registerSchemesAsPrivileged` is given before the app is ready: a standard, secure scheme (so the
 * page has an origin, relative URLs and 'self' in the CSP work) with nothing extra — no fetch from pages of other
 * schemes, no CORS, no service workers.
 */
export const appSchemePrivileges: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, codeCache: true },
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

/** True when a URL is one of the app's own pages or files (app://front-desk/…). */
export function isAppOrigin(raw: string): boolean {
  try {
    const url = new URL(raw)
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST
  } catch {
    return false
  }
}

/** The file under `root` a request URL names, or null: another host, a path outside the folder, a bad escape. */
export function appFileFor(raw: string, root: string): string | null {
  if (!isAppOrigin(raw)) return null
  let path: string
  try {
    path = decodeURIComponent(new URL(raw).pathname)
  } catch {
    return null
  }
  if (path.includes('\0')) return null
  const base = resolve(root)
  const file = resolve(base, `.${path === '/' ? '/index.html' : path}`)
  return file.startsWith(`${base}${sep}`) ? file : null
}

/**
 * The app:// handler for `protocol.handle`: GET of a file of the built renderer, with the CSP and nosniff as
 * headers; 404 for anything else, 405 for other methods.
 */
export function createAppProtocolHandler(
  root: string,
  contentSecurityPolicy: string,
): (request: Request) => Promise<Response> {
  const headers = (type: string): Record<string, string> => ({
    'Content-Type': type,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  })
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method Not Allowed', { status: 405, headers: headers('text/plain') })
    }
    const file = appFileFor(request.url, root)
    const type = file === null ? undefined : CONTENT_TYPES[extname(file).toLowerCase()]
    if (file === null || type === undefined) {
      return new Response('Not Found', { status: 404, headers: headers('text/plain') })
    }
    try {
      const body = await readFile(file)
      return new Response(request.method === 'HEAD' ? null : body, { headers: headers(type) })
    } catch {
      return new Response('Not Found', { status: 404, headers: headers('text/plain') })
    }
  }
}
