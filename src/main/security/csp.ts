/**
 * The renderer's Content Security Policy: only the app's own files, plus what FullCalendar 6 needs (it injects its
 * icon font as a `data:` URL, and sets inline styles). src/renderer/index.html carries the same policy in its meta
 * tag (a test keeps the two identical); main also sends it as a header, which covers every response.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** Response headers as Electron's `onHeadersReceived` passes them. */
export type ResponseHeaders = Record<string, string | string[]>

/** The headers with the app's CSP set, replacing any policy the response carried (whatever its case). */
export function withContentSecurityPolicy(headers: ResponseHeaders | undefined): ResponseHeaders {
  const kept = Object.entries(headers ?? {}).filter(
    ([name]) => name.toLowerCase() !== 'content-security-policy',
  )
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [contentSecurityPolicy] }
}
