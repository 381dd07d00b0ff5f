import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import type { DayView, Fortnight, IsoDate } from '../../../shared/domain'
import { MAX_FORTNIGHT_DAYS, type GetFortnightRequest } from '../../../shared/ipc-contract'
import { api } from '../api'
import { stripStart } from '../fortnight'
import { useCalendarStore } from './calendar'
import { useClinicStore } from './clinic'
import { useRequest } from './request'

/** Days the strip shows at first; "Later" adds as many again, up to MAX_FORTNIGHT_DAYS. */
export const STRIP_DAYS = 14

/** The most schedule ids one request may name (the IPC schema's cap); more shown means all are asked for. */
const MAX_SCHEDULES = 100

/**
 * The fortnight at a glance: the bookable time left on each coming day, for the shown schedules or the chosen
 * clinician; the later fortnight holding the board's day when the board shows one past the coming days.
 */
export const useFortnightStore = defineStore('fortnight', () => {
  const clinic = useClinicStore()
  const calendar = useCalendarStore()
  /** Raw: replaced whole on every answer. */
  const fortnight = shallowRef<Fortnight | null>(null)
  const request = useRequest()
  const days = ref(STRIP_DAYS)
  /** What was last asked of main (wantedKey's form): a new question is asked once. */
  const askedKey = ref<string | null>(null)
  let unsubscribe: (() => void) | null = null

  /** What the strip asks main for now; null while the clinic or its day is not known yet. */
  const wanted = computed<GetFortnightRequest | null>(() => {
    const locationId = clinic.locationId
    const today = calendar.today
    const shown = clinic.shownSchedules
    if (locationId === null || today === null || clinic.location?.id !== locationId) return null
    if (shown.length === 0) return null
    const scheduleIds =
      shown.length === clinic.schedules.length || shown.length > MAX_SCHEDULES
        ? []
        : shown.map((schedule) => schedule.id)
    return {
      locationId,
      fromDate: stripStart(today, calendar.date, days.value),
      days: days.value,
      scheduleIds,
      clinicianId: calendar.bookingClinicianId,
    }
  })

  /** The strip starts later than today: the board shows a day past the coming days. */
  const fromLater = computed(
    () => wanted.value !== null && wanted.value.fromDate !== calendar.today,
  )

  /** A change of what is wanted (location, schedules, clinician, day) is a new question, never a refresh. */
  const wantedKey = computed(() => (wanted.value ? JSON.stringify(wanted.value) : null))

  /** True when the answer on screen is for what is wanted now. */
  const current = computed(
    () =>
      fortnight.value !== null &&
      wanted.value !== null &&
      fortnight.value.locationId === wanted.value.locationId &&
      fortnight.value.clinicianId === wanted.value.clinicianId &&
      fortnight.value.days[0]?.date === wanted.value.fromDate,
  )

  /**
   * Loads the strip. `refresh` asks the server again (the board's periodic refresh); otherwise main answers from the
   * ranged answers it keeps. The answer shown stays until the new one arrives.
   */
  async function load(options: { refresh?: boolean } = {}): Promise<void> {
    const asked = wanted.value
    askedKey.value = wantedKey.value
    if (!asked) {
      fortnight.value = null
      request.reset()
      return
    }
    await request.run(
      () => api.calendar.getFortnight({ ...asked, refresh: options.refresh }),
      (answer) => {
        fortnight.value = markRaw(answer)
      },
      { quiet: options.refresh === true && current.value },
    )
  }

  /** Shows more days, as far as main allows in one request. */
  function later(): Promise<void> {
    days.value = Math.min(days.value + STRIP_DAYS, MAX_FORTNIGHT_DAYS)
    return load()
  }

  const canShowLater = computed(() => days.value < MAX_FORTNIGHT_DAYS)

  /** Opens a day of the strip on the board. */
  function open(date: IsoDate): Promise<void> {
    return calendar.show(date)
  }

  // A booking or cancel (here or seen by main's revalidation) changed a day: main has dropped its ranged answers.
  function onDayUpdated(view: DayView): void {
    if (view.locationId === clinic.locationId) void load()
  }

  /** Starts following `calendar:dayUpdated`. */
  function listen(): void {
    unsubscribe ??= api.on('calendar:dayUpdated', onDayUpdated)
  }

  function $reset(): void {
    unsubscribe?.()
    unsubscribe = null
    request.reset()
    fortnight.value = null
    days.value = STRIP_DAYS
    askedKey.value = null
  }

  return {
    fortnight,
    status: request.status,
    error: request.error,
    days,
    wanted,
    wantedKey,
    askedKey,
    current,
    fromLater,
    canShowLater,
    load,
    later,
    open,
    listen,
    $reset,
  }
})
