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
      vi.setSystemTime(new Date(2030, 1, 15, 23, 59))
      const journal = useJournalStore()
      await journal.load()
      journal.keepCurrent()

      vi.setSystemTime(new Date(2030, 1, 16, 0, 1))
      journal.keepCurrent()
      await vi.waitFor(() => expect(fake.callsTo('booking:listJournal')).toHaveLength(2))

      expect(fake.callsTo('booking:listJournal').map((request) => request.date)).toEqual([
        '2030-02-15',
        '2030-02-16',
      ])
    } finally {
      vi.useRealTimers()
    }
  })
})
