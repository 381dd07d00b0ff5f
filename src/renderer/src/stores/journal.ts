import { defineStore } from 'pinia'
import { DateTime } from 'luxon'
import { shallowRef } from 'vue'
import type { JournalEntry } from '../../../shared/domain'
import { api } from '../api'
import { localToday } from '../dates'
import { useRequest } from './request'

/** Today's bookings from this desk: the journal main keeps, for the panel beside the board. */
export const useJournalStore = defineStore('journal', () => {
  const entries = shallowRef<readonly JournalEntry[]>([])
  const request = useRequest()
  /** The day the panel lists; it moves on at midnight (keepCurrent). */
  let day: string | null = null
  let unsubscribe: (() => void) | null = null

  async function load(): Promise<void> {
    day = localToday()
    const date = day
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
    request.reset()
  }

  return {
    entries,
    status: request.status,
    error: request.error,
    load,
    keepCurrent,
    listen,
    $reset,
  }
})
