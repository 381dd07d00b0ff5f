import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { JournalEntry } from '../../../shared/domain'
import { api } from '../api'
import { useRequest } from './request'

/** How many matches the lookup box lists; the count above them says when there are more. */
export const MATCHES_SHOWN = 30

/**
 * Finding a client's bookings as the receptionist types in the lookup box: this desk's journal searched by name,
 * phone, email, patient or reference (main owns the journal and does the search).
 */
export const useClientSearchStore = defineStore('clientSearch', () => {
  /** The query the matches are for (trimmed). */
  const query = ref('')
  const matches = shallowRef<readonly JournalEntry[]>([])
  /** Every match, of which `matches` are the newest. */
  const total = ref(0)
  const request = useRequest()

  /** Searches for what is typed now; an answer to an earlier keystroke that arrives late is dropped. */
  async function search(typed: string): Promise<void> {
    const trimmed = typed.trim()
    query.value = trimmed
    if (trimmed === '') {
      matches.value = []
      total.value = 0
      request.reset()
      return
    }
    await request.run(
      () => api.journal.searchEntries({ query: trimmed, limit: MATCHES_SHOWN }),
      (found) => {
        matches.value = found.entries
        total.value = found.total
      },
    )
    // Matches for an earlier query must not stand under this one's error.
    if (request.status.value === 'error') {
      matches.value = []
      total.value = 0
    }
  }

  /** Asks again for the same query: the journal changed (a booking made or cancelled meanwhile). */
  function refresh(): Promise<void> {
    return query.value === '' ? Promise.resolve() : search(query.value)
  }

  function $reset(): void {
    request.reset()
    query.value = ''
    matches.value = []
    total.value = 0
  }

  return {
    query,
    matches,
    total,
    status: request.status,
    error: request.error,
    search,
    refresh,
    $reset,
  }
})
