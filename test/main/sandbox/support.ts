// Test helpers for the sandbox suites: a tiny HTTP client over loopback (global fetch) with Basic auth.
import type { RunningSandbox } from '../../../src/main/sandbox'

/** The `Authorization` header for a login. */
export const basic = (login = 'sample', password = 'changeit'): string =>
  `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`

/** The guide's query for 2019-02-15 in Sydney (`+` sent as %2B, spec §1.4). */
export const GUIDE_DAY = 'from=2019-02-15T00:00:00%2B11:00&to=2019-02-16T00:00:00%2B11:00'

/** A client bound to one sandbox and one login. */
export function client(sandbox: RunningSandbox, login = 'sample', password = 'changeit') {
  const headers = { Authorization: basic(login, password) }
  return {
    get: (path: string, extra: Record<string, string> = {}) =>
      fetch(`${sandbox.baseUrl}${path}`, { headers: { ...headers, ...extra } }),
    /** GET and read the body as text. */
    text: async (path: string) => (await fetch(`${sandbox.baseUrl}${path}`, { headers })).text(),
    post: (body: unknown, extra: Record<string, string> = {}) =>
      fetch(`${sandbox.baseUrl}/bookings`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json', ...extra },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    delete: (reference: string) =>
      fetch(`${sandbox.baseUrl}/bookings/${reference}`, { method: 'DELETE', headers }),
    request: (path: string, init: RequestInit) =>
      fetch(`${sandbox.baseUrl}${path}`, {
        ...init,
        headers: { ...headers, ...(init.headers as Record<string, string> | undefined) },
      }),
  }
}

/** A valid booking on the guide's day (the guide's booking.json with its missing comma restored). */
export const guideBooking = () => ({
  location: 98,
  schedule: 136,
  appointmentType: 66,
  start: '2019-02-15T12:30:00.000+11:00',
  end: '2019-02-15T12:45:00.000+11:00',
  title: 'Ms',
  firstName: 'Judith',
  lastName: 'Bourke',
  mobile: '0418976543',
  patientName: 'Muffett',
  user: 1158,
})

/** A clock before the guide's booking, so POSTs on 2019-02-15 are not "in the past". */
export const BEFORE_GUIDE_DAY = '2019-02-14T09:00:00+11:00'
