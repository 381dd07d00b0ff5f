import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WaitlistStore } from '../../../src/main/waitlist/store'
import { AppFailure } from '../../../src/shared/result'
import {
  waitlistLimits,
  type WaitlistEntry,
  type WaitlistLabels,
  type WaitlistRequest,
} from '../../../src/shared/waitlist'

const SYDNEY = 'Australia/Sydney'
let now = Date.parse('2019-02-14T09:00:00+11:00')
let dir: string
let file: string
let changes: (readonly WaitlistEntry[])[]

const labels: WaitlistLabels = {
  appointmentType: 'Standard Consult',
  clinician: null,
  location: 'Main Clinic',
  timeZone: SYDNEY,
}
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
  clinicianId: null,
  locationId: 98,
  fromDate: '2019-02-15',
  toDate: '2019-02-20',
  parts: ['morning'],
  weekdays: [],
  note: '',
  ...changes,
})

const store = (read?: (file: string) => Promise<string>): WaitlistStore =>
  new WaitlistStore({
    file,
    now: () => now,
    emit: (_event, payload) => void changes.push(payload as readonly WaitlistEntry[]),
    read,
  })

function busyOnce(times: number): (path: string) => Promise<string> {
  let left = times
  return async (path) => {
    if (left-- > 0) throw Object.assign(new Error('EBUSY: resource busy'), { code: 'EBUSY' })
    return readFile(path, 'utf8')
  }
}

beforeEach(async () => {
  now = Date.parse('2019-02-14T09:00:00+11:00')
  dir = await mkdtemp(join(tmpdir(), 'waitlist-'))
  file = join(dir, 'waitlist.json')
  changes = []
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('WaitlistStore', () => {
  it('keeps its entries across a restart, and lists the one whose window closes soonest first', async () => {
    const first = store()
    await first.add(wish({ toDate: '2019-03-01', note: 'any time' }), labels)
    const soon = await first.add(wish({ toDate: '2019-02-16' }), labels)
    await first.flushed()

    const reopened = await store().list()

    expect(reopened.map((entry) => entry.toDate)).toEqual(['2019-02-16', '2019-03-01'])
    expect(reopened[0]).toEqual(soon)
    expect(reopened[1]?.note).toBe('any time')
    expect(changes.at(-1)).toHaveLength(2)
  })

  it('edits, marks done (listed after those waiting) and removes, and says so when an entry is gone', async () => {
    const list = store()
    const a = await list.add(wish({ toDate: '2019-02-16' }), labels)
    const b = await list.add(wish({ toDate: '2019-02-18' }), labels)

    await list.update(b.id, wish({ toDate: '2019-02-18', parts: ['evening'] }), labels)
    await list.markDone(a.id, '1001:abc')
    const listed = await store().list()
    await list.remove(a.id)

    expect(listed.map((e) => [e.status, e.parts, e.doneReference])).toEqual([
      ['waiting', ['evening'], null],
      ['done', ['morning'], '1001:abc'],
    ])
    expect((await store().list()).map((e) => e.id)).toEqual([b.id])
    const gone = await list.remove(a.id).catch((thrown: unknown) => thrown as AppFailure)
    expect(gone).toBeInstanceOf(AppFailure)
    expect((gone as AppFailure).error.code).toBe('NOT_FOUND')
  })

  it('drops an entry once its last day is over in the clinic’s zone, from the file too', async () => {
    const list = store()
    await list.add(wish({ toDate: '2019-02-15' }), labels)
    await list.add(wish({ toDate: '2019-02-16' }), labels)

    now = Date.parse('2019-02-16T00:30:00+11:00')
    const later = await list.list()
    await list.flushed()

    expect(later.map((e) => e.toDate)).toEqual(['2019-02-16'])
    expect((await store().list()).map((e) => e.toDate)).toEqual(['2019-02-16'])
  })

  it(`holds at most ${waitlistLimits.entries} entries and says what to do about it`, async () => {
    const list = store()
    for (let i = 0; i < waitlistLimits.entries; i++) await list.add(wish(), labels)

    const full = await list.add(wish(), labels).catch((thrown: unknown) => thrown as AppFailure)

    expect(full).toBeInstanceOf(AppFailure)
    expect((full as AppFailure).error.message).toMatch(/at most 200 entries: remove some/)
    expect(await store().list()).toHaveLength(waitlistLimits.entries)
  })

  it('sets a damaged file aside and starts empty', async () => {
    await writeFile(file, '{"version":1,"entries":[{"trunc')

    const list = store()
    expect(await list.list()).toEqual([])
    await list.add(wish(), labels)

    const names = await readdir(dir)
    expect(names.some((name) => name.startsWith('waitlist.json.corrupt-'))).toBe(true)
    expect(await store().list()).toHaveLength(1)
  })

  it('never replaces a file it cannot read: an entry added meanwhile waits and joins it', async () => {
    const first = store()
    await first.add(wish(), labels)
    await first.add(wish(), labels)
    await first.flushed()

    const busy = store(busyOnce(2))
    await busy.add(wish({ note: 'added while busy' }), labels)
    const whileBusy = await busy.list().catch((thrown: unknown) => thrown as AppFailure)
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { entries: unknown[] }
    const afterwards = await busy.list()
    await busy.flushed()

    expect((whileBusy as AppFailure).error).toMatchObject({ code: 'STORAGE' })
    expect((whileBusy as AppFailure).error.message).toMatch(/waitlist cannot be read just now/)
    expect(onDisk.entries).toHaveLength(2)
    expect(afterwards).toHaveLength(3)
    expect(await store().list()).toHaveLength(3)
  })
})
