import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import type { DayView, IsoDate, OfflineNote } from '../../../shared/domain'
import { api } from '../api'
import { addDays, BOARD_REFRESH_MS, todayIn } from '../../../shared/time'
import { readStored, storageKeys, writeStored } from '../storage'
import { useClinicStore } from './clinic'
import { useRequest } from './request'

/** How often the visible day is refreshed while the desk is open. */
export const REFRESH_INTERVAL_MS = BOARD_REFRESH_MS

/** The most schedule ids one day request may name (the IPC schema's cap); more shown means all are asked for. */
const MAX_SCHEDULES_PER_DAY = 100

/** The visible day of the board and the clinician overlays (next-available search: stores/next-available.ts). */
export const useCalendarStore = defineStore('calendar', () => {
  const clinic = useClinicStore()
  const date = ref<IsoDate | null>(null)
  /** Raw: the board's blocks and rows are built from it, and deep reactivity would only cost time. */
  const day = shallowRef<DayView | null>(null)
  const dayRequest = useRequest()
  const shownClinicians = ref<number[]>(readStored<number[]>(storageKeys.shownClinicians) ?? [])
  /** The clinician a new booking is for: selection is limited to their real availability. */
  const bookingClinicianId = ref<number | null>(null)
  /** The clock `today` reads; ticked by the periodic refresh so the desk notices midnight. */
  const now = ref(Date.now())
  let unsubscribe: (() => void) | null = null

  const today = computed(() => (clinic.timeZone ? todayIn(clinic.timeZone, now.value) : null))
  const isToday = computed(() => date.value !== null && date.value === today.value)

  function matchesVisible(view: DayView): boolean {
    return view.locationId === clinic.locationId && view.date === date.value
  }

  /**
   * Loads the visible day. Main answers from its cache at once when it can; `refresh` skips that cache.
   * A newer request makes older answers stale: they are dropped (the user changed day faster than the network).
   */
  async function load(options: { refresh?: boolean } = {}): Promise<void> {
    const locationId = clinic.locationId
    const wanted = date.value
    if (locationId === null || wanted === null) return
    const background = options.refresh === true && day.value !== null && matchesVisible(day.value)
    // Only the shown schedules are asked for; [] asks for all of them.
    const shown = clinic.shownSchedules
    if (shown.length === 0 && clinic.schedules.length > 0) {
      dayRequest.done()
      return
    }
    const scheduleIds =
      shown.length === clinic.schedules.length || shown.length > MAX_SCHEDULES_PER_DAY
        ? []
        : shown.map((schedule) => schedule.id)
    await dayRequest.run(
      () =>
        api.calendar.loadDay({
          locationId,
          date: wanted,
          scheduleIds,
          refresh: options.refresh,
        }),
      (view) => {
        day.value = markRaw(view)
      },
      { quiet: background },
    )
  }

  /** True while the board still shows the previous day because the new one has not arrived yet. */
  const stale = computed(() => day.value !== null && !matchesVisible(day.value))

  /**
   * Set while the day shown is the one last loaded because the server cannot be reached: the board is then
   * read-only (its free time may have been taken since). Cleared by the next day the server sends.
   */
  const offline = computed<OfflineNote | null>(() =>
    day.value !== null && matchesVisible(day.value) ? (day.value.offline ?? null) : null,
  )

  /**
   * Shows a day (and loads it). The previous day stays drawn, dimmed, until the new one arrives: the board's
   * calendars are then updated in place instead of being torn down and rebuilt.
   */
  function show(next: IsoDate): Promise<void> {
    date.value = next
    return load()
  }

  /** Advances the clock `today` is computed from. */
  function tick(at: number = Date.now()): void {
    now.value = at
  }

  /** Moves by whole days. */
  function shift(days: number): Promise<void> {
    if (date.value === null) return Promise.resolve()
    return show(addDays(date.value, days))
  }

  /** Back to today in the location's zone. */
  function goToday(): Promise<void> {
    tick()
    return today.value ? show(today.value) : Promise.resolve()
  }

  /** A day main refreshed in the background: applied only when it is the one on screen. */
  function applyUpdate(view: DayView): void {
    if (!matchesVisible(view)) return
    day.value = markRaw(view)
    dayRequest.done()
  }

  /** Starts following `calendar:dayUpdated`. */
  function listen(): void {
    unsubscribe ??= api.on('calendar:dayUpdated', applyUpdate)
  }

  function toggleClinician(id: number): void {
    shownClinicians.value = shownClinicians.value.includes(id)
      ? shownClinicians.value.filter((shown) => shown !== id)
      : [...shownClinicians.value, id]
    writeStored(storageKeys.shownClinicians, shownClinicians.value)
  }

  /** Who a new booking is for: the board then lets the receptionist pick only their available time. */
  function bookFor(clinicianId: number | null): void {
    bookingClinicianId.value = clinicianId
  }

  function $reset(): void {
    unsubscribe?.()
    unsubscribe = null
    dayRequest.reset()
    date.value = null
    day.value = null
    shownClinicians.value = readStored<number[]>(storageKeys.shownClinicians) ?? []
    bookingClinicianId.value = null
  }

  return {
    date,
    day,
    status: dayRequest.status,
    error: dayRequest.error,
    shownClinicians,
    bookingClinicianId,
    now,
    today,
    isToday,
    stale,
    offline,
    load,
    show,
    shift,
    goToday,
    tick,
    applyUpdate,
    listen,
    toggleClinician,
    bookFor,
    $reset,
  }
})
