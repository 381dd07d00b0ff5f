import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type {
  AppointmentType,
  Clinician,
  Location,
  LocationDetails,
  Schedule,
} from '../../../shared/domain'
import { api } from '../api'
import { readStored, storageKeys, writeStored } from '../storage'
import { useRequest } from './request'
import { useSessionStore } from './session'

/** Which schedules a location's board shows, and in what order. */
export interface ScheduleChoice {
  /** Schedule ids in the receptionist's order; schedules missing here follow in natural order. */
  readonly order: readonly number[]
  /** Schedule ids not shown. */
  readonly hidden: readonly number[]
}

/** Natural order by name: "Consult Room 2" before "Consult Room 10" (the server sorts plainly, spec §3.1). */
const naturalOrder = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/** Remembered choices, per clinic server and location; bounded so storage cannot grow without end. */
const MAX_REMEMBERED_CHOICES = 50

/** The clinic's locations, the chosen one (remembered), and its schedules, types and clinicians. */
export const useClinicStore = defineStore('clinic', () => {
  const locations = shallowRef<readonly Location[]>([])
  const locationId = ref<number | null>(readStored<number>(storageKeys.locationId))
  const details = shallowRef<LocationDetails | null>(null)
  const request = useRequest()

  const location = computed(() => details.value?.location ?? null)
  const timeZone = computed(() => details.value?.location.timeZone ?? null)
  const schedules = computed<readonly Schedule[]>(() => details.value?.schedules ?? [])
  const clinicians = computed<readonly Clinician[]>(() => details.value?.clinicians ?? [])
  const scheduleChoice = shallowRef<ScheduleChoice | null>(null)

  /** Every schedule of the location in the board's order: the receptionist's, else natural by name. */
  const orderedSchedules = computed<readonly Schedule[]>(() => {
    const natural = [...schedules.value].sort(
      (a, b) => naturalOrder.compare(a.name, b.name) || a.id - b.id,
    )
    const order = scheduleChoice.value?.order ?? []
    const rank = (schedule: Schedule): number => {
      const index = order.indexOf(schedule.id)
      return index === -1 ? order.length : index
    }
    return natural
      .map((schedule, index) => ({ schedule, index }))
      .sort((a, b) => rank(a.schedule) - rank(b.schedule) || a.index - b.index)
      .map(({ schedule }) => schedule)
  })

  /** The schedules the board shows, in its order. */
  const shownSchedules = computed<readonly Schedule[]>(() => {
    const hidden = new Set(scheduleChoice.value?.hidden ?? [])
    return orderedSchedules.value.filter((schedule) => !hidden.has(schedule.id))
  })

  /** Where this location's choice is remembered: per clinic server (the demo is its own) and location. */
  function choiceKey(id: number): string {
    const session = useSessionStore().current
    const server = session?.mode === 'clinic' ? (session.serverUrl ?? 'clinic') : 'demo'
    return `${server}|${id}`
  }

  function readChoices(): Record<string, unknown> {
    const stored = readStored<unknown>(storageKeys.scheduleChoices)
    return stored && typeof stored === 'object' && !Array.isArray(stored)
      ? (stored as Record<string, unknown>)
      : {}
  }

  /** The remembered choice for a location; anything unreadable counts as none. */
  function rememberedChoice(id: number): ScheduleChoice | null {
    const stored = readChoices()[choiceKey(id)] as Partial<Record<keyof ScheduleChoice, unknown>>
    if (!stored || typeof stored !== 'object') return null
    const ids = (value: unknown): number[] =>
      Array.isArray(value) ? value.filter((entry): entry is number => Number.isInteger(entry)) : []
    return { order: ids(stored.order), hidden: ids(stored.hidden) }
  }

  /** Chooses the schedules shown and their order; remembered for this server and location. */
  function chooseSchedules(choice: ScheduleChoice): void {
    const id = locationId.value
    if (id === null) return
    const known = new Set(schedules.value.map((schedule) => schedule.id))
    const kept: ScheduleChoice = {
      order: choice.order.filter((scheduleId) => known.has(scheduleId)),
      hidden: choice.hidden.filter((scheduleId) => known.has(scheduleId)),
    }
    scheduleChoice.value = kept
    const key = choiceKey(id)
    const others = Object.entries(readChoices()).filter(([other]) => other !== key)
    writeStored(
      storageKeys.scheduleChoices,
      Object.fromEntries([...others.slice(-(MAX_REMEMBERED_CHOICES - 1)), [key, kept]]),
    )
  }

  /** The schedule with this id, when the location has it. */
  function scheduleById(id: number): Schedule | undefined {
    return schedules.value.find((schedule) => schedule.id === id)
  }

  /** The appointment type with this id on that schedule. */
  function typeOn(scheduleId: number, typeId: number): AppointmentType | undefined {
    return scheduleById(scheduleId)?.appointmentTypes.find((type) => type.id === typeId)
  }

  /** Every bookable type of the location, once each (types are shared between schedules). */
  const appointmentTypes = computed<readonly AppointmentType[]>(() => {
    const seen = new Map<number, AppointmentType>()
    for (const schedule of schedules.value)
      for (const type of schedule.appointmentTypes) if (!seen.has(type.id)) seen.set(type.id, type)
    return [...seen.values()]
  })

  function clinicianName(id: number | null): string | null {
    if (id === null) return null
    return clinicians.value.find((clinician) => clinician.id === id)?.name ?? `Clinician ${id}`
  }

  /** Loads the locations, then the remembered one (or the first). */
  async function load(): Promise<void> {
    await request.run(
      () => api.clinic.listLocations({}),
      async (listed) => {
        locations.value = listed
        const chosen = listed.find((candidate) => candidate.id === locationId.value) ?? listed[0]
        if (!chosen) {
          details.value = null
          request.fail({
            code: 'NOT_FOUND',
            message: 'This OpenVPMS has no location open for online booking.',
          })
          return
        }
        await select(chosen.id)
      },
    )
  }

  /** Chooses a location (remembered for next time) and loads its schedules and clinicians. */
  async function select(id: number, refresh = false): Promise<void> {
    locationId.value = id
    writeStored(storageKeys.locationId, id)
    await request.run(
      () => api.clinic.loadLocation({ locationId: id, refresh }),
      (loaded) => {
        details.value = loaded
        scheduleChoice.value = rememberedChoice(id)
      },
    )
  }

  function $reset(): void {
    request.reset()
    locations.value = []
    locationId.value = readStored<number>(storageKeys.locationId)
    details.value = null
    scheduleChoice.value = null
  }

  return {
    locations,
    locationId,
    details,
    status: request.status,
    error: request.error,
    location,
    timeZone,
    schedules,
    clinicians,
    scheduleChoice,
    orderedSchedules,
    shownSchedules,
    appointmentTypes,
    scheduleById,
    typeOn,
    clinicianName,
    load,
    select,
    chooseSchedules,
    $reset,
  }
})
