import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { Instant, SeriesOccurrenceCheck, SeriesOutcome } from '../../../shared/domain'
import type { BookingDraft } from '../../../shared/booking-draft'
import type { SeriesRule } from '../../../shared/series'
import { api } from '../api'
import { useBookingStore } from './booking'
import { useCalendarStore } from './calendar'
import { useJournalStore } from './journal'
import { useRequest } from './request'

/** What the receptionist chose for each appointment of the course: its time, or left out. */
export type Choice = Instant | 'skip'

/** Booking a course from the booking form: the repeat rule, each appointment checked, then sent one at a time. */
export const useSeriesStore = defineStore('series', () => {
  const calendar = useCalendarStore()
  const journal = useJournalStore()
  const enabled = ref(false)
  const every = ref(1)
  const unit = ref<SeriesRule['unit']>('week')
  const limit = ref<'count' | 'until'>('count')
  const count = ref(6)
  const until = ref('')
  const checks = shallowRef<readonly SeriesOccurrenceCheck[]>([])
  /** Per appointment: the start to send (its own, or the nearest free time), or left out. */
  const choices = ref<Choice[]>([])
  const outcome = shallowRef<SeriesOutcome | null>(null)
  const checking = useRequest()
  const sending = useRequest()

  // What the checked dates depend on: the first time, its length, the place and the clinician. When the form's draft
  // changes any of them (another time taken, another clinician) the list no longer describes what would be sent.
  const booking = useBookingStore()
  watch(
    () => {
      const draft = booking.draft
      return draft
        ? [
            draft.locationId,
            draft.scheduleId,
            draft.appointmentTypeId,
            draft.start,
            draft.end,
            draft.clinicianId,
          ].join()
        : ''
    },
    () => {
      if (checks.value.length > 0 || checking.status.value !== 'idle') invalidate()
    },
  )

  const rule = computed<SeriesRule>(() => ({
    every: every.value,
    unit: unit.value,
    ...(limit.value === 'count' ? { count: count.value } : { until: until.value }),
  }))
  /** The starts that will be sent, in date order. */
  const starts = computed<Instant[]>(() =>
    choices.value.filter((choice): choice is Instant => choice !== 'skip').sort((a, b) => a - b),
  )
  /** Every appointment is free as chosen (clashes moved to a free time or left out). */
  const ready = computed(
    () =>
      checks.value.length > 0 &&
      checks.value.every((check, index) => check.free || choices.value[index] !== check.start) &&
      starts.value.length >= 2,
  )

  /** Checks every appointment of the course against fresh free/busy; nothing is sent. */
  async function check(draft: BookingDraft): Promise<void> {
    outcome.value = null
    await checking.run(
      () => api.booking.checkSeries({ draft, rule: rule.value }),
      (found) => {
        checks.value = found
        choices.value = found.map((each) => each.start)
      },
    )
  }

  /** Takes the nearest free time for a clashing appointment, or leaves it out. */
  function choose(index: number, choice: Choice): void {
    const next = [...choices.value]
    next[index] = choice
    choices.value = next
  }

  /** Sends the course, one appointment at a time (main stops at the first not booked). */
  async function send(draft: BookingDraft): Promise<void> {
    if (!ready.value || sending.status.value === 'loading') return
    await sending.run(
      () => api.booking.createSeries({ draft, starts: starts.value }),
      (sent) => void (outcome.value = sent),
    )
    void calendar.load({ refresh: true })
    void journal.load()
  }

  /** The rule changed: what was checked no longer applies. */
  function invalidate(): void {
    checks.value = []
    choices.value = []
    checking.reset()
  }

  function $reset(): void {
    enabled.value = false
    every.value = 1
    unit.value = 'week'
    limit.value = 'count'
    count.value = 6
    until.value = ''
    outcome.value = null
    invalidate()
    sending.reset()
  }

  return {
    enabled,
    every,
    unit,
    limit,
    count,
    until,
    rule,
    checks,
    choices,
    starts,
    ready,
    outcome,
    checkStatus: checking.status,
    checkError: checking.error,
    sendStatus: sending.status,
    sendError: sending.error,
    check,
    choose,
    send,
    invalidate,
    $reset,
  }
})
