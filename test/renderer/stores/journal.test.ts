import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { BookingDraft } from '../../../src/shared/domain'
import { ok } from '../../../src/shared/result'
import { useJournalStore } from '../../../src/renderer/src/stores/journal'
import { createFakeApi, type FakeApi } from '../helpers/fake-api'
import { installApi } from '../helpers/api-module'

vi.mock(
  '../../../src/renderer/src/api',
  async () => (await import('../helpers/api-module')).apiModule,
)

let fake: FakeApi

beforeEach(() => {
  setActivePinia(createPinia())
  fake = createFakeApi({ 'booking:listJournal': () => ok([]) })
  installApi(fake.api)
})

describe('journal store', () => {
  it("keeps only today's journal entries from a journal change", () => {
    const journal = useJournalStore()
    journal.listen()
    const draft = {} as BookingDraft
    const today = {
      reference: 'a:1',
      draft,
      submittedAt: Date.now(),
      outcome: 'booked' as const,
      message: null,
    }
    const lastYear = { ...today, reference: 'b:2', submittedAt: Date.now() - 365 * 86_400_000 }

    fake.emit('booking:journalChanged', [today, lastYear])

    expect(journal.entries.map((entry) => entry.reference)).toEqual(['a:1'])
  })

  it('moves the journal panel on to the new day when the desk is left open past midnight', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      const entry = (reference: string, submitted: Date) => ({
        reference,
        draft: {} as BookingDraft,
        submittedAt: submitted.getTime(),
        outcome: 'booked' as const,
        message: null,
      })
      const evening = entry('a:1', new Date(2030, 1, 15, 18, 0))
      const morning = entry('b:2', new Date(2030, 1, 16, 0, 0, 30))
      vi.setSystemTime(new Date(2030, 1, 15, 23, 59))
      fake.answer({ 'booking:listJournal': () => ok([evening]) })
      const journal = useJournalStore()
      await journal.load()
      journal.keepCurrent()
      const before = journal.entries.map((shown) => shown.reference)

      vi.setSystemTime(new Date(2030, 1, 16, 0, 1))
      fake.answer({ 'booking:listJournal': () => ok([morning, evening]) })
      journal.keepCurrent()
      await vi.waitFor(() => expect(fake.callsTo('booking:listJournal')).toHaveLength(2))
      await vi.waitFor(() =>
        expect(journal.entries.map((shown) => shown.reference)).toEqual(['b:2']),
      )

      expect(before).toEqual(['a:1'])
    } finally {
      vi.useRealTimers()
    }
  })

  it('keeps this desk’s unanswered bookings of any day for the board to mark', async () => {
    const sent = (submittedAt: number, outcome: 'unknown' | 'booked', message: string | null) => ({
      reference: null,
      draft: {} as BookingDraft,
      submittedAt,
      outcome,
      message,
    })
    const lastWeek = sent(Date.now() - 7 * 86_400_000, 'unknown', 'No usable answer came back.')
    const stillSending = sent(Date.now(), 'unknown', null)
    const answered = sent(Date.now(), 'booked', null)
    fake.answer({ 'booking:listJournal': () => ok([stillSending, answered, lastWeek]) })
    const journal = useJournalStore()

    await journal.load()

    expect(journal.unconfirmed).toEqual([lastWeek])
    expect(journal.entries).toHaveLength(2)
  })
})
