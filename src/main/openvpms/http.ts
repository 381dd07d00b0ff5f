// One HTTP exchange with the Booking API V2 over Node's fetch: Basic auth, per-attempt timeout, bounded retries of
// idempotent reads, and redirects followed by hand so the Authorization header never leaves the server's origin.
import { AppFailure } from '../../shared/result'
import type { AppError } from '../../shared/result'
import { readCappedBody } from './body'
import {
  answerTooLarge,
  errorForException,
  errorForStatus,
  insecure,
  outcomeUnknown,
  refusedRedirect,
  tooManyRedirects,
  unexpected,
} from './errors'
import type { FailedRequest, HttpAnswer } from './errors'
import { trackSend, TRACE_HEADER } from './sent-tracker'
import { isLoopbackHost } from './server-url'

/** Severity of a client log line. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

/** How the exchange is made; built once by the client. */
export interface HttpOptions {
  readonly baseUrl: string
  readonly username: string
  readonly password: string
  readonly timeoutMs: number
  readonly retries: number
  readonly allowInsecure: boolean
  readonly log: (level: LogLevel, message: string) => void
}

/** One API call. `path` is below the base URL, already encoded, with any query string. */
export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'DELETE'
  readonly path: string
  readonly body?: string
}

const MAX_REDIRECTS = 3
const BACKOFF_MS = 200
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

// spec §1.2: POST produces text/plain, so a JSON-only Accept gets 406; errors are text/plain everywhere.
const ACCEPT: Record<HttpRequest['method'], string> = {
  GET: 'application/json, text/plain',
  POST: 'text/plain, application/json',
  DELETE: 'text/plain, application/json',
}

/** Sends requests to one server with one set of credentials. */
export class ApiHttp {
  readonly #options: HttpOptions
  readonly #base: URL
  readonly #authorization: string
  readonly #refusal: AppError | null

  constructor(options: HttpOptions) {
    this.#options = options
    const base = webUrl(options.baseUrl)
    // A bad address fails each call (as the interface promises) rather than the constructor.
    this.#base = base ?? new URL('https://invalid.invalid')
    // spec §8: stateless Basic auth, credentials on every request.
    this.#authorization = `Basic ${Buffer.from(`${options.username}:${options.password}`, 'utf8').toString('base64')}`
    if (base === null) this.#refusal = unexpected('the server address is not a web address')
    else if (
      base.protocol === 'http:' &&
      !options.allowInsecure &&
      !isLoopbackHost(base.hostname)
    ) {
      this.#refusal = insecure(base.host)
    } else this.#refusal = null
  }

  /** Removes the password and the encoded credentials from any text that may reach a log or the user. */
  redact(text: string): string {
    let result = text.split(this.#authorization.slice('Basic '.length)).join('[redacted]')
    // A very short password would blank out ordinary words; such a password is not worth the garbling.
    if (this.#options.password.length >= 4)
      result = result.split(this.#options.password).join('[redacted]')
    return result
  }

  /** Sends one request and resolves with its 2xx answer; every failure is thrown as an AppFailure. */
  async send(request: HttpRequest): Promise<HttpAnswer> {
    if (this.#refusal !== null) throw new AppFailure(this.#refusal)
    const failed: FailedRequest = {
      method: request.method,
      path: request.path,
      host: this.#base.host,
    }
    // spec §7.3/§7.4: POST creates a booking each time and DELETE is not repeatable (a second one is 404).
    const attempts = request.method === 'GET' ? this.#options.retries + 1 : 1

    for (let attempt = 1; ; attempt++) {
      const started = Date.now()
      const outcome = await this.#attempt(request, failed)
      const elapsed = Date.now() - started
      if ('answer' in outcome && outcome.answer.status >= 200 && outcome.answer.status < 300) {
        this.#log(
          'debug',
          `${request.method} ${request.path} → ${outcome.answer.status} (${elapsed} ms)`,
        )
        return outcome.answer
      }
      const failure = 'answer' in outcome ? errorForStatus(failed, outcome.answer) : outcome.error
      const status = 'answer' in outcome ? `HTTP ${outcome.answer.status}` : 'no answer'
      const status5xx = 'answer' in outcome && outcome.answer.status >= 500
      if (attempt < attempts && isRetryable(failure, status5xx)) {
        const delay = BACKOFF_MS * 2 ** (attempt - 1)
        this.#log(
          'info',
          `${request.method} ${request.path} → ${status}, ${failure.code}; retry in ${delay} ms`,
        )
        await sleep(delay)
        continue
      }
      this.#log(
        'warn',
        `${request.method} ${request.path} → ${status}, ${failure.code} (${elapsed} ms)`,
      )
      throw new AppFailure(this.#redactError(failure))
    }
  }

  /** One attempt, redirects included, within one timeout. */
  async #attempt(
    request: HttpRequest,
    failed: FailedRequest,
  ): Promise<{ answer: HttpAnswer } | { error: AppError }> {
    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, this.#options.timeoutMs)
    // Only a POST's failure depends on whether it left (OUTCOME_UNKNOWN or not).
    const tracker = request.method === 'POST' ? trackSend() : null
    try {
      let url = new URL(`${this.#base.href}${request.path}`)
      const { method } = request
      for (let redirects = 0; ; redirects++) {
        const response = await fetch(url, {
          method,
          headers: {
            Authorization: this.#authorization,
            Accept: ACCEPT[method],
            ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
            ...(tracker === null ? {} : { [TRACE_HEADER]: tracker.header }),
          },
          ...(request.body === undefined ? {} : { body: request.body }),
          redirect: 'manual',
          signal: controller.signal,
        })
        if (!REDIRECT_STATUSES.has(response.status)) {
          const body = await readCappedBody(response)
          if (!body.ok) {
            // A POST answered at all may have booked: what it said is unknown, so the outcome is too.
            if (method === 'POST') return { error: outcomeUnknown() }
            return { error: answerTooLarge(body.bytes, body.declared) }
          }
          return {
            answer: { status: response.status, mediaType: mediaType(response), body: body.text },
          }
        }
        await response.body?.cancel()
        const location = response.headers.get('location')
        const target = location === null ? null : safeUrl(location, url)
        if (target === null || target.origin !== this.#base.origin) {
          return { error: refusedRedirect(target?.origin ?? null) }
        }
        // 307/308 repeat the request as sent; 301/302/303 turn it into a GET, which is only right for a GET.
        if (response.status !== 307 && response.status !== 308 && method !== 'GET') {
          return { error: refusedRedirect(null) }
        }
        if (redirects + 1 > MAX_REDIRECTS) return { error: tooManyRedirects() }
        url = target
      }
    } catch (thrown) {
      return { error: errorForException(failed, thrown, timedOut, tracker?.phase() ?? 'unknown') }
    } finally {
      clearTimeout(timer)
      tracker?.stop()
    }
  }

  #redactError(failure: AppError): AppError {
    return {
      ...failure,
      message: this.redact(failure.message),
      ...(failure.serverMessage === undefined
        ? {}
        : { serverMessage: this.redact(failure.serverMessage) }),
    }
  }

  #log(level: LogLevel, message: string): void {
    this.#options.log(level, this.redact(message))
  }
}

/**
 * Whether a failed GET is worth another attempt: network failures and 5xx, never a 4xx, never the GET defect
 * (spec §7.3: deterministic, the same 500 every time), and never a timeout (the receptionist would wait several
 * timeouts for a server that is not answering).
 */
function isRetryable(failure: AppError, status5xx: boolean): boolean {
  if (failure.code === 'NETWORK') return true
  return status5xx && failure.code === 'SERVER'
}

function mediaType(response: Response): string {
  return (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
}

function webUrl(text: string): URL | null {
  const url = safeUrl(text)
  return url !== null && (url.protocol === 'https:' || url.protocol === 'http:') ? url : null
}

function safeUrl(location: string, base?: URL): URL | null {
  try {
    return new URL(location, base)
  } catch {
    return null
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
