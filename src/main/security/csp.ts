/**
 * The empty string's SHA-256. FullCalendar 6 fills its stylesheet through the CSSOM into the empty
 * `<style data-fullcalendar>` of index.html; allowing only that empty element keeps 'unsafe-inline' out of style-src.
 */
const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"

/**
 * The renderer's Content Security Policy: only the app's own files, plus what FullCalendar 6 needs (its icon font
 * as a `data:` URL, and the empty style element above). src/renderer/index.html carries the same policy in its meta
 * tag (a test keeps the two identical); main also sends it as a header, which covers every response.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${EMPTY_STYLE_HASH}`,
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/**
 * The policy under electron-vite's dev server only: Vite injects each component's CSS as a `<style>` at run time.
 * (With a hash present a browser ignores 'unsafe-inline', so the hash goes.) Never used for built files.
 */
export const developmentContentSecurityPolicy = contentSecurityPolicy.replace(
  /style-src [^;]*/,
  "style-src 'self' 'unsafe-inline'",
)

/** Response headers as Electron's `onHeadersReceived` passes them. */
export type ResponseHeaders = Record<string, string | string[]>

/** The headers with the app's CSP set, replacing any policy the response carried (whatever its case). */
export function withContentSecurityPolicy(
  headers: ResponseHeaders | undefined,
  policy: string = contentSecurityPolicy,
): ResponseHeaders {
  const kept = Object.entries(headers ?? {}).filter(
    ([name]) => name.toLowerCase() !== 'content-security-policy',
  )
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [policy] }
}
