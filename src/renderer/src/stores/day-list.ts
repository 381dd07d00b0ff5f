import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { IsoDate, JournalEntry } from '../../../shared/domain'
import type { CsvFile } from '../../../shared/ipc-contract'
import { api } from '../api'
import { useRequest } from './request'

/** A day's list of this desk's bookings, for printing, and the journal as CSV. */
export const useDayListStore = defineStore('dayList', () => {
  /** The appointment day listed (printed). */
  const date = ref<IsoDate | null>(null)
  const entries = shallowRef<readonly JournalEntry[]>([])
  const listing = useRequest()
  const exporting = useRequest()
  /** One line of trouble for the panel: the export's, else the list's. */
  const status = computed(() =>
    exporting.status.value === 'error' ? 'error' : listing.status.value,
  )
  const error = computed(() => exporting.error.value ?? listing.error.value)
  /** When the list was read, for the printed page's footnote. */
  const loadedAt = ref<number | null>(null)

  /** Reads one appointment day's bookings made at this desk; false when it could not. */
  function load(day: IsoDate): Promise<boolean> {
    // A new list replaces an old export failure (an export still on its way is kept).
    if (exporting.status.value === 'error') exporting.reset()
    return listing.run(
      () => api.journal.listDay({ date: day }),
      (listed) => {
        date.value = day
        entries.value = listed
        loadedAt.value = Date.now()
      },
    )
  }

  /** The journal (or one appointment day of it) as a CSV file; null when it could not be made. */
  async function exportCsv(day?: IsoDate): Promise<CsvFile | null> {
    let file: CsvFile | null = null
    await exporting.run(
      () => api.journal.exportCsv(day === undefined ? {} : { date: day }),
      (made) => {
        file = made
      },
    )
    return file
  }

  function $reset(): void {
    listing.reset()
    exporting.reset()
    date.value = null
    entries.value = []
    loadedAt.value = null
  }

  return {
    date,
    entries,
    status,
    error,
    loadedAt,
    load,
    exportCsv,
    $reset,
  }
})
