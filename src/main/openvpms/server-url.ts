// Turning what a receptionist types into the Booking API V2 base URL, and deciding which hosts may use plain http.

/** The Booking API V2 path below the web app's context (spec §1.1). */
const API_PATH = '/ws/booking/v2'

/** The usual OpenVPMS web app context (spec §1.1). */
const DEFAULT_CONTEXT = '/openvpms'

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i

/**
 * Normalises a typed server address to `…/ws/booking/v2` (no trailing slash): accepts a bare host (https assumed),
 * the web app URL (`https://host:8443/openvpms`, even a page under it), or the full API URL.
 */
export function normaliseServerUrl(input: string): { baseUrl: string } | { error: string } {
  const typed = input.trim()
  if (typed === '') return { error: 'Enter the address of the OpenVPMS server.' }
  if (/\s/.test(typed)) return { error: 'The server address cannot contain spaces.' }

  const withScheme = SCHEME.test(typed) ? typed : `https://${typed}`
  let url: URL
  try {
    url = new URL(withScheme)
  } catch {
    return {
      error: `"${typed}" is not a web address: type it like https://clinic.example.com:8443/openvpms.`,
    }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { error: 'The server address must start with https:// (or http://).' }
  }
  if (url.hostname === '') return { error: 'The server address has no host name.' }
  // Credentials belong in the username and password fields, where they are kept out of logs and settings.
  if (url.username !== '' || url.password !== '') {
    return {
      error: 'Leave the username and password out of the address: enter them in their own fields.',
    }
  }

  return { baseUrl: `${url.origin}${apiPath(url.pathname)}` }
}

/** The API path for whatever path was typed: the web app context is kept, anything after it is replaced. */
function apiPath(pathname: string): string {
  const segments = pathname.split('/').filter((segment) => segment !== '')
  const lower = segments.map((segment) => segment.toLowerCase())

  const ws = findSequence(lower, ['ws', 'booking'])
  if (ws >= 0) return `${join(segments.slice(0, ws))}${API_PATH}`

  const context = lower.indexOf('openvpms')
  if (context >= 0) return `${join(segments.slice(0, context + 1))}${API_PATH}`

  // No path at all: the standard context. Any other path is taken as a custom web app context.
  return segments.length === 0 ? `${DEFAULT_CONTEXT}${API_PATH}` : `${join(segments)}${API_PATH}`
}

function findSequence(haystack: readonly string[], needle: readonly string[]): number {
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((part, j) => haystack[i + j] === part)) return i
  }
  return -1
}

function join(segments: readonly string[]): string {
  return segments.map((segment) => `/${segment}`).join('')
}

/**
 * True for hosts that never leave this computer, where plain http exposes nothing: `localhost`, 127.0.0.0/8, ::1.
 * Not `*.localhost`: the system resolver may send such a name to DNS, and so to another computer.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}
