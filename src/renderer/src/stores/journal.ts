import { defineStore } from 'pinia'
import { DateTime } from 'luxon'
import { ref, shallowRef } from 'vue'
import type { JournalEntry } from '../../../shared/domain'
import type { AppError } from '../../../shared/result'
import { api } from '../api'
import { localToday } from '../dates'
import { unreachable, type Status } from './status'

/** Today's bookings from this desk: the journal main keeps, for the panel beside the board. */
export const useJournalStore = defineStore('journal', () => {
  const entries = shallowRef<readonly JournalEntry[]>([])
  const status = ref<Status>('idle')
  const error = ref<AppError | null>(null)
  /** The day the panel lists; it moves on at midnight (keepCurrent). */
  let day: string | null = null
  let unsubscribe: (() => void) | null = null

  async function load(): Promise<void> {
    status.value = 'loading'
    day = localToday()
    try {
      const result = await api.booking.listJournal({ date: day })
      if (!result.ok) {
        error.value = result.error
        status.value = 'error'
        return
      }
      entries.value = result.data
      error.value = null
      status.value = 'ready'
    } catch (cause) {
      error.value = unreachable(cause)
      status.value = 'error'
    }
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
      status.value = 'ready'
    })
  }

  function $reset(): void {
    unsubscribe?.()
    unsubscribe = null
    day = null
    entries.value = []
    status.value = 'idle'
    error.value = null
  }

  return { entries, status, error, load, keepCurrent, listen, $reset }
})
