import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type {
  AppointmentType,
  Clinician,
  IsoDate,
  LocationDetails,
  NextAvailableResult,
} from '../../../shared/domain'
import type { FindNextAvailableRequest } from '../../../shared/ipc-contract'
import { api } from '../api'
import { parsePhrase, partsOfDay, type PartOfDay, type PhraseFilters } from '../search-phrase'
import { useCalendarStore } from './calendar'
import { useClinicStore } from './clinic'
import { useRequest } from './request'

/** What next-available searches for: every field is shown, so the desk never searches on a hidden guess. */
export interface SearchFilters {
  /** 'all' = every location; null until the board has a location (then it follows the board's). */
  readonly locationId: number | 'all' | null
  readonly appointmentTypeId: number | null
  /** null = any clinician. */
  readonly clinicianId: number | null
  /** null = today. */
  readonly fromDate: IsoDate | null
  readonly partOfDay: PartOfDay | null
  /** ISO weekday, 1 = Monday … 7 = Sunday; null = every day. */
  readonly weekday: number | null
  /** A time asked for, minutes from midnight: each day's times are ranked by closeness to it. */
  readonly near: number | null
  readonly days: number
}

/** Days searched unless the receptionist asks for more. */
export const DEFAULT_DAYS = 14
/** Times listed for a day when "more" is pressed. */
const MORE_PER_DAY = 48

const noFilters = (locationId: number | null): SearchFilters => ({
  locationId,
  appointmentTypeId: null,
  clinicianId: null,
  fromDate: null,
  partOfDay: null,
  weekday: null,
  near: null,
  days: DEFAULT_DAYS,
})

/** Next available in the caller's words; results belong to the search that made them. */
export const useNextAvailableStore = defineStore('nextAvailable', () => {
  const clinic = useClinicStore()
  const calendar = useCalendarStore()
  const filters = shallowRef<SearchFilters>(noFilters(clinic.locationId))
  /** What the last phrase could not place, shown beside the filters it chose. */
  const understood = shallowRef<PhraseFilters | null>(null)
  /** Where the phrase moved the search because the location had not what it named. */
  const moved = ref<string | null>(null)
  const result = shallowRef<NextAvailableResult | null>(null)
  /** The request that made `result`. */
  const searched = shallowRef<FindNextAvailableRequest | null>(null)
  const finding = useRequest()
  /** Every location's details, so "all locations" can offer their types and clinicians too. */
  const catalogue = shallowRef<readonly LocationDetails[]>([])
  let catalogueId = 0

  const scope = computed<readonly LocationDetails[]>(() => {
    const id = filters.value.locationId ?? clinic.locationId
    const known = catalogueOrBoard()
    return id === 'all' ? known : known.filter((details) => details.location.id === id)
  })
  const types = computed<readonly AppointmentType[]>(() =>
    uniqueById(
      scope.value.flatMap((details) => details.schedules.flatMap((s) => s.appointmentTypes)),
    ),
  )
  const clinicians = computed<readonly Clinician[]>(() =>
    uniqueById(scope.value.flatMap((details) => details.clinicians)),
  )

  /** Changes filters; the times found for the previous ones are dropped (they would read as this search's). */
  function setFilters(changes: Partial<SearchFilters>): void {
    filters.value = { ...filters.value, ...changes }
    understood.value = null
    moved.value = null
    clearResult()
  }

  function clearResult(): void {
    finding.reset()
    result.value = null
    searched.value = null
  }

  /** Reads a phrase into the filters (time filters replaced, the others kept unless it names them). */
  function applyPhrase(phrase: string): PhraseFilters | null {
    const zone = clinic.timeZone
    if (!zone) return null
    const read = parsePhrase(phrase, {
      now: Date.now(),
      zone,
      types: uniqueById(
        catalogueOrBoard().flatMap((d) => d.schedules.flatMap((s) => s.appointmentTypes)),
      ),
      clinicians: uniqueById(catalogueOrBoard().flatMap((d) => d.clinicians)),
      locations: clinic.locations,
    })
    setFilters({
      fromDate: read.fromDate ?? null,
      partOfDay: read.partOfDay ?? null,
      weekday: read.weekday ?? null,
      near: read.near ?? null,
      ...(read.locationId !== undefined && { locationId: read.locationId ?? 'all' }),
      ...(read.clinicianId !== undefined && { clinicianId: read.clinicianId }),
      ...(read.appointmentTypeId !== undefined && { appointmentTypeId: read.appointmentTypeId }),
    })
    understood.value = read
    moved.value = followWhatWasNamed(read)
    return read
  }

  /**
   * A type or clinician named in the phrase that the chosen location does not have: search where they are (one
   * location, or all), and say so — never a silent fallback to another type.
   */
  function followWhatWasNamed(read: PhraseFilters): string | null {
    const current = filters.value
    if (read.locationId !== undefined || current.locationId === 'all') return null
    if (read.appointmentTypeId === undefined && (read.clinicianId ?? null) === null) return null
    const known = catalogueOrBoard()
    const typeId = current.appointmentTypeId
    const clinicianId = current.clinicianId
    const fits = (details: LocationDetails): boolean =>
      (typeId === null ||
        details.schedules.some((s) => s.appointmentTypes.some((t) => t.id === typeId))) &&
      (clinicianId === null || details.clinicians.some((c) => c.id === clinicianId))
    const here = known.find((d) => d.location.id === (current.locationId ?? clinic.locationId))
    if (!here || fits(here)) return null
    const where = known.filter(fits)
    const [only] = where
    if (!only) return null
    const asked = [
      typeId === null
        ? null
        : known
            .flatMap((d) => d.schedules.flatMap((s) => s.appointmentTypes))
            .find((t) => t.id === typeId)?.name,
      clinicianId === null
        ? null
        : known.flatMap((d) => d.clinicians).find((c) => c.id === clinicianId)?.name,
    ]
      .filter(Boolean)
      .join(' with ')
    filters.value = { ...current, locationId: where.length === 1 ? only.location.id : 'all' }
    return where.length === 1
      ? `${asked}: not at ${here.location.name}, searching ${only.location.name}.`
      : `${asked}: not at ${here.location.name}, searching all locations.`
  }

  function catalogueOrBoard(): readonly LocationDetails[] {
    return catalogue.value.length > 0 ? catalogue.value : clinic.details ? [clinic.details] : []
  }

  /** The type and clinician the search will use: a type the scope does not have falls back to its first. */
  function effective(): SearchFilters {
    const current = filters.value
    const typeId = types.value.some((t) => t.id === current.appointmentTypeId)
      ? current.appointmentTypeId
      : (types.value[0]?.id ?? null)
    const clinicianId = clinicians.value.some((c) => c.id === current.clinicianId)
      ? current.clinicianId
      : null
    return { ...current, appointmentTypeId: typeId, clinicianId }
  }

  function requestFor(current: SearchFilters): FindNextAvailableRequest | null {
    const locationId = current.locationId ?? clinic.locationId
    if (current.appointmentTypeId === null || locationId === null) return null
    return {
      locationId: locationId === 'all' ? null : locationId,
      appointmentTypeId: current.appointmentTypeId,
      clinicianId: current.clinicianId,
      fromDate: current.fromDate ?? calendar.today ?? undefined,
      days: current.days,
      ...(current.partOfDay && { window: partsOfDay[current.partOfDay] }),
      ...(current.weekday !== null && { weekdays: [current.weekday] }),
      ...(current.near !== null && { near: current.near }),
    }
  }

  /** Runs the search the filters describe. */
  async function search(): Promise<void> {
    const current = effective()
    if (
      current.appointmentTypeId !== filters.value.appointmentTypeId ||
      current.clinicianId !== filters.value.clinicianId
    ) {
      filters.value = current
    }
    const request = requestFor(current)
    if (!request) return
    result.value = null
    searched.value = request
    await finding.run(
      () => api.calendar.findNextAvailable(request),
      (found) => {
        result.value = found
      },
    )
  }

  /** Every time of one day of the current result (one more round trip, for that day only). */
  async function more(date: IsoDate): Promise<void> {
    const request = searched.value
    const current = result.value
    if (!request || !current) return
    // Quiet: the times already listed stay while the day's others come; a new search drops this answer.
    await finding.run(
      () =>
        api.calendar.findNextAvailable({
          ...request,
          fromDate: date,
          days: 1,
          perDay: MORE_PER_DAY,
        }),
      (found) => {
        const [day] = found.days
        if (!day || result.value !== current) return
        result.value = {
          ...current,
          days: current.days.map((existing) => (existing.date === date ? day : existing)),
        }
      },
      { quiet: true },
    )
  }

  /** Loads every location's details (main caches them), for the types and clinicians of "all locations". */
  async function loadCatalogue(): Promise<void> {
    const id = ++catalogueId
    const answers = await Promise.all(
      clinic.locations.map((location) =>
        api.clinic.loadLocation({ locationId: location.id }).catch(() => null),
      ),
    )
    if (id !== catalogueId) return
    catalogue.value = answers.flatMap((answer) => (answer?.ok ? [answer.data] : []))
  }

  // The board moved to another location: a search of "this location" follows it, and its old times go.
  watch(
    () => clinic.locationId,
    (next) => {
      if (filters.value.locationId !== 'all' && next !== filters.value.locationId) {
        setFilters({ locationId: next })
      }
    },
  )
  watch(
    () => clinic.locations,
    () => void loadCatalogue(),
  )

  function $reset(): void {
    catalogueId++
    filters.value = noFilters(clinic.locationId)
    understood.value = null
    catalogue.value = []
    clearResult()
  }

  return {
    filters,
    understood,
    moved,
    result,
    searched,
    status: finding.status,
    error: finding.error,
    catalogue,
    types,
    clinicians,
    setFilters,
    applyPhrase,
    search,
    more,
    loadCatalogue,
    $reset,
  }
})

function uniqueById<T extends { readonly id: number }>(items: readonly T[]): T[] {
  const seen = new Map<number, T>()
  for (const item of items) if (!seen.has(item.id)) seen.set(item.id, item)
  return [...seen.values()]
}
