import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { IsoDate, JournalEntry } from '../../../shared/domain'
import type { CsvFile } from '../../../shared/ipc-contract'
import type { AppError } from '../../../shared/result'
import { api } from '../api'
import { unreachable, type Status } from './request'

/** A day's list of this desk's bookings, for printing, and the journal as CSV. */
export const useDayListStore = defineStore('dayList', () => {
  /** The appointment day listed (printed). */
  const date = ref<IsoDate | null>(null)
  const entries = shallowRef<readonly JournalEntry[]>([])
  const status = ref<Status>('idle')
  const error = ref<AppError | null>(null)
  /** When the list was read, for the printed page's footnote. */
  const loadedAt = ref<number | null>(null)

  /** Reads one appointment day's bookings made at this desk; false when it could not. */
  async function load(day: IsoDate): Promise<boolean> {
    status.value = 'loading'
    error.value = null
    try {
      const result = await api.journal.listDay({ date: day })
      if (!result.ok) return failed(result.error)
      date.value = day
      entries.value = result.data
      loadedAt.value = Date.now()
      status.value = 'ready'
      return true
    } catch (cause) {
      return failed(unreachable(cause))
    }
  }

  /** The journal (or one appointment day of it) as a CSV file; null when it could not be made. */
  async function exportCsv(day?: IsoDate): Promise<CsvFile | null> {
    error.value = null
    try {
      const result = await api.journal.exportCsv(day === undefined ? {} : { date: day })
      if (result.ok) return result.data
      failed(result.error)
    } catch (cause) {
      failed(unreachable(cause))
    }
    return null
  }

  function failed(failure: AppError): false {
    error.value = failure
    status.value = 'error'
    return false
  }

  function $reset(): void {
    date.value = null
    entries.value = []
    status.value = 'idle'
    error.value = null
    loadedAt.value = null
  }

  return { date, entries, status, error, loadedAt, load, exportCsv, $reset }
})
