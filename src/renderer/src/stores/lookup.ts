import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { BookingDetails, JournalEntry } from '../../../shared/domain'
import type { AppError } from '../../../shared/result'
import { api } from '../api'
import { useCalendarStore } from './calendar'
import { useJournalStore } from './journal'
import { unreachable, type Status } from './status'

/** Finding a booking by its reference, and cancelling it. */
export const useLookupStore = defineStore('lookup', () => {
  const calendar = useCalendarStore()
  const journal = useJournalStore()
  const reference = ref('')
  const details = shallowRef<BookingDetails | null>(null)
  const status = ref<Status>('idle')
  const error = ref<AppError | null>(null)
  const cancelStatus = ref<Status>('idle')
  const cancelError = ref<AppError | null>(null)
  /** The reference just cancelled, for the confirmation line. */
  const cancelled = ref<string | null>(null)
  /**
   * The journal entry the booking on screen was opened from (the client search), for the names it recorded; with no
   * reference, no answer came back when it was sent and the entry is all the desk has.
   */
  const entry = shallowRef<JournalEntry | null>(null)
  let requestId = 0

  /**
   * Looks a reference up. It is trimmed (pasted text often carries spaces) but otherwise sent as typed: references
   * are opaque, and the server decides what is valid (spec §7.3: `Invalid booking reference`).
   */
  async function find(typed: string, from: JournalEntry | null = null): Promise<void> {
    const trimmed = typed.trim()
    entry.value = from
    reference.value = trimmed
    details.value = null
    cancelled.value = null
    cancelStatus.value = 'idle'
    cancelError.value = null
    if (trimmed === '') {
      error.value = { code: 'VALIDATION', message: 'Type or paste a booking reference.' }
      status.value = 'error'
      return
    }
    const id = ++requestId
    status.value = 'loading'
    error.value = null
    try {
      const result = await api.booking.get({ reference: trimmed })
      if (id !== requestId) return
      if (!result.ok) {
        error.value = result.error
        status.value = 'error'
        return
      }
      details.value = result.data
      status.value = 'ready'
    } catch (cause) {
      if (id !== requestId) return
      error.value = unreachable(cause)
      status.value = 'error'
    }
  }

  /**
   * Opens a booking found in the journal: live from the server by its reference (the journal's copy where the
   * server cannot show it, see main's booking service); an entry without a reference is shown as it was sent.
   */
  async function open(found: JournalEntry): Promise<void> {
    if (found.reference !== null) return find(found.reference, found)
    requestId++
    entry.value = found
    reference.value = ''
    details.value = { ...detailsOf(found), reference: '' }
    cancelled.value = null
    cancelStatus.value = 'idle'
    cancelError.value = null
    error.value = null
    status.value = 'ready'
  }

  /** Cancels the booking on screen (the component asks for confirmation first). */
  async function cancel(): Promise<boolean> {
    const target = details.value?.reference ?? reference.value
    if (target === '' || cancelStatus.value === 'loading') return false
    cancelStatus.value = 'loading'
    cancelError.value = null
    try {
      const result = await api.booking.cancel({ reference: target })
      if (!result.ok) {
        cancelError.value = result.error
        cancelStatus.value = 'error'
        return false
      }
      cancelled.value = result.data.reference
      details.value = null
      cancelStatus.value = 'ready'
      void calendar.load({ refresh: true })
      void journal.load()
      return true
    } catch (cause) {
      cancelError.value = unreachable(cause)
      cancelStatus.value = 'error'
      return false
    }
  }

  function $reset(): void {
    requestId++
    reference.value = ''
    details.value = null
    status.value = 'idle'
    error.value = null
    cancelStatus.value = 'idle'
    cancelError.value = null
    cancelled.value = null
    entry.value = null
  }

  return {
    reference,
    details,
    status,
    error,
    cancelStatus,
    cancelError,
    cancelled,
    entry,
    find,
    open,
    cancel,
    $reset,
  }
})

const blankToNull = (value: string): string | null => (value === '' ? null : value)

/** A journal entry as booking details: what this desk sent. */
function detailsOf({ draft, reference }: JournalEntry): BookingDetails {
  return {
    reference: reference ?? '',
    locationId: draft.locationId,
    scheduleId: draft.scheduleId,
    appointmentTypeId: draft.appointmentTypeId,
    start: draft.start,
    end: draft.end,
    title: blankToNull(draft.title),
    firstName: blankToNull(draft.firstName),
    lastName: blankToNull(draft.lastName),
    phone: blankToNull(draft.phone),
    mobile: blankToNull(draft.mobile),
    email: blankToNull(draft.email),
    patientName: blankToNull(draft.patientName),
    clinicianId: draft.clinicianId,
    source: 'journal',
    notes: blankToNull(draft.notes),
  }
}
