// The journal as CSV, for a spreadsheet or the practice's records. Written by csv-stringify (quoting, line breaks in
// notes) with its formula escaping on: a cell a customer typed that starts with = + - @ (say, a "name" of
// =HYPERLINK(…)) is written with a leading ' so a spreadsheet shows it as text instead of running it.
import { stringify } from 'csv-stringify/sync'
import { DateTime } from 'luxon'
import type { JournalEntry } from '../../shared/domain'
import { UNCONFIRMED_LABEL } from '../../shared/unconfirmed'

const STATUS: Record<JournalEntry['outcome'], string> = {
  booked: 'booked',
  cancelled: 'cancelled',
  failed: 'not booked (refused)',
  unknown: 'outcome unknown',
}

const COLUMNS = [
  'Day',
  'Start',
  'End',
  'Time zone',
  'Location',
  'Schedule',
  'Appointment type',
  'Clinician',
  'Status',
  'Reference',
  'Title',
  'First name',
  'Last name',
  'Mobile',
  'Phone',
  'Email',
  'Patient',
  'Notes',
  'Sent at',
  'Message',
] as const

/**
 * One row per entry, in the order given. Day and times are in the booking's location zone when the journal recorded
 * it, else in `deskZone` (the computer's); the "Time zone" column says which.
 */
export function journalCsv(entries: readonly JournalEntry[], deskZone = 'system'): string {
  const rows = entries.map((entry) => {
    const { draft, labels } = entry
    const zone = labels?.timeZone ?? deskZone
    const start = DateTime.fromMillis(draft.start, { zone })
    const end = DateTime.fromMillis(draft.end, { zone })
    return [
      start.toISODate(),
      start.toFormat('HH:mm'),
      end.toFormat('HH:mm'),
      start.zoneName,
      labels?.location ?? `location ${draft.locationId}`,
      labels?.schedule ?? `schedule ${draft.scheduleId}`,
      labels?.appointmentType ?? `type ${draft.appointmentTypeId}`,
      draft.clinicianId === null ? '' : (labels?.clinician ?? `clinician ${draft.clinicianId}`),
      entry.outcome === 'unknown' && entry.seenTakenAt !== undefined
        ? `${STATUS.unknown}: ${UNCONFIRMED_LABEL.toLocaleLowerCase()}`
        : STATUS[entry.outcome],
      entry.reference ?? '',
      draft.title,
      draft.firstName,
      draft.lastName,
      draft.mobile,
      draft.phone,
      draft.email,
      draft.patientName,
      draft.notes,
      DateTime.fromMillis(entry.submittedAt, { zone: deskZone }).toFormat('yyyy-MM-dd HH:mm:ss'),
      entry.message ?? '',
    ]
  })
  // A BOM so Excel reads the names' accents as UTF-8.
  return (
    '\uFEFF' +
    stringify([[...COLUMNS], ...rows], { escape_formulas: true, record_delimiter: 'windows' })
  )
}
