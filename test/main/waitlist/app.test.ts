// The waitlist through the app core, as the window reaches it: validated requests, the demo clinic's own list, and
// a restart that keeps it.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAppCore, type AppCore } from '../../../src/main/app-core'
import { MemoryCredentialStore } from '../../../src/main/credentials'
import type { WaitlistEntry, WaitlistRequest } from '../../../src/shared/waitlist'

const SEED_NOW = '2019-02-14T09:00:00+11:00'
let dir: string
let core: AppCore | null = null

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'waitlist-app-'))
})
afterEach(async () => {
  await core?.close()
  core = null
  rmSync(dir, { recursive: true, force: true })
})

const open = async (): Promise<AppCore> =>
  (core = await createAppCore({
    userDataDir: dir,
    credentialStore: new MemoryCredentialStore(),
    demo: { now: SEED_NOW },
    now: () => Date.parse(SEED_NOW),
  }))

const wish = (changes: Partial<WaitlistRequest> = {}): WaitlistRequest => ({
  customer: {
    title: '',
    firstName: 'Judith',
    lastName: 'Bourke',
    mobile: '0418976543',
    phone: '',
    email: '',
    patientName: 'Muffett',
  },
  appointmentTypeId: 66,
  clinicianId: 1158,
  locationId: 98,
  fromDate: '2019-02-15',
  toDate: '2019-02-22',
  parts: ['afternoon'],
  weekdays: [5],
  note: 'can come at short notice',
  ...changes,
})

describe('the waitlist through the app core', () => {
  it('keeps the demo clinic’s list in its own file across a restart, with the names it was saved with', async () => {
    const first = await open()
    const added = await first.dispatch('waitlist:addEntry', { entry: wish() })
    expect(added.ok).toBe(true)
    await first.close()

    const again = await open()
    const listed = await again.dispatch('waitlist:listEntries', {})

    expect(listed.ok && (listed.data as WaitlistEntry[]).map((e) => [e.note, e.labels])).toEqual([
      [
        'can come at short notice',
        {
          appointmentType: 'Standard Consult',
          clinician: 'Andrew Turner',
          location: 'Main Clinic',
          timeZone: 'Australia/Sydney',
        },
      ],
    ])
    expect(readdirSync(dir)).toContain('demo-waitlist.json')
  })

  it('refuses what does not make an entry, beside the field, in words', async () => {
    const desk = await open()

    const backwards = await desk.dispatch('waitlist:addEntry', {
      entry: wish({ fromDate: '2019-02-20', toDate: '2019-02-15' }),
    })
    const tooLong = await desk.dispatch('waitlist:addEntry', {
      entry: wish({ note: 'x'.repeat(501) }),
    })
    const noPart = await desk.dispatch('waitlist:addEntry', { entry: wish({ parts: [] }) })
    const tooWide = await desk.dispatch('waitlist:addEntry', {
      entry: wish({ toDate: '2019-06-30' }),
    })
    const noName = await desk.dispatch('waitlist:addEntry', {
      entry: wish({ customer: { ...wish().customer, lastName: '  ' } }),
    })
    const wrongType = await desk.dispatch('waitlist:addEntry', {
      entry: wish({ appointmentTypeId: 999 }),
    })
    const notAnId = await desk.dispatch('waitlist:removeEntry', { id: '../settings' })

    const errorOf = (result: Awaited<ReturnType<AppCore['dispatch']>>) =>
      result.ok ? null : result.error
    expect(errorOf(backwards)?.fieldErrors).toEqual([
      { field: 'toDate', message: 'The last day must be on or after the first.' },
    ])
    expect(errorOf(tooLong)?.message).toBe(
      'Some text is too long (note): shorten it and try again.',
    )
    expect(errorOf(noPart)?.fieldErrors?.[0]?.message).toBe('Choose at least one part of the day.')
    expect(errorOf(tooWide)?.fieldErrors?.[0]?.message).toBe(
      'A waitlist entry covers at most 90 days.',
    )
    expect(errorOf(noName)?.fieldErrors).toEqual([
      { field: 'customer.lastName', message: 'Last name is required.' },
    ])
    expect(errorOf(wrongType)?.message).toBe(
      'No schedule at this location takes that appointment type.',
    )
    expect(errorOf(notAnId)?.code).toBe('VALIDATION')
    const listed = await desk.dispatch('waitlist:listEntries', {})
    expect(listed.ok && listed.data).toEqual([])
  })
})
