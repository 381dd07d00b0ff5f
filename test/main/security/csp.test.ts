import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  contentSecurityPolicy,
  developmentContentSecurityPolicy,
  withContentSecurityPolicy,
} from '../../../src/main/security/csp'

const directives = (policy: string): Map<string, string> =>
  new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name ?? '', values.join(' ')]),
  )

describe('contentSecurityPolicy', () => {
  it('allows only the app itself, fonts included', () => {
    const policy = directives(contentSecurityPolicy)

    expect(policy.get('default-src')).toBe("'self'")
    expect(policy.get('script-src')).toBe("'self'")
    expect(policy.get('font-src')).toBe("'self'")
    expect(policy.get('connect-src')).toBe("'self'")
    expect(policy.get('object-src')).toBe("'none'")
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|https?:|\*/)
  })

  it('allows no inline style element or attribute: styles come from the app’s files only', () => {
    const styles = directives(contentSecurityPolicy).get('style-src')

    expect(styles).toBe("'self'")
  })

  it('relaxes only style-src for the dev server', () => {
    const strict = directives(contentSecurityPolicy)
    const dev = directives(developmentContentSecurityPolicy)

    expect(dev.get('style-src')).toBe("'self' 'unsafe-inline'")
    expect([...dev].filter(([name]) => name !== 'style-src')).toEqual(
      [...strict].filter(([name]) => name !== 'style-src'),
    )
  })

  it('is the same policy as the meta tag of src/renderer/index.html', () => {
    const html = readFileSync(resolve(__dirname, '../../../src/renderer/index.html'), 'utf8')

    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]

    expect(meta).toBe(contentSecurityPolicy)
  })
})

describe('withContentSecurityPolicy', () => {
  it('adds the policy header to a response', () => {
    const headers = withContentSecurityPolicy({ 'Content-Type': ['text/html'] })

    expect(headers['Content-Security-Policy']).toEqual([contentSecurityPolicy])
    expect(headers['Content-Type']).toEqual(['text/html'])
  })

  it('replaces a weaker policy sent under any spelling of the header name', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ['default-src *'] })

    expect(Object.keys(headers)).toEqual(['Content-Security-Policy'])
    expect(headers['Content-Security-Policy']).toEqual([contentSecurityPolicy])
  })

  it('works when the response had no headers', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({
      'Content-Security-Policy': [contentSecurityPolicy],
    })
  })
})
