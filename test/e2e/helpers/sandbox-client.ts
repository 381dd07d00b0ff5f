// Talks to a sandbox directly, as another booking channel would (spec §3): the tests' independent view of the clinic.
import type { Range } from '../../../src/shared/domain'

/** Login of the seed clinic's API user (spec seed guide: sample / changeit). */
export const seedCredentials = { login: 'sample', password: 'changeit' } as const

/** A sandbox's schedule free/busy, as epoch-ms ranges. */
export interface FreeBusy {
  readonly free: Range[]
  readonly busy: Range[]
}

/** Direct access to a sandbox over HTTP. */
export interface SandboxClient {
  freeBusy(scheduleId: number, bounds: Range): Promise<FreeBusy>
  /** POST /bookings; returns the status and the body (the reference, or the error text). */
  book(body: Record<string, unknown>): Promise<{ status: number; body: string }>
  /** DELETE /bookings/{reference}, as another desk or the online booking site cancels; returns the status. */
  cancel(reference: string): Promise<number>
}

const toRanges = (list: { start: string; end: string }[]): Range[] =>
  list.map((range) => ({ start: Date.parse(range.start), end: Date.parse(range.end) }))

/** A client of the sandbox at `baseUrl`. */
export function sandboxClient(
  baseUrl: string,
  credentials: { login: string; password: string } = seedCredentials,
): SandboxClient {
  const authorization = `Basic ${Buffer.from(`${credentials.login}:${credentials.password}`).toString('base64')}`
  return {
    async freeBusy(scheduleId, bounds) {
      // spec §1.4: `Z` avoids the '+' encoding problem in query strings.
      const from = new Date(bounds.start).toISOString()
      const to = new Date(bounds.end).toISOString()
      const response = await fetch(
        `${baseUrl}/schedules/${scheduleId}/freebusy?from=${from}&to=${to}`,
        { headers: { authorization } },
      )
      if (!response.ok) throw new Error(`freebusy ${response.status}: ${await response.text()}`)
      const body = (await response.json()) as {
        free: { start: string; end: string }[]
        busy: { start: string; end: string }[]
      }
      return { free: toRanges(body.free), busy: toRanges(body.busy) }
    },
    async book(body) {
      const response = await fetch(`${baseUrl}/bookings`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json', accept: 'text/plain' },
        body: JSON.stringify(body),
      })
      return { status: response.status, body: await response.text() }
    },
    async cancel(reference) {
      const response = await fetch(`${baseUrl}/bookings/${reference}`, {
        method: 'DELETE',
        headers: { authorization },
      })
      return response.status
    },
  }
}
