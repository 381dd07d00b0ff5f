// One booking's values for the confirmation template's placeholders, as the receptionist reads them on screen.
import type { BookingDraft } from '../../shared/booking-draft'
import type { ConfirmationFields } from '../../shared/confirmation-text'
import { isoDateOf } from '../../shared/time'
import { formatDay, formatTimeRange } from './dates'
import type { useClinicStore } from './stores/clinic'

export function confirmationFields(
  clinic: ReturnType<typeof useClinicStore>,
  draft: BookingDraft,
  reference: string,
): ConfirmationFields {
  const location = clinic.locations.find((l) => l.id === draft.locationId)
  const zone = location?.timeZone ?? clinic.timeZone ?? 'UTC'
  return {
    day: formatDay(isoDateOf(draft.start, zone)),
    time: formatTimeRange(draft.start, draft.end, zone),
    location: location?.name ?? '',
    schedule: clinic.scheduleById(draft.scheduleId)?.name ?? '',
    type: clinic.typeOn(draft.scheduleId, draft.appointmentTypeId)?.name ?? '',
    clinician: clinic.clinicianName(draft.clinicianId) ?? 'the next available clinician',
    customer: [draft.title, draft.firstName, draft.lastName].filter(Boolean).join(' '),
    title: draft.title,
    firstName: draft.firstName,
    lastName: draft.lastName,
    patient: draft.patientName || 'your pet',
    mobile: draft.mobile,
    phone: draft.phone,
    email: draft.email,
    reference,
  }
}
