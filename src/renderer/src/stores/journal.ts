import { defineStore } from 'pinia'
import { DateTime } from 'luxon'
import { computed, ref, shallowRef } from 'vue'
import type { JournalEntry } from '../../../shared/domain'
import { isUnanswered } from '../../../shared/unconfirmed'
import { api } from '../api'
import { localToday } from '../dates'
import { useRequest } from './request'

/**
 * Today's bookings from this desk, for the panel beside the board, and its unanswered ones of any day, for the board
 * to mark: the journal main keeps.
 */
export const useJournalStore = defineStore('journal', () => {
  const all = shallowRef<readonly JournalEntry[]>([])
  /** Submitted today (the desk's own day). */
  const entries = computed(() => submittedToday(all.value))
  /** Sent without a usable answer, whatever day: the board marks them where their time shows busy. */
  const unconfirmed = computed(() => all.value.filter(isUnanswered))
  const request = useRequest()
  /** What main says about the journal file itself (a damaged one set aside at start), or null. */
  const notice = ref<string | null>(null)
  /** The day the panel lists; it moves on at midnight (keepCurrent). */
  let day: string | null = null
  let unsubscribe: (() => void) | null = null

  async function load(): Promise<void> {
    day = localToday()
    void api.journal.getNotice({}).then(
      (result) => (notice.value = result.ok ? result.data.notice : null),
      () => undefined,
    )
    await request.run(
      () => api.booking.listJournal({}),
      (listed) => {
        all.value = listed
      },
    )
  }

  /** A desk left open overnight lists the new day's bookings, not yesterday's (called by the periodic refresh). */
  function keepCurrent(): void {
    if (day !== null && day !== localToday()) void load()
  }

  /** Follows `booking:journalChanged`: the whole journal, as main keeps it. */
  function listen(): void {
    unsubscribe ??= api.on('booking:journalChanged', (changed) => {
      all.value = changed
      request.done()
    })
  }

  function $reset(): void {
    unsubscribe?.()
    unsubscribe = null
    day = null
    all.value = []
    notice.value = null
    request.reset()
  }

  return {
    /** The whole journal, as main keeps it (every day's submissions). */
    all,
    entries,
    notice,
    unconfirmed,
    status: request.status,
    error: request.error,
    load,
    keepCurrent,
    listen,
    $reset,
  }
})

function submittedToday(entries: readonly JournalEntry[]): JournalEntry[] {
  const today = localToday()
  return entries.filter((entry) => DateTime.fromMillis(entry.submittedAt).toISODate() === today)
}
