import type { Handlers } from '../ipc/handle'
import type { ClinicService } from './service'

/** The clinic:* channels. */
export const clinicHandlers = (
  clinic: ClinicService,
): Pick<Handlers, 'clinic:listLocations' | 'clinic:loadLocation'> => ({
  'clinic:listLocations': () => clinic.listLocations(),
  'clinic:loadLocation': ({ locationId, refresh }) => clinic.loadLocation(locationId, refresh),
})
