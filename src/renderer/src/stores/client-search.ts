import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { JournalEntry } from '../../../shared/domain'
import type { AppError } from '../../../shared/result'
import { api } from '../api'
import { unreachable, type Status } from './status'

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
  const status = ref<Status>('idle')
  const error = ref<AppError | null>(null)
  let requestId = 0

  /** Searches for what is typed now; an answer to an earlier keystroke that arrives late is dropped. */
  async function search(typed: string): Promise<void> {
    const trimmed = typed.trim()
    const id = ++requestId
    query.value = trimmed
    if (trimmed === '') {
      matches.value = []
      total.value = 0
      status.value = 'idle'
      error.value = null
      return
    }
    status.value = 'loading'
    try {
      const result = await api.journal.searchEntries({ query: trimmed, limit: MATCHES_SHOWN })
      if (id !== requestId) return
      if (!result.ok) {
        matches.value = []
        total.value = 0
        error.value = result.error
        status.value = 'error'
        return
      }
      matches.value = result.data.entries
      total.value = result.data.total
      error.value = null
      status.value = 'ready'
    } catch (cause) {
      if (id !== requestId) return
      error.value = unreachable(cause)
      status.value = 'error'
    }
  }

  /** Asks again for the same query: the journal changed (a booking made or cancelled meanwhile). */
  function refresh(): Promise<void> {
    return query.value === '' ? Promise.resolve() : search(query.value)
  }

  function $reset(): void {
    requestId++
    query.value = ''
    matches.value = []
    total.value = 0
    status.value = 'idle'
    error.value = null
  }

  return { query, matches, total, status, error, search, refresh, $reset }
})
