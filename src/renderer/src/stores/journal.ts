import { defineStore } from 'pinia'
import { DateTime } from 'luxon'
import { ref, shallowRef } from 'vue'
import type { JournalEntry } from '../../../shared/domain'
import { api } from '../api'
import { localToday } from '../dates'
import { useRequest } from './request'

/** Today's bookings from this desk: the journal main keeps, for the panel beside the board. */
export const useJournalStore = defineStore('journal', () => {
  const entries = shallowRef<readonly JournalEntry[]>([])
  const request = useRequest()
  /** What main says about the journal file itself (a damaged one set aside at start), or null. */
  const notice = ref<string | null>(null)
  /** The day the panel lists; it moves on at midnight (keepCurrent). */
  let day: string | null = null
  let unsubscribe: (() => void) | null = null

  async function load(): Promise<void> {
    day = localToday()
    const date = day
    void api.journal.getNotice({}).then(
      (result) => (notice.value = result.ok ? result.data.notice : null),
      () => undefined,
    )
    await request.run(
      () => api.booking.listJournal({ date }),
      (listed) => {
        entries.value = listed
      },
    )
  }

  /** A desk left open overnight lists the new day's bookings, not yesterday's (called by the periodic refresh). */
  function keepCurrent(): void {
    if (day !== null && day !== localToday()) void load()
  }

  /** Follows `booking:journalChanged`, keeping today's entries. */
  function listen(): void {
    unsubscribe ??= api.on('booking:journalChanged', (changed) => {
      const today = localToday()
      entries.value = changed.filter(
        (entry) => DateTime.fromMillis(entry.submittedAt).toISODate() === today,
      )
      request.done()
    })
  }

  function $reset(): void {
    unsubscribe?.()
    unsubscribe = null
    day = null
    entries.value = []
    notice.value = null
    request.reset()
  }

  return {
    entries,
    notice,
    status: request.status,
    error: request.error,
    load,
    keepCurrent,
    listen,
    $reset,
  }
})
