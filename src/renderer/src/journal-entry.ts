// How a journal entry reads for people, in the lookup box's matches and in the printed day list: the names the
// journal recorded when the booking was sent, else what the clinic on screen knows, else the plain ids.
import type { JournalEntry } from '../../shared/domain'
import { formatTime, isoDateOf } from '../../shared/time'
import { formatDay } from './dates'
import type { useClinicStore } from './stores/clinic'

/** What the desk knows of a journal entry's outcome, in its words (never "failed" for "unknown"). */
export const outcomeLabels: Record<JournalEntry['outcome'], string> = {
  booked: 'Booked',
  cancelled: 'Cancelled',
  failed: 'Not booked',
  unknown: 'Outcome unknown',
}

/** A journal entry's lines, ready to show. */
export interface DescribedEntry {
  readonly customer: string
  readonly patient: string
  readonly contact: string
  readonly day: string
  readonly time: string
  readonly location: string
  readonly schedule: string
  readonly type: string
  readonly clinician: string
  readonly status: string
}

/** Describes an entry in its location's zone. */
export function describeEntry(
  entry: JournalEntry,
  clinic: ReturnType<typeof useClinicStore>,
): DescribedEntry {
  const { draft, labels } = entry
  const here = draft.locationId === clinic.locationId
  const zone = labels?.timeZone ?? clinic.timeZone ?? 'UTC'
  const location =
    labels?.location ??
    clinic.locations.find((candidate) => candidate.id === draft.locationId)?.name ??
    `Location ${draft.locationId}`
  return {
    customer: [draft.firstName, draft.lastName].filter(Boolean).join(' '),
    patient: draft.patientName,
    contact: [draft.mobile, draft.phone, draft.email].filter(Boolean).join(' · '),
    day: formatDay(isoDateOf(draft.start, zone)),
    time: `${formatTime(draft.start, zone)}–${formatTime(draft.end, zone)}`,
    location,
    schedule:
      labels?.schedule ??
      (here ? clinic.scheduleById(draft.scheduleId)?.name : undefined) ??
      `Schedule ${draft.scheduleId}`,
    type:
      labels?.appointmentType ??
      (here ? clinic.typeOn(draft.scheduleId, draft.appointmentTypeId)?.name : undefined) ??
      `Type ${draft.appointmentTypeId}`,
    clinician:
      draft.clinicianId === null
        ? 'Any clinician'
        : (labels?.clinician ??
          (here ? clinic.clinicianName(draft.clinicianId) : null) ??
          `Clinician ${draft.clinicianId}`),
    status: outcomeLabels[entry.outcome],
  }
}
