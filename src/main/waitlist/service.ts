// The waitlist's requests: list, add, edit, remove, mark done. Names are resolved against the clinic when an entry
// is saved, so the panel, the banner and the notification read the same words the board shows.
import type { LocationDetails } from '../../shared/domain'
import { AppFailure, type FieldError } from '../../shared/result'
import type { WaitlistEntry, WaitlistLabels, WaitlistRequest } from '../../shared/waitlist'
import type { ClinicService } from '../clinic/service'
import type { WaitlistStore } from './store'
import type { WaitlistWatcher } from './watcher'

/** The waitlist service's collaborators. */
export interface WaitlistServiceDeps {
  /** The waitlist of the current connection. */
  readonly waitlist: () => WaitlistStore
  readonly clinic: Pick<ClinicService, 'loadLocation' | 'knownLocations'>
  readonly watcher: Pick<WaitlistWatcher, 'requestScan' | 'reset'>
}

const problem = (field: string, message: string): AppFailure =>
  new AppFailure({ code: 'VALIDATION', message, fieldErrors: [{ field, message }] })

/** The waitlist:* requests. */
export class WaitlistService {
  readonly #deps: WaitlistServiceDeps

  constructor(deps: WaitlistServiceDeps) {
    this.#deps = deps
  }

  list(): Promise<WaitlistEntry[]> {
    return this.#deps.waitlist().list()
  }

  async add(request: WaitlistRequest): Promise<WaitlistEntry> {
    const labels = await this.#labels(request)
    const entry = await this.#deps.waitlist().add(request, labels)
    this.#deps.watcher.requestScan()
    return entry
  }

  async update(id: string, request: WaitlistRequest): Promise<WaitlistEntry> {
    const labels = await this.#labels(request)
    const entry = await this.#deps.waitlist().update(id, request, labels)
    this.#deps.watcher.reset(id)
    this.#deps.watcher.requestScan()
    return entry
  }

  async remove(id: string): Promise<{ readonly id: string }> {
    await this.#deps.waitlist().remove(id)
    this.#deps.watcher.reset(id)
    return { id }
  }

  markDone(id: string, reference: string | null): Promise<WaitlistEntry> {
    return this.#deps.waitlist().markDone(id, reference)
  }

  /** Checks what was asked for against the clinic and names it; a specific message beside the field otherwise. */
  async #labels(request: WaitlistRequest): Promise<WaitlistLabels> {
    const missing: FieldError[] = []
    if (request.customer.firstName.trim() === '')
      missing.push({ field: 'customer.firstName', message: 'First name is required.' })
    if (request.customer.lastName.trim() === '')
      missing.push({ field: 'customer.lastName', message: 'Last name is required.' })
    if (missing.length > 0) {
      throw new AppFailure({
        code: 'VALIDATION',
        message: 'Please correct the fields marked below.',
        fieldErrors: missing,
      })
    }
    const { clinic } = this.#deps
    const places: LocationDetails[] =
      request.locationId === null
        ? await Promise.all((await clinic.knownLocations()).map((l) => clinic.loadLocation(l.id)))
        : [await clinic.loadLocation(request.locationId)]
    const type = places
      .flatMap((p) => p.schedules.flatMap((s) => s.appointmentTypes))
      .find((t) => t.id === request.appointmentTypeId)
    if (!type) {
      throw problem(
        'appointmentTypeId',
        request.locationId === null
          ? 'No schedule at any location takes that appointment type.'
          : 'No schedule at this location takes that appointment type.',
      )
    }
    const clinician =
      request.clinicianId === null
        ? null
        : places.flatMap((p) => p.clinicians).find((c) => c.id === request.clinicianId)
    if (clinician === undefined) {
      throw problem('clinicianId', 'That clinician is not available for online booking there.')
    }
    const first = places[0]
    return {
      appointmentType: type.name,
      clinician: clinician?.name ?? null,
      location: request.locationId === null ? null : (first?.location.name ?? null),
      timeZone: first?.location.timeZone ?? 'UTC',
    }
  }
}
