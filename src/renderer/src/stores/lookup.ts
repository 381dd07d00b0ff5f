import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { BookingDetails, JournalEntry, SeriesCancelOutcome } from '../../../shared/domain'
import { normaliseReference } from '../../../shared/booking-reference'
import { fromJournal } from '../../../shared/journal-details'
import { api } from '../api'
import { useCalendarStore } from './calendar'
import { useJournalStore } from './journal'
import { useRequest } from './request'

/** Finding a booking by its reference, and cancelling it. */
export const useLookupStore = defineStore('lookup', () => {
  const calendar = useCalendarStore()
  const journal = useJournalStore()
  const reference = ref('')
  const details = shallowRef<BookingDetails | null>(null)
  const finding = useRequest()
  const cancelling = useRequest()
  /** The reference just cancelled, for the confirmation line. */
  const cancelled = ref<string | null>(null)
  /** How cancelling a course from the booking on screen on went, appointment by appointment. */
  const seriesCancelled = shallowRef<SeriesCancelOutcome | null>(null)
  /**
   * The journal entry the booking on screen was opened from (the client search), for the names it recorded; with no
   * reference, no answer came back when it was sent and the entry is all the desk has.
   */
  const entry = shallowRef<JournalEntry | null>(null)

  /**
   * Looks a reference up, normalised first (spaces removed, the UUID lower-cased, the older three-part form made
   * two-part: a reference read over the phone is typed every which way); the server decides the rest (spec §7.3).
   */
  async function find(typed: string, from: JournalEntry | null = null): Promise<void> {
    const trimmed = normaliseReference(typed)
    entry.value = from
    reference.value = trimmed
    details.value = null
    cancelled.value = null
    seriesCancelled.value = null
    cancelling.reset()
    if (trimmed === '') {
      finding.fail({ code: 'VALIDATION', message: 'Type or paste a booking reference.' })
      return
    }
    await finding.run(
      () => api.booking.get({ reference: trimmed }),
      (found) => {
        details.value = found
      },
    )
  }

  /**
   * Opens a booking found in the journal: live from the server by its reference (the journal's copy where the
   * server cannot show it, see main's booking service); an entry without a reference is shown as it was sent.
   */
  async function open(found: JournalEntry): Promise<void> {
    if (found.reference !== null) return find(found.reference, found)
    entry.value = found
    reference.value = ''
    details.value = fromJournal('', found)
    cancelled.value = null
    seriesCancelled.value = null
    cancelling.reset()
    finding.done()
  }

  /** Cancels the booking on screen (the component asks for confirmation first). */
  async function cancel(): Promise<boolean> {
    const target = details.value?.reference ?? reference.value
    if (target === '' || cancelling.status.value === 'loading') return false
    return cancelling.run(
      () => api.booking.cancel({ reference: target }),
      (done) => {
        cancelled.value = done.reference
        seriesCancelled.value = null
        details.value = null
        void calendar.load({ refresh: true })
        void journal.load()
      },
    )
  }

  /**
   * Cancels the booking on screen and every later booked appointment of its course (main goes one at a time in date
   * order and stops at the first it cannot cancel). The booking stays on screen when it was not cancelled itself.
   */
  async function cancelSeries(): Promise<boolean> {
    const target = details.value?.reference ?? ''
    if (target === '' || !details.value?.series || cancelling.status.value === 'loading')
      return false
    return cancelling.run(
      () => api.booking.cancelSeries({ reference: target }),
      (done) => {
        seriesCancelled.value = done
        cancelled.value = null
        const first = done.occurrences[0]?.status
        if (first === 'cancelled' || first === 'gone') details.value = null
        void calendar.load({ refresh: true })
        void journal.load()
      },
    )
  }

  /** The receptionist is editing the box: the last lookup's problem no longer describes what is there. */
  function clearError(): void {
    if (finding.status.value === 'error') finding.reset()
  }

  function $reset(): void {
    finding.reset()
    cancelling.reset()
    reference.value = ''
    details.value = null
    cancelled.value = null
    seriesCancelled.value = null
    entry.value = null
  }

  return {
    reference,
    details,
    status: finding.status,
    error: finding.error,
    cancelStatus: cancelling.status,
    cancelError: cancelling.error,
    cancelled,
    seriesCancelled,
    entry,
    find,
    open,
    cancel,
    cancelSeries,
    clearError,
    $reset,
  }
})
