/**
 * The renderer's Content Security Policy: only the app's own files (styles and fonts included: no inline style at
 * all), plus `data:` images (the empty favicon). src/renderer/index.html carries the same policy in its meta tag (a
 * test keeps the two identical); main also sends it as a header, which covers every response.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/**
 * The policy under electron-vite's dev server only: Vite injects each component's CSS as a `<style>` at run time.
 * Never used for built files.
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
