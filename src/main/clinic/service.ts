// Locations and everything the board needs about one: its schedules with their appointment types, and its clinicians.
import type { Location, LocationDetails, Schedule } from '../../shared/domain'
import { AppFailure } from '../../shared/result'
import { unreachableFailure, type OfflineBoard } from '../calendar/offline-board'
import type { Logger } from '../ipc/handle'
import type { OpenVpmsClient } from '../openvpms/client'

/** The client calls the clinic service makes. */
export type ClinicClient = Pick<
  OpenVpmsClient,
  'listLocations' | 'getLocation' | 'listSchedules' | 'listAppointmentTypes' | 'listLocationUsers'
>

/** The client of the current session; throws AppFailure NOT_CONNECTED when there is none. */
export type ClientProvider<Client> = () => Client

/** Thrown to a caller whose answer arrived after the session changed: it belongs to the previous connection. */
export function sessionChanged(): AppFailure {
  return new AppFailure({
    code: 'NOT_CONNECTED',
    message: 'The connection changed while this was loading: it was not used. Try again.',
  })
}

/** The clinic service's collaborators. */
export interface ClinicDeps {
  readonly getClient: ClientProvider<ClinicClient>
  readonly log?: Logger
  /** The board as last loaded for this connection, answered from when the server cannot be reached. */
  readonly offline?: () => OfflineBoard | null
}

const byName = <T extends { name: string; id: number }>(a: T, b: T): number =>
  a.name.localeCompare(b.name) || a.id - b.id

/** Locations and their details, cached per location until refreshed or the session changes. */
export class ClinicService {
  readonly #deps: ClinicDeps
  readonly #cache = new Map<number, Promise<LocationDetails>>()
  #locations: Promise<Location[]> | null = null
  #generation = 0

  constructor(deps: ClinicDeps) {
    this.#deps = deps
  }

  /** spec §3.1: the locations that take online bookings (as last listed while the server cannot be reached). */
  async listLocations(): Promise<Location[]> {
    const generation = this.#generation
    const board = this.#deps.offline?.() ?? null
    let locations: Location[]
    try {
      locations = await this.#deps.getClient().listLocations()
    } catch (thrown) {
      const kept = unreachableFailure(thrown) ? await board?.locations() : null
      if (!kept) throw thrown
      if (generation !== this.#generation) throw sessionChanged()
      return [...kept]
    }
    if (generation !== this.#generation) throw sessionChanged()
    this.#locations = Promise.resolve(locations)
    board?.keepLocations(locations)
    return locations
  }

  /**
   * The locations as last listed (listed now when never yet): a search across every location must not cost a round
   * trip of its own. Refreshed whenever the board lists them again.
   */
  knownLocations(): Promise<Location[]> {
    if (this.#locations) return this.#locations
    const loading = this.listLocations()
    this.#locations = loading
    loading.catch(() => {
      if (this.#locations === loading) this.#locations = null
    })
    return loading
  }

  /**
   * A location with its schedules (each with its appointment types) and its clinicians. Cached: the board asks for
   * it on every day change; `refresh` bypasses the cache (and replaces what it holds).
   */
  loadLocation(locationId: number, refresh = false): Promise<LocationDetails> {
    const cached = this.#cache.get(locationId)
    if (cached && !refresh) return cached
    const generation = this.#generation
    const board = this.#deps.offline?.() ?? null
    const loading = this.#fetch(locationId).then((details) => {
      if (generation !== this.#generation) throw sessionChanged()
      board?.keepLocation(details)
      return details
    })
    this.#cache.set(locationId, loading)
    // A failure is not remembered: the next call tries again.
    loading.catch(() => {
      if (this.#cache.get(locationId) === loading) this.#cache.delete(locationId)
    })
    if (!board) return loading
    // The kept copy answers this call only: the next one asks the server again.
    return loading.catch(async (thrown: unknown) => {
      const kept = unreachableFailure(thrown) ? await board.location(locationId) : null
      if (!kept) throw thrown
      if (generation !== this.#generation) throw sessionChanged()
      return kept
    })
  }

  /** The details of every location already loaded (or loading), without asking the server for more. */
  async loaded(): Promise<LocationDetails[]> {
    const settled = await Promise.allSettled([...this.#cache.values()])
    return settled.flatMap((each) => (each.status === 'fulfilled' ? [each.value] : []))
  }

  /** Forgets everything: the session changed, so the next answers come from another server or account. */
  reset(): void {
    this.#generation++
    this.#cache.clear()
    this.#locations = null
  }

  async #fetch(locationId: number): Promise<LocationDetails> {
    const client = this.#deps.getClient()
    // All in parallel; the types need the schedule ids, so they follow the schedules' answer at once.
    const [location, schedules, clinicians] = await Promise.all([
      client.getLocation(locationId),
      client.listSchedules(locationId).then((infos) =>
        Promise.all(
          infos.map(async (info): Promise<Schedule> => ({
            ...info,
            appointmentTypes: (await client.listAppointmentTypes(info.id)).sort(byName),
          })),
        ),
      ),
      client.listLocationUsers(locationId),
    ])
    this.#deps.log?.debug('clinic: loaded location', {
      locationId,
      schedules: schedules.length,
      clinicians: clinicians.length,
    })
    // spec §3.1: schedule order is unspecified, so sort for a board that does not reshuffle between loads.
    return { location, schedules: schedules.sort(byName), clinicians }
  }
}
