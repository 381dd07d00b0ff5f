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
      },
    )
  }

  function $reset(): void {
    request.reset()
    locations.value = []
    locationId.value = readStored<number>(storageKeys.locationId)
    details.value = null
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
    appointmentTypes,
    scheduleById,
    typeOn,
    clinicianName,
    load,
    select,
    $reset,
  }
})
