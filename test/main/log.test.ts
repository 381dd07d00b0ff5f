import { describe, expect, it } from 'vitest'
import { createLogger, redact, redactionHook, registerSecret } from '../../src/main/log'

describe('redact', () => {
  it('masks Authorization header values', () => {
    const line = redact('GET /locations Authorization: Basic c2FtcGxlOmNoYW5nZWl0 200')

    expect(line).not.toContain('c2FtcGxlOmNoYW5nZWl0')
    expect(line).toContain('Authorization: [redacted]')
  })

  it('masks the authorization header inside a JSON dump of headers', () => {
    const line = redact('{"headers":{"authorization":"Basic c2FtcGxlOmNoYW5nZWl0","accept":"*/*"}}')

    expect(line).not.toContain('c2FtcGxlOmNoYW5nZWl0')
    expect(line).toContain('"accept":"*/*"')
  })

  it('masks password fields in JSON, query strings and key: value text', () => {
    const lines = [
      redact('{"username":"sample","password":"hunter2-json"}'),
      redact('login?user=sample&password=hunter2-query&x=1'),
      redact('password: hunter2-text'),
    ]

    expect(lines.join('\n')).not.toMatch(/hunter2/)
    expect(lines[0]).toContain('"username":"sample"')
  })

  it('masks credentials embedded in a URL', () => {
    expect(redact('https://sample:hunter2-url@clinic.example/openvpms')).not.toContain('hunter2')
  })

  it('masks a registered password wherever it appears', () => {
    registerSecret('Tr0ub4dor&3-registered')

    const line = redact(
      'the server said: bad login for Tr0ub4dor&3-registered (Tr0ub4dor%263-registered)',
    )

    expect(line).not.toContain('Tr0ub4dor')
  })

  it('leaves ordinary text alone', () => {
    expect(redact('Loaded day 2019-02-15 for location 98 in 120 ms')).toBe(
      'Loaded day 2019-02-15 for location 98 in 120 ms',
    )
  })
})

describe('createLogger', () => {
  it('redacts the message and its meta before the sink sees them', () => {
    registerSecret('s3cret-for-logger')
    const lines: string[] = []
    const log = createLogger((level, line) => lines.push(`${level} ${line}`))

    log.warn('connect failed for s3cret-for-logger', { password: 'other-pass', code: 'AUTH' })

    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^warn connect failed/)
    expect(lines[0]).not.toMatch(/s3cret-for-logger|other-pass/)
    expect(lines[0]).toContain('"code":"AUTH"')
  })
})

describe('redactionHook', () => {
  it('redacts every value of an electron-log message', () => {
    registerSecret('hook-secret')
    const message = {
      level: 'info',
      data: ['token hook-secret', new Error('hook-secret leaked'), 42],
    }

    const redacted = redactionHook(message)

    expect(JSON.stringify(redacted.data)).not.toContain('hook-secret')
    expect(redacted.data[2]).toBe(42)
  })
})
