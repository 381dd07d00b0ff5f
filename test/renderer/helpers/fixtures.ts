// A small clinic in Australia/Sydney for renderer tests: the seed guide's Main Clinic on 2019-02-15.
import { DateTime } from 'luxon'
import type {
  DayView,
  Location,
  LocationDetails,
  NextAvailableResult,
  SessionStatus,
  SlotSuggestion,
} from '../../../src/shared/domain'

/** The zone of every fixture. */
export const zone = 'Australia/Sydney'

/** An instant from a Sydney wall time, e.g. at('2019-02-15', '09:00'). */
export const at = (date: string, time: string): number =>
  DateTime.fromISO(`${date}T${time}`, { zone }).toMillis()

export const mainClinic: Location = { id: 98, name: 'Main Clinic', timeZone: zone }
export const branchClinic: Location = { id: 106, name: 'Branch Clinic', timeZone: zone }

export const mainDetails: LocationDetails = {
  location: mainClinic,
  schedules: [
    {
      id: 136,
      name: 'Main Appointment Schedule',
      slotSize: 15,
      appointmentTypes: [
        { id: 79, name: 'Short Consult', slots: 1 },
        { id: 66, name: 'Standard Consult', slots: 1 },
        { id: 63, name: 'Long Consult', slots: 2 },
      ],
    },
    {
      id: 211,
      name: 'Main Surgery Schedule',
      slotSize: 30,
      appointmentTypes: [{ id: 76, name: 'New Patient', slots: 2 }],
    },
  ],
  clinicians: [
    { id: 1158, name: 'Andrew Turner' },
    { id: 1159, name: 'Chris Barton' },
  ],
}

/** A day of the main clinic (far in the future unless told, so bookings are never "in the past"). */
export function dayView(date = '2030-02-15'): DayView {
  return {
    locationId: 98,
    date,
    timeZone: zone,
    bounds: { start: at(date, '00:00'), end: at(date, '00:00') + 24 * 3_600_000 },
    schedules: [
      {
        scheduleId: 136,
        free: [
          { start: at(date, '09:00'), end: at(date, '10:45') },
          { start: at(date, '11:30'), end: at(date, '17:30') },
        ],
        busy: [{ start: at(date, '10:45'), end: at(date, '11:30') }],
      },
      {
        scheduleId: 211,
        free: [{ start: at(date, '09:00'), end: at(date, '17:00') }],
        busy: [],
      },
    ],
    clinicians: [
      {
        clinicianId: 1158,
        free: { 136: [{ start: at(date, '11:00'), end: at(date, '17:00') }] },
        busy: [],
        available: {
          136: [{ start: at(date, '11:30'), end: at(date, '17:00') }],
          211: [{ start: at(date, '09:00'), end: at(date, '17:00') }],
        },
      },
    ],
    loadedAt: at(date, '08:00'),
  }
}

export const demoStatus: SessionStatus = {
  mode: 'demo',
  serverUrl: null,
  username: null,
  connected: true,
  keychain: 'available',
  passwordRemembered: false,
  notice: null,
}

export const clinicStatus: SessionStatus = {
  mode: 'clinic',
  serverUrl: 'https://vets.example.com/openvpms/ws/booking/v2',
  username: 'frontdesk',
  connected: true,
  keychain: 'available',
  passwordRemembered: true,
  notice: null,
}

/** A suggestion at the main clinic, named as main names it; `changes` for the rest. */
export function suggestionAt(
  changes: Partial<SlotSuggestion> & Pick<SlotSuggestion, 'start' | 'end'>,
): SlotSuggestion {
  const scheduleId = changes.scheduleId ?? 136
  const schedule = mainDetails.schedules.find((s) => s.id === scheduleId)
  const typeId = changes.appointmentTypeId ?? schedule?.appointmentTypes[0]?.id ?? 66
  const clinicianId = changes.clinicianId ?? null
  return {
    locationId: 98,
    scheduleId,
    appointmentTypeId: typeId,
    clinicianId,
    names: {
      location: 'Main Clinic',
      schedule: schedule?.name ?? `Schedule ${scheduleId}`,
      type: schedule?.appointmentTypes.find((t) => t.id === typeId)?.name ?? `Type ${typeId}`,
      clinician: mainDetails.clinicians.find((c) => c.id === clinicianId)?.name ?? null,
    },
    ...changes,
  }
}

/** A next-available answer of one day holding these suggestions. */
export function resultOf(
  suggestions: readonly SlotSuggestion[],
  date: string,
  total = suggestions.length,
): NextAvailableResult {
  return {
    days: suggestions.length > 0 ? [{ date, suggestions, total }] : [],
    from: date,
    to: date,
    locationIds: [...new Set(suggestions.map((s) => s.locationId))],
  }
}
