import type { Logger } from './ipc/handle'

export type { Logger }

/** Log levels, lowest first. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

/** Where formatted, already redacted lines go: electron-log in the app, an array in tests. */
export type LogSink = (level: LogLevel, line: string) => void

const mask = '[redacted]'

// Values known to be secret this run (the passwords in use), removed wherever they appear.
const secrets = new Set<string>()

// Shorter values would mask ordinary words all over the log; a password that short is still masked wherever it
// travels in an Authorization header or a password field.
const minSecretLength = 4

/** Remembers a secret (a password) so that `redact` removes it from any text, in whatever form it was logged. */
export function registerSecret(secret: string): void {
  if (secret.length < minSecretLength) return
  secrets.add(secret)
  secrets.add(encodeURIComponent(secret))
  secrets.add(JSON.stringify(secret).slice(1, -1))
}

// spec §8: credentials travel as HTTP Basic on every request, so an Authorization header is always a secret.
const patterns: readonly [RegExp, string][] = [
  [/(authorization["']?\s*[:=]\s*["']?)(basic|bearer)?\s*[^\s"',;}]+/gi, `$1${mask}`],
  [/(\bpassw(?:or)?d["']?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s,;&}]+)/gi, `$1${mask}`],
  [/(\/\/[^/\s:@]+:)[^@\s/]+@/g, `$1${mask}@`],
]

/**
 * Removes secrets from a log line: Authorization header values, `password` fields (JSON, query or `key: value`),
 * credentials embedded in URLs, and every registered password wherever it appears.
 */
export function redact(text: string): string {
  let out = text
  for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement)
  // Longest first, so a secret that contains another is masked whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join(mask)
  }
  return out
}

/** Redacts one value logged through electron-log (strings, errors, objects). */
export function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redact(value)
  if (value instanceof Error) return redact(value.stack ?? `${value.name}: ${value.message}`)
  if (value !== null && typeof value === 'object') {
    try {
      return redact(JSON.stringify(value))
    } catch {
      return mask
    }
  }
  return value
}

/** An electron-log hook: every message's data redacted before any transport writes it. */
export function redactionHook<M extends { data: unknown[] }>(message: M): M {
  return { ...message, data: message.data.map(redactValue) }
}

/** A logger whose every line (message and meta) is redacted before it reaches the sink. */
export function createLogger(sink: LogSink): Logger {
  const write =
    (level: LogLevel) =>
    (message: string, meta?: object): void => {
      const suffix = meta === undefined ? '' : ` ${String(redactValue(meta))}`
      sink(level, redact(`${message}${suffix}`))
    }
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') }
}

/** The logger as the OpenVPMS client takes it: `(level, message)`. */
export function clientLog(logger: Logger): (level: LogLevel, message: string) => void {
  return (level, message) => logger[level](message)
}
