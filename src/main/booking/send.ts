// Sending one checked booking: one POST, never repeated, journalled before it goes and settled after (spec §7.1).
import type { Instant, JournalLabels, SeriesLink } from '../../shared/domain'
import type { ClientProvider } from '../clinic/service'
import type { WireBookingRequest } from '../openvpms/client'
import type { BookingJournal } from './journal'
import type { BookingClient, Checked } from './check'
import type { BookingOutcomes } from './outcome'

/** What sending a booking needs. */
export interface SendDeps {
  readonly getClient: ClientProvider<BookingClient>
  readonly journal: Pick<BookingJournal, 'record' | 'settle'>
  readonly outcomes: Pick<BookingOutcomes, 'failed'>
  readonly now: () => Instant
  /** Reloads the board's day of the booking once it is made. */
  readonly refresh: (checked: Checked) => Promise<void>
}

/**
 * Sends one checked booking and returns its reference; throws OUTCOME_UNKNOWN (with what the desk found out) when
 * no answer came, or the server's refusal.
 */
export async function sendBooking(
  deps: SendDeps,
  checked: Checked,
  series?: SeriesLink,
): Promise<string> {
  const client = deps.getClient()
  const journalId = await deps.journal.record(checked.draft, deps.now(), labelsOf(checked), series)
  let reference: string
  try {
    reference = await client.createBooking(requestOf(checked))
  } catch (thrown) {
    throw await deps.outcomes.failed(checked, journalId, thrown)
  }
  // The outcome and the entry's own time say it all; a message is kept for problems and cancellations.
  await deps.journal.settle(journalId, { outcome: 'booked', reference, message: null })
  void deps.refresh(checked)
  return reference
}

/** The POST's body fields of a checked draft. */
function requestOf({ draft }: Checked): WireBookingRequest {
  return {
    location: draft.locationId,
    schedule: draft.scheduleId,
    appointmentType: draft.appointmentTypeId,
    start: draft.start,
    end: draft.end,
    title: draft.title,
    firstName: draft.firstName,
    lastName: draft.lastName,
    email: draft.email,
    phone: draft.phone,
    mobile: draft.mobile,
    patientName: draft.patientName,
    notes: draft.notes,
    user: draft.clinicianId,
  }
}

/** The names the journal keeps beside a draft, as this desk knows them at the moment of sending. */
function labelsOf({ details, schedule, type, draft }: Checked): JournalLabels {
  return {
    location: details.location.name,
    timeZone: details.location.timeZone,
    schedule: schedule.name,
    appointmentType: type.name,
    clinician: details.clinicians.find((c) => c.id === draft.clinicianId)?.name ?? null,
  }
}
