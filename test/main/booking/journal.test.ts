import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppFailure } from '../../../src/shared/result'
import { BookingJournal } from '../../../src/main/booking/journal'
import type { JournalEntry } from '../../../src/shared/domain'
import { guideDraft } from '../../helpers/booking-draft'

const draft = guideDraft({ notes: 'Limping on the left fore', clinicianId: 1158 })
// The seed guide's day: its bookings are well within the journal's history.
const NOW = Date.parse('2019-02-14T09:00:00+11:00')

let dir: string
let file: string
let events: (readonly JournalEntry[])[]
const journal = (): BookingJournal =>
  new BookingJournal({
    file,
    zone: 'Australia/Sydney',
    now: () => NOW,
    emit: (_event, payload) => void events.push(payload as readonly JournalEntry[]),
  })

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'journal-'))
  file = join(dir, 'booking-journal.json')
  events = []
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('BookingJournal', () => {
  it('starts empty when there is no file', async () => {
    expect(await journal().list()).toEqual([])
  })

  it('records a submission as unknown first, then settles it, and keeps it across restarts', async () => {
    const first = journal()

    const id = await first.record(draft, 1_000)
    const pending = await first.list()
    await first.settle(id, { outcome: 'booked', reference: '1001:abc', message: 'Booked 12:30.' })
    const reopened = await journal().list()

    expect(pending).toEqual([
      { reference: null, draft, submittedAt: 1_000, outcome: 'unknown', message: null },
    ])
    expect(reopened).toEqual([
      {
        reference: '1001:abc',
        draft,
        submittedAt: 1_000,
        outcome: 'booked',
        message: 'Booked 12:30.',
      },
    ])
    expect(await journal().find('1001:abc')).toEqual(reopened[0])
  })

  it('emits the whole journal after each change', async () => {
    const j = journal()

    const id = await j.record(draft, 1_000)
    await j.settle(id, { outcome: 'failed', message: 'refused' })

    expect(events.map((list) => list.map((e) => e.outcome))).toEqual([['unknown'], ['failed']])
  })

  it('marks a booking cancelled, and says when this desk did not make it', async () => {
    const j = journal()
    const id = await j.record(draft, 1_000)
    await j.settle(id, { outcome: 'booked', reference: '1001:abc', message: null })

    const known = await j.markCancelled('1001:abc', 'Cancelled at this desk.')
    const unknown = await j.markCancelled('999:zzz', null)

    expect(known).toBe(true)
    expect(unknown).toBe(false)
    expect((await j.find('1001:abc'))?.outcome).toBe('cancelled')
  })

  it('lists newest first, and by the day of submission in the desk’s zone', async () => {
    const j = journal()
    await j.record(draft, Date.parse('2019-02-14T12:59:00Z')) // 23:59 on the 14th in Sydney
    await j.record(draft, Date.parse('2019-02-14T13:00:00Z')) // 00:00 on the 15th
    await j.record(draft, Date.parse('2019-02-15T05:00:00Z'))

    const all = await j.list()
    const fifteenth = await j.list({ date: '2019-02-15' })

    expect(all.map((e) => e.submittedAt)).toEqual(
      [...all.map((e) => e.submittedAt)].sort((a, b) => b - a),
    )
    expect(fifteenth.map((e) => new Date(e.submittedAt).toISOString())).toEqual([
      '2019-02-15T05:00:00.000Z',
      '2019-02-14T13:00:00.000Z',
    ])
  })

  it('sets a corrupt file aside and starts empty', async () => {
    await writeFile(file, '{"version":1,"entries":[{"trunc')

    const j = journal()
    const entries = await j.list()
    await j.record(draft, 1_000)

    expect(entries).toEqual([])
    const names = await readdir(dir)
    expect(names.some((name) => name.startsWith('booking-journal.json.corrupt-'))).toBe(true)
    expect(
      await readFile(
        names.map((n) => join(dir, n)).find((p) => p.includes('corrupt')) ?? '',
        'utf8',
      ),
    ).toContain('trunc')
    expect((await journal().list()).length).toBe(1)
    expect(await j.notice()).toMatch(
      /damaged, so it was set aside as booking-journal\.json\.corrupt-\d+ and a new one started/,
    )
    expect(await journal().notice()).toBeNull()
  })

  it('writes atomically: concurrent changes leave one valid file and no temporary files', async () => {
    const j = journal()

    await Promise.all(Array.from({ length: 20 }, (_, i) => j.record(draft, i)))

    const names = await readdir(dir)
    expect(names).toEqual(['booking-journal.json'])
    const saved = JSON.parse(await readFile(file, 'utf8')) as { entries: unknown[] }
    expect(saved.entries).toHaveLength(20)
  })
})

describe('BookingJournal history', () => {
  const DAY = 86_400_000
  const at = (daysAgo: number): number => NOW - daysAgo * DAY
  const onDay = (daysAgo: number, firstName: string) =>
    guideDraft({ firstName, start: at(daysAgo), end: at(daysAgo) + 15 * 60_000 })

  it('keeps 400 days by default and drops older entries from the file in one atomic write', async () => {
    const first = journal()
    await first.record(onDay(500, 'Old'), at(500))
    await first.record(onDay(399, 'Recent'), at(399))
    await first.flushed()

    const later = (days: number) =>
      new BookingJournal({ file, emit: () => undefined, now: () => NOW + days * DAY })
    const sameDay = await later(0).list()
    const reopened = later(2)
    const kept = await reopened.list()
    await reopened.flushed()

    expect(sameDay.map((e) => e.draft.firstName)).toEqual(['Recent'])
    expect(kept).toEqual([])
    const saved = JSON.parse(await readFile(file, 'utf8')) as { entries: unknown[] }
    expect(saved.entries).toEqual([])
    expect(await readdir(dir)).toEqual(['booking-journal.json'])
  })

  it('keeps an old submission while its appointment is still within the period', async () => {
    const j = new BookingJournal({ file, emit: () => undefined, now: () => NOW, retentionDays: 30 })
    await j.record(onDay(-10, 'Ahead'), at(45))
    await j.record(onDay(40, 'Past'), at(45))

    expect((await j.list()).map((e) => e.draft.firstName)).toEqual(['Ahead'])
  })

  it('finds a client by name, phone in any spacing, email, patient or reference, newest first', async () => {
    const j = journal()
    const rex = guideDraft({
      firstName: 'Zoë',
      lastName: 'Hart',
      mobile: '0412 345 678',
      email: 'zoe.hart@example.com',
      patientName: 'Rex',
    })
    const first = await j.record(rex, at(9))
    await j.settle(first, { outcome: 'booked', reference: '1201:aa11', message: null })
    const second = await j.record(rex, at(2))
    await j.settle(second, { outcome: 'cancelled', reference: '1202:bb22', message: null })
    await j.record(guideDraft(), at(1))
    const refused = await j.record(rex, at(1))
    await j.settle(refused, { outcome: 'failed', message: 'Refused' })

    const refs = async (query: string) => (await j.search(query)).entries.map((e) => e.reference)

    expect(await refs('zoe hart')).toEqual(['1202:bb22', '1201:aa11'])
    expect(await refs('HART z')).toEqual(['1202:bb22', '1201:aa11'])
    expect(await refs('0412-345678')).toEqual(['1202:bb22', '1201:aa11'])
    expect(await refs('(0412) 345 678')).toEqual(['1202:bb22', '1201:aa11'])
    expect(await refs('345 67')).toEqual(['1202:bb22', '1201:aa11'])
    expect(await refs('zoe.hart@')).toEqual(['1202:bb22', '1201:aa11'])
    expect(await refs('rex')).toEqual(['1202:bb22', '1201:aa11'])
    expect(await refs('1201:AA')).toEqual(['1201:aa11'])
    expect(await refs('muffett')).toEqual([null])
    expect(await refs('rex bourke')).toEqual([])
    expect(await refs('   ')).toEqual([])
  })

  it('answers at most the limit asked for, and counts every match', async () => {
    const j = journal()
    for (let i = 0; i < 40; i++) await j.record(onDay(i, `Rex${i}`), at(i))

    const found = await j.search('rex', 5)

    expect(found.total).toBe(40)
    expect(found.entries.map((e) => e.draft.firstName)).toEqual([
      'Rex0',
      'Rex1',
      'Rex2',
      'Rex3',
      'Rex4',
    ])
  })

  it('sees an entry as soon as it is recorded, and its new outcome as soon as it is settled', async () => {
    const j = journal()
    expect((await j.search('judith')).total).toBe(0)
    const id = await j.record(draft, at(0))
    expect((await j.search('judith')).entries.map((e) => e.outcome)).toEqual(['unknown'])
    await j.settle(id, { outcome: 'booked', reference: '1300:cc', message: null })

    expect((await j.search('judith')).entries.map((e) => e.outcome)).toEqual(['booked'])
  })
})

describe('BookingJournal day list', () => {
  it('lists one appointment day’s bookings by time, in the location’s zone, without refused ones', async () => {
    const j = journal()
    const labels = {
      location: 'Main Clinic',
      timeZone: 'Australia/Sydney',
      schedule: 'Main Appointment Schedule',
      appointmentType: 'Standard Consult',
      clinician: null,
    }
    const at = (time: string) => Date.parse(`2019-02-15T${time}+11:00`)
    const on = (time: string, firstName: string) =>
      guideDraft({ firstName, start: at(time), end: at(time) + 15 * 60_000 })
    await j.record(on('14:00', 'Afternoon'), NOW, labels)
    await j.record(on('00:15', 'JustAfterMidnight'), NOW, labels) // 14 Feb 13:15 UTC
    const refused = await j.record(on('09:00', 'Refused'), NOW, labels)
    await j.settle(refused, { outcome: 'failed', message: 'Refused' })
    await j.record(on('09:00', 'Morning'), NOW + 1, labels)
    await j.record(
      guideDraft({
        firstName: 'NextDay',
        start: at('23:45') + 30 * 60_000,
        end: at('23:45') + 45 * 60_000,
      }),
      NOW,
      labels,
    )

    const day = await j.listDay('2019-02-15')

    expect(day.map((e) => e.draft.firstName)).toEqual(['JustAfterMidnight', 'Morning', 'Afternoon'])
  })
})

describe('a journal file that cannot be read (finding 4)', () => {
  const busyOnce = (times: number) => {
    let left = times
    return (path: string): Promise<string> => {
      if (left-- > 0) {
        return Promise.reject(
          Object.assign(new Error(`EBUSY: resource busy or locked, open '${path}'`), {
            code: 'EBUSY',
          }),
        )
      }
      return readFile(path, 'utf8')
    }
  }

  it('never replaces it: what is recorded meanwhile waits, and joins the file once it reads', async () => {
    const first = journal()
    for (const at of [1_000, 2_000, 3_000]) await first.record(draft, at)
    await first.flushed()
    const logged: string[] = []
    const busy = new BookingJournal({
      file,
      zone: 'Australia/Sydney',
      now: () => NOW,
      emit: () => undefined,
      read: busyOnce(2),
      log: {
        debug: () => undefined,
        info: () => undefined,
        warn: (message) => void logged.push(message),
        error: (message) => void logged.push(message),
      },
    })

    await busy.record(draft, 4_000)
    const whileBusy = await busy.list().catch((thrown: unknown) => thrown as AppFailure)
    const onDiskWhileBusy = JSON.parse(await readFile(file, 'utf8')) as { entries: unknown[] }
    const afterwards = await busy.list()
    await busy.flushed()
    const onDiskAfter = JSON.parse(await readFile(file, 'utf8')) as { entries: unknown[] }

    expect(whileBusy).toBeInstanceOf(AppFailure)
    expect((whileBusy as AppFailure).error).toMatchObject({ code: 'STORAGE' })
    expect((whileBusy as AppFailure).error.message).toMatch(/cannot be read just now \(EBUSY\)/)
    expect(onDiskWhileBusy.entries).toHaveLength(3)
    expect(afterwards.map((entry) => entry.submittedAt)).toEqual([4_000, 3_000, 2_000, 1_000])
    expect(onDiskAfter.entries).toHaveLength(4)
    expect(logged.some((line) => /cannot read; not writing/.test(line))).toBe(true)
  })
})
