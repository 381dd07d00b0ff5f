import { defineStore } from 'pinia'
import { DateTime } from 'luxon'
import { computed, ref, shallowRef } from 'vue'
import type {
  BookingConfirmation,
  BookingDraft,
  Instant,
  JournalEntry,
  SlotSuggestion,
} from '../../../shared/domain'
import type { AppError, FieldError } from '../../../shared/result'
import { api } from '../api'
import { covers } from '../../../shared/intervals'
import { typeDuration } from '../../../shared/slots'
import { isoDateOf } from '../../../shared/time'
import { localToday } from '../dates'
import { readStored, storageKeys, writeStored } from '../storage'
import { useCalendarStore } from './calendar'
import { useClinicStore } from './clinic'
import { unreachable, type Status } from './status'

/** Where the booking dialog is: closed, choosing the type, filling the form, or showing the reference. */
export type BookingPhase = 'closed' | 'type' | 'form' | 'confirmed'

/** The customer part of a draft: what the receptionist types. */
export type CustomerFields = Pick<
  BookingDraft,
  'title' | 'firstName' | 'lastName' | 'mobile' | 'phone' | 'email' | 'patientName' | 'notes'
>

/** A free stretch the receptionist clicked or dragged on one schedule. */
export interface Selection {
  readonly scheduleId: number
  readonly start: Instant
  readonly end: Instant
}

const emptyCustomer: CustomerFields = {
  title: '',
  firstName: '',
  lastName: '',
  mobile: '',
  phone: '',
  email: '',
  patientName: '',
  notes: '',
}

interface StoredDraft {
  readonly phase: BookingPhase
  readonly draft: BookingDraft
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
// spec §7.2: the server keeps digits and '+' after dropping spaces, '-', '(' and ')', and cuts at anything else.
const PHONE = /^[\d\s+\-()]*$/

/** The checks the desk makes before sending, so the receptionist hears about them beside the field. */
export function validateDraft(draft: BookingDraft, now: Instant = Date.now()): FieldError[] {
  const errors: FieldError[] = []
  // spec §7.1 (10): first and last name are required and must not be blank.
  if (draft.firstName.trim() === '')
    errors.push({ field: 'firstName', message: 'First name is required.' })
  if (draft.lastName.trim() === '')
    errors.push({ field: 'lastName', message: 'Last name is required.' })
  if (draft.email.trim() !== '' && !EMAIL.test(draft.email.trim()))
    errors.push({ field: 'email', message: 'This does not look like an email address.' })
  if (!PHONE.test(draft.mobile))
    errors.push({ field: 'mobile', message: 'Use digits, spaces, +, - and brackets only.' })
  if (!PHONE.test(draft.phone))
    errors.push({ field: 'phone', message: 'Use digits, spaces, +, - and brackets only.' })
  // spec §7.1 (4): the server refuses bookings in the past.
  if (draft.start < now) errors.push({ field: 'start', message: 'This time has already passed.' })
  if (draft.appointmentTypeId <= 0)
    errors.push({ field: 'appointmentTypeId', message: 'Choose an appointment type.' })
  return errors
}

/** The booking dialog: selection → type → form → reference; its draft survives failures and restarts. */
export const useBookingStore = defineStore('booking', () => {
  const clinic = useClinicStore()
  const calendar = useCalendarStore()
  const stored = readStored<StoredDraft>(storageKeys.bookingDraft)
  const phase = ref<BookingPhase>(stored?.phase === 'form' ? 'form' : 'closed')
  // Replaced, never mutated: a plain object, so it crosses the contextBridge as it is (a Vue proxy would not).
  const draft = shallowRef<BookingDraft | null>(stored?.phase === 'form' ? stored.draft : null)
  const selection = shallowRef<Selection | null>(null)
  const status = ref<Status>('idle')
  const error = ref<AppError | null>(null)
  const localErrors = ref<FieldError[]>([])
  const confirmation = shallowRef<BookingConfirmation | null>(null)
  const journal = shallowRef<readonly JournalEntry[]>([])
  const journalStatus = ref<Status>('idle')
  const journalError = ref<AppError | null>(null)
  let unsubscribe: (() => void) | null = null

  /** Errors to show beside fields: the desk's own checks, then the server's. */
  const fieldErrors = computed<readonly FieldError[]>(() => [
    ...localErrors.value,
    ...(error.value?.fieldErrors ?? []),
  ])
  const alternatives = computed<readonly SlotSuggestion[]>(() =>
    error.value?.code === 'CONFLICT' ? (error.value.alternatives ?? []) : [],
  )

  function persist(): void {
    writeStored(
      storageKeys.bookingDraft,
      draft.value && phase.value === 'form' ? { phase: phase.value, draft: draft.value } : null,
    )
  }

  function clearErrors(): void {
    error.value = null
    localErrors.value = []
    status.value = 'idle'
  }

  function customerOf(current: BookingDraft | null): CustomerFields {
    if (!current) return emptyCustomer
    const { title, firstName, lastName, mobile, phone, email, patientName, notes } = current
    return { title, firstName, lastName, mobile, phone, email, patientName, notes }
  }

  /** A click or drag on free time: next, the receptionist chooses the type. */
  function begin(chosen: Selection): void {
    selection.value = chosen
    confirmation.value = null
    clearErrors()
    phase.value = 'type'
  }

  /** The type decides the length: slots × the schedule's slot size from the selection's start. */
  function chooseType(appointmentTypeId: number): void {
    const chosen = selection.value
    const locationId = clinic.locationId
    if (!chosen || locationId === null) return
    const schedule = clinic.scheduleById(chosen.scheduleId)
    const type = clinic.typeOn(chosen.scheduleId, appointmentTypeId)
    if (!schedule || !type) return
    draft.value = {
      ...customerOf(draft.value),
      locationId,
      scheduleId: chosen.scheduleId,
      appointmentTypeId,
      start: chosen.start,
      end: chosen.start + typeDuration(schedule, type),
      clinicianId: calendar.bookingClinicianId,
    }
    clearErrors()
    phase.value = 'form'
    persist()
  }

  /** A next-available suggestion (or a conflict's alternative): the form opens with that time and type. */
  function beginFromSuggestion(suggestion: SlotSuggestion): void {
    const locationId = clinic.locationId
    if (locationId === null) return
    draft.value = {
      ...customerOf(draft.value),
      locationId,
      scheduleId: suggestion.scheduleId,
      appointmentTypeId: suggestion.appointmentTypeId,
      start: suggestion.start,
      end: suggestion.end,
      clinicianId: suggestion.clinicianId ?? draft.value?.clinicianId ?? null,
    }
    selection.value = {
      scheduleId: suggestion.scheduleId,
      start: suggestion.start,
      end: suggestion.end,
    }
    confirmation.value = null
    clearErrors()
    phase.value = 'form'
    persist()
  }

  /** Edits the form (saved at once, so a crash loses nothing). */
  function update(fields: Partial<CustomerFields> & { clinicianId?: number | null }): void {
    if (!draft.value) return
    draft.value = { ...draft.value, ...fields }
    localErrors.value = localErrors.value.filter((problem) => !(problem.field in fields))
    persist()
  }

  function clinicianProblem(current: BookingDraft): FieldError | null {
    const view = calendar.day
    if (current.clinicianId === null || !view || view.locationId !== current.locationId) return null
    const zone = clinic.timeZone
    if (!zone || isoDateOf(current.start, zone) !== view.date) return null
    const theirs = view.clinicians.find((entry) => entry.clinicianId === current.clinicianId)
    const available = theirs?.available[current.scheduleId] ?? []
    if (covers(available, current)) return null
    return {
      field: 'clinicianId',
      message: `${clinic.clinicianName(current.clinicianId)} is not available for the whole of this time.`,
    }
  }

  /** Checks, then sends. On success the board and the journal refresh; on failure the draft stays. */
  async function submit(): Promise<boolean> {
    const current = draft.value
    if (!current || status.value === 'loading') return false
    const problems = validateDraft(current)
    const clinician = clinicianProblem(current)
    if (clinician) problems.push(clinician)
    localErrors.value = problems
    if (problems.length > 0) {
      error.value = { code: 'VALIDATION', message: 'Please correct the fields marked below.' }
      status.value = 'error'
      return false
    }
    status.value = 'loading'
    error.value = null
    try {
      const result = await api.booking.create({ draft: current })
      if (!result.ok) {
        error.value = result.error
        status.value = 'error'
        // The board is out of date when the time was taken meanwhile, or may have been taken by this very
        // booking when its answer never came (issue 6).
        if (result.error.code === 'CONFLICT' || result.error.code === 'OUTCOME_UNKNOWN')
          void calendar.load({ refresh: true })
        return false
      }
      confirmation.value = result.data
      draft.value = null
      selection.value = null
      status.value = 'ready'
      phase.value = 'confirmed'
      persist()
      void calendar.load({ refresh: true })
      void loadJournal()
      return true
    } catch (cause) {
      error.value = unreachable(cause)
      status.value = 'error'
      return false
    }
  }

  /** Closes the dialog; an unsent form stays saved and reopens from "Resume". */
  function close(): void {
    phase.value = 'closed'
    if (status.value !== 'loading') clearErrors()
  }

  /** Reopens a saved, unsent form. */
  function resume(): void {
    if (draft.value) phase.value = 'form'
  }

  /** Throws the unsent form away. */
  function discard(): void {
    draft.value = null
    selection.value = null
    phase.value = 'closed'
    clearErrors()
    writeStored(storageKeys.bookingDraft, null)
  }

  /** The day the journal panel lists; it moves on at midnight (keepJournalCurrent). */
  let journalDay: string | null = null

  async function loadJournal(): Promise<void> {
    journalStatus.value = 'loading'
    journalDay = localToday()
    try {
      const result = await api.booking.listJournal({ date: journalDay })
      if (!result.ok) {
        journalError.value = result.error
        journalStatus.value = 'error'
        return
      }
      journal.value = result.data
      journalError.value = null
      journalStatus.value = 'ready'
    } catch (cause) {
      journalError.value = unreachable(cause)
      journalStatus.value = 'error'
    }
  }

  /** A desk left open overnight lists the new day's bookings, not yesterday's (called by the periodic refresh). */
  function keepJournalCurrent(): void {
    if (journalDay !== null && journalDay !== localToday()) void loadJournal()
  }

  /** Follows `booking:journalChanged`, keeping today's entries. */
  function listen(): void {
    unsubscribe ??= api.on('booking:journalChanged', (entries) => {
      const today = localToday()
      journal.value = entries.filter(
        (entry) => DateTime.fromMillis(entry.submittedAt).toISODate() === today,
      )
      journalStatus.value = 'ready'
    })
  }

  function $reset(): void {
    unsubscribe?.()
    unsubscribe = null
    phase.value = 'closed'
    draft.value = null
    selection.value = null
    confirmation.value = null
    journal.value = []
    journalStatus.value = 'idle'
    journalError.value = null
    clearErrors()
    writeStored(storageKeys.bookingDraft, null)
  }

  return {
    phase,
    draft,
    selection,
    status,
    error,
    fieldErrors,
    alternatives,
    confirmation,
    journal,
    journalStatus,
    journalError,
    begin,
    chooseType,
    beginFromSuggestion,
    update,
    submit,
    close,
    resume,
    discard,
    loadJournal,
    keepJournalCurrent,
    listen,
    $reset,
  }
})
