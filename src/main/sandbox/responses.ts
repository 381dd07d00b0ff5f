// The three kinds of body the real server sends: JSON, the service's text/plain errors, and container HTML pages.

/** A response before it is written to the socket. */
export interface SandboxResponse {
  status: number
  headers: Record<string, string>
  body: string
}

/** Thrown by handlers to answer with a response (the JAX-RS exception mappers, spec §1.3). */
export class HttpFailure extends Error {
  constructor(readonly response: SandboxResponse) {
    super(`${response.status}: ${response.body}`)
    this.name = 'HttpFailure'
  }
}

/** A JSON body, `Content-Type: application/json` without charset like the docs' examples (spec §1.2). */
export function json(value: unknown, status = 200): SandboxResponse {
  return { status, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(value) }
}

/** A text/plain body: every error the service itself produces, and the booking reference (spec §1.2). */
export function text(status: number, body: string): SandboxResponse {
  return { status, headers: { 'Content-Type': 'text/plain' }, body }
}

/** spec §1.3: 400 text/plain with the exception message. */
export function badRequest(message: string): HttpFailure {
  return new HttpFailure(text(400, message))
}

/** spec §1.3: 404 text/plain with the exception message. */
export function notFound(message: string): HttpFailure {
  return new HttpFailure(text(404, message))
}

const REASONS: Record<number, [string, string]> = {
  401: [
    'Unauthorized',
    'The request has not been applied because it lacks valid authentication credentials for the target resource.',
  ],
  404: [
    'Not Found',
    'The origin server did not find a current representation for the target resource or is not willing to disclose that one exists.',
  ],
  405: [
    'Method Not Allowed',
    'The method received in the request-line is known by the origin server but not supported by the target resource.',
  ],
  406: [
    'Not Acceptable',
    'The target resource does not have a current representation that would be acceptable to the user agent, according to the proactive negotiation header fields received in the request, and the server is unwilling to supply a default representation.',
  ],
  415: [
    'Unsupported Media Type',
    'The origin server is refusing to service the request because the payload is in a format not supported by this method on the target resource.',
  ],
  500: [
    'Internal Server Error',
    'The server encountered an unexpected condition that prevented it from fulfilling the request.',
  ],
}

/**
 * A servlet container error page (Tomcat's layout): what OpenVPMS sends for 401, non-numeric path ids and
 * unhandled exceptions (spec §1.3, §8; the exact bodies are not determinable, spec §12).
 */
export function containerPage(status: number, message: string): SandboxResponse {
  const [reason, description] = REASONS[status] ?? [
    'Error',
    'The server could not handle the request.',
  ]
  const title = `HTTP Status ${status} – ${reason}`
  const body =
    `<!doctype html><html lang="en"><head><title>${title}</title><style type="text/css">` +
    `body {font-family:Tahoma,Arial,sans-serif;} h1 {font-size:22px;} .line {height:1px;background-color:#525D76;border:none;}` +
    `</style></head><body><h1>${title}</h1><hr class="line" /><p><b>Type</b> Status Report</p>` +
    `<p><b>Message</b> ${escapeHtml(message)}</p><p><b>Description</b> ${description}</p>` +
    `<hr class="line" /><h3>Apache Tomcat/8.5</h3></body></html>`
  return { status, headers: { 'Content-Type': 'text/html;charset=utf-8' }, body }
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`)
}
