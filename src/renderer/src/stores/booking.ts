import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type {
  BookingConfirmation,
  Instant,
  JournalEntry,
  SlotSuggestion,
} from '../../../shared/domain'
import {
  customerOf,
  customerProblems,
  emptyCustomer,
  parseDraft,
  type BookingDraft,
  type CustomerFields,
} from '../../../shared/booking-draft'
import type { FieldError } from '../../../shared/result'
import { api } from '../api'
import { covers, overlaps } from '../../../shared/intervals'
import { typeDuration } from '../../../shared/slots'
import { formatClock, formatTime, isoDateOf } from '../../../shared/time'
import { bookedSentence, correctSentence, spokenDay } from '../announcements'
import { bookingMessage } from '../messages'
import { readChecked, storageKeys, writeStored } from '../storage'
import { useAnnouncerStore } from './announcer'
import { useCalendarStore } from './calendar'
import { useClinicStore } from './clinic'
import { useJournalStore } from './journal'
import { useRequest } from './request'

/** Where the booking dialog is: closed, choosing the type, filling the form, or showing the reference. */
export type BookingPhase = 'closed' | 'type' | 'form' | 'confirmed'

export type { CustomerFields }

/** A free stretch the receptionist clicked or dragged on one schedule. */
export interface Selection {
  readonly scheduleId: number
  readonly start: Instant
  readonly end: Instant
}

/**
 * The unsent form as kept in localStorage (`{ phase: 'form', draft }`), so a crash or restart loses nothing typed.
 * Anything else kept there (null, a number, another phase) has no `phase: 'form'` and is refused.
 */
function readBackForm(value: unknown): BookingDraft | null {
  const { phase, draft } = Object(value) as { phase?: unknown; draft?: unknown }
  return phase === 'form' ? parseDraft(draft) : null
}

// Names typed at different times match whatever their case ("judith" is "Judith"); accents still count.
const caseless = new Intl.Collator(undefined, { sensitivity: 'accent' })
const sameText = (a: string, b: string): boolean => caseless.compare(a.trim(), b.trim()) === 0

/** What the receptionist reads when the kept form could not be read back. */
export const setAsideNotice =
  'A booking form kept from earlier could not be read back (it was damaged, or saved by an older version), so it was set aside. Nothing was booked from it.'

/** The checks the desk makes before sending, so the receptionist hears about them beside the field. */
export function validateDraft(draft: BookingDraft, now: Instant = Date.now()): FieldError[] {
  const errors = customerProblems(draft)
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
  const journal = useJournalStore()
  const announcer = useAnnouncerStore()
  const stored = readChecked(storageKeys.bookingDraft, readBackForm)
  const phase = ref<BookingPhase>(stored.value ? 'form' : 'closed')
  // Replaced, never mutated: a plain object, so it crosses the contextBridge as it is (a Vue proxy would not).
  const draft = shallowRef<BookingDraft | null>(stored.value)
  /** Set when a kept form could not be read back; the receptionist dismisses it. */
  const notice = ref<string | null>(stored.setAside ? setAsideNotice : null)
  const selection = shallowRef<Selection | null>(null)
  const sending = useRequest()
  const { status, error } = sending
  const localErrors = ref<FieldError[]>([])
  const confirmation = shallowRef<BookingConfirmation | null>(null)
  /**
   * The time of a booking sent with no answer back (OUTCOME_UNKNOWN): it may exist, so the form offers "Check
   * again" and "Book anyway" (after a second confirmation) instead of sending it again.
   */
  const unconfirmed = shallowRef<{ scheduleId: number; start: Instant; end: Instant } | null>(null)
  /** What "Check again" found, with the time it looked. */
  const checked = ref<string | null>(null)
  /** A booking this desk already has for the same customer and patient that day, shown before sending again. */
  const duplicate = shallowRef<JournalEntry | null>(null)

  /** Errors to show beside fields: the desk's own checks, then the server's. */
  const fieldErrors = computed<readonly FieldError[]>(() => [
    ...localErrors.value,
    ...(error.value?.fieldErrors ?? []),
  ])
  const alternatives = computed<readonly SlotSuggestion[]>(() =>
    error.value?.code === 'CONFLICT' ? (error.value.alternatives ?? []) : [],
  )

  // The draft is kept while there is one, whether the form is open or closed for "Resume" (it reopens as a form).
  function persist(): void {
    writeStored(
      storageKeys.bookingDraft,
      draft.value ? { phase: 'form', draft: draft.value } : null,
    )
  }

  // A booking on its way is never forgotten: its answer (the reference) must still be shown when it comes.
  function clearErrors(): void {
    localErrors.value = []
    duplicate.value = null
    if (status.value !== 'loading') sending.reset()
  }

  /** A new time or a new form: what was said about the previous attempt no longer applies. */
  function forgetAttempt(): void {
    unconfirmed.value = null
    checked.value = null
  }

  /** A click or drag on free time: next, the receptionist chooses the type. */
  function begin(chosen: Selection): void {
    selection.value = chosen
    confirmation.value = null
    clearErrors()
    forgetAttempt()
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

  /**
   * A next-available suggestion (or a conflict's alternative, or a waitlist opening with its caller): the form opens
   * with that time and type, and the caller's details when given.
   */
  function beginFromSuggestion(
    suggestion: SlotSuggestion,
    customer?: Partial<CustomerFields>,
  ): void {
    draft.value = {
      ...(customer ? { ...emptyCustomer, ...customer } : customerOf(draft.value)),
      // The suggestion's own location: a time found at another location is booked there.
      locationId: suggestion.locationId,
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
    forgetAttempt()
    phase.value = 'form'
    persist()
  }

  /** Edits the form (saved at once, so a crash loses nothing). */
  function update(fields: Partial<CustomerFields> & { clinicianId?: number | null }): void {
    if (!draft.value) return
    draft.value = { ...draft.value, ...fields }
    duplicate.value = null
    localErrors.value = localErrors.value.filter((problem) => !(problem.field in fields))
    persist()
  }

  function clinicianProblem(current: BookingDraft): FieldError | null {
    const view = calendar.day
    if (current.clinicianId === null || !view || view.locationId !== current.locationId) return null
    const zone = clinic.timeZone
    if (!zone || isoDateOf(current.start, zone) !== view.date) return null
    const theirs = view.clinicians.find((entry) => entry.clinicianId === current.clinicianId)
    const available = theirs?.available[current.scheduleId]
    if (available && covers(available, current)) return null
    return {
      field: 'clinicianId',
      message: `${clinic.clinicianName(current.clinicianId)} is not available for the whole of this time.`,
    }
  }

  /** A booking this desk already has (booked or unanswered) for the same customer and patient on the same day. */
  function sameCustomerThatDay(current: BookingDraft): JournalEntry | null {
    const zone = clinic.timeZone ?? 'UTC'
    const samePeople = (d: BookingDraft): boolean =>
      sameText(d.firstName, current.firstName) &&
      sameText(d.lastName, current.lastName) &&
      sameText(d.patientName, current.patientName)
    return (
      // The whole journal: a booking for that day may have been made on another day.
      [...journal.all]
        .filter(
          (entry) =>
            (entry.outcome === 'booked' || entry.outcome === 'unknown') &&
            entry.draft.locationId === current.locationId &&
            samePeople(entry.draft) &&
            isoDateOf(entry.draft.start, zone) === isoDateOf(current.start, zone),
        )
        .sort((a, b) => b.submittedAt - a.submittedAt)[0] ?? null
    )
  }

  /**
   * Checks, then sends. On success the board and the journal refresh; on failure the draft stays. After a booking
   * got no answer, only `{ anyway: true }` (the second confirmation) sends again; a booking this desk already has
   * for the same customer and patient that day is shown first, and `{ alsoThisOne: true }` sends after it.
   */
  async function submit(
    options: { readonly anyway?: boolean; readonly alsoThisOne?: boolean } = {},
  ): Promise<boolean> {
    const current = draft.value
    if (!current || status.value === 'loading') return false
    if (unconfirmed.value && overlaps(unconfirmed.value, current) && !options.anyway) return false
    const earlier = options.alsoThisOne || options.anyway ? null : sameCustomerThatDay(current)
    duplicate.value = earlier
    if (earlier) return false
    const problems = validateDraft(current)
    const clinician = clinicianProblem(current)
    if (clinician) problems.push(clinician)
    localErrors.value = problems
    if (problems.length > 0) {
      sending.fail({ code: 'VALIDATION', message: 'Please correct the fields marked below.' })
      announcer.say(correctSentence(problems.map((problem) => problem.message)), 'assertive')
      return false
    }
    announcer.say('Sending the booking…')
    const booked = await sending.run(
      () => api.booking.create({ draft: current }),
      (made) => {
        confirmation.value = made
        draft.value = null
        selection.value = null
        phase.value = 'confirmed'
        persist()
        void calendar.load({ refresh: true })
        void journal.load()
      },
    )
    // The board is out of date when the time was taken meanwhile, or may have been taken by this very booking when
    // its answer never came.
    const code = error.value?.code
    if (code === 'CONFLICT' || code === 'OUTCOME_UNKNOWN') void calendar.load({ refresh: true })
    if (code === 'OUTCOME_UNKNOWN') {
      unconfirmed.value = { scheduleId: current.scheduleId, start: current.start, end: current.end }
      checked.value = null
      void journal.load()
    }
    if (booked) forgetAttempt()
    announceOutcome(current)
    return booked
  }

  /** Says how the last send ended: the reference in groups, or what went wrong ("unknown" is not "failed"). */
  function announceOutcome(sent: BookingDraft): void {
    // Set only by this send's success: every way to a new send (begin, a suggestion) clears the previous one.
    const made = confirmation.value
    if (made) {
      const zone = clinic.timeZone ?? 'UTC'
      const what = [
        clinic.typeOn(sent.scheduleId, sent.appointmentTypeId)?.name,
        `${spokenDay(isoDateOf(sent.start, zone))} at ${formatTime(sent.start, zone)}`,
        clinic.scheduleById(sent.scheduleId)?.name,
        // Both names are required before sending.
        `for ${sent.firstName} ${sent.lastName}`,
      ]
        .filter(Boolean)
        .join(', ')
      announcer.say(bookedSentence(what, made.reference))
      return
    }
    const failure = error.value
    if (!failure) return
    if (failure.code === 'VALIDATION') {
      const messages = fieldErrors.value.map((problem) => problem.message)
      announcer.say(
        messages.length > 0 ? correctSentence(messages) : bookingMessage(failure),
        'assertive',
      )
    } else {
      // No answer is not a refusal: the booking may exist, and the receptionist must hear exactly that.
      const lead =
        failure.code === 'OUTCOME_UNKNOWN'
          ? 'No answer came back: the booking may exist.'
          : 'Not booked.'
      announcer.say(`${lead} ${bookingMessage(failure)}`, 'assertive')
    }
  }

  /** "Check again": re-reads the time's free/busy (the board's day) and the journal, and says what it saw when. */
  async function checkAgain(): Promise<void> {
    const slot = unconfirmed.value
    const zone = clinic.timeZone
    if (!slot || !zone) return
    const day = isoDateOf(slot.start, zone)
    await Promise.all([
      calendar.date === day ? calendar.load({ refresh: true }) : calendar.show(day),
      journal.load(),
    ])
    const view = calendar.day
    // A day that failed to load, another day, or one kept from before the server went says nothing about the time now.
    const column =
      calendar.status === 'ready' && view?.date === day && !view.offline
        ? view.schedules.find((s) => s.scheduleId === slot.scheduleId)
        : undefined
    const at = formatClock(Date.now(), zone)
    if (!column) {
      checked.value = `Checked again at ${at}: the time could not be read. Look in the appointment book before booking again.`
    } else if (column.busy.some((busy) => overlaps(busy, slot))) {
      checked.value = `Checked again at ${at}: the time now shows as taken — most likely this desk’s booking went through. Check the appointment book; do not book it again.`
    } else {
      checked.value = `Checked again at ${at}: the time still shows as free, so the booking most likely did not go through — but a slow server may still save it.`
    }
  }

  /** Closes the dialog; an unsent form stays saved and reopens from "Resume". */
  function close(): void {
    phase.value = 'closed'
    clearErrors()
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
    forgetAttempt()
    writeStored(storageKeys.bookingDraft, null)
  }

  /** The receptionist has read the set-aside notice. */
  function dismissNotice(): void {
    notice.value = null
  }

  function $reset(): void {
    phase.value = 'closed'
    draft.value = null
    selection.value = null
    confirmation.value = null
    notice.value = null
    localErrors.value = []
    sending.reset()
    forgetAttempt()
    duplicate.value = null
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
    notice,
    unconfirmed,
    checked,
    duplicate,
    checkAgain,
    begin,
    chooseType,
    beginFromSuggestion,
    update,
    submit,
    close,
    resume,
    discard,
    dismissNotice,
    $reset,
  }
})
