// One day of a location's board from the Booking API: one free/busy per schedule and one per clinician, all at once,
// and each clinician's real availability worked out from them.
import type { ClinicianDay, DayView, Instant, IsoDate, ScheduleDay } from '../../shared/domain'
import { AppFailure } from '../../shared/result'
import { clinicianDay, type ScheduleFreeBusy, type ScheduleRange } from '../../shared/availability'
import { clip } from '../../shared/intervals'
import { dayBounds } from '../../shared/time'
import type { OpenVpmsClient } from '../openvpms/client'
import type { ClinicService } from '../clinic/service'
import { selectSchedules } from './schedules'

/** What fetching a day needs. */
export interface DayFetchDeps {
  readonly clinic: Pick<ClinicService, 'loadLocation'>
  readonly client: () => Pick<OpenVpmsClient, 'scheduleFreeBusy' | 'userFreeBusy'>
  readonly now: () => Instant
}

/** A day of a location, for some of its schedules. */
export interface DayRequest {
  readonly locationId: number
  readonly date: IsoDate
  /** Empty = every schedule of the location. */
  readonly scheduleIds: readonly number[]
}

/** The day as the server has it now (a schedule not of the location: NOT_FOUND). */
export async function fetchDayView(deps: DayFetchDeps, day: DayRequest): Promise<DayView> {
  const { locationId, date, scheduleIds } = day
  const details = await deps.clinic.loadLocation(locationId)
  const zone = details.location.timeZone
  const bounds = dayBounds(date, zone)
  const schedules = selectSchedules(details, scheduleIds)
  const client = deps.client()
  const [scheduleAnswers, clinicianAnswers] = await Promise.all([
    Promise.all(schedules.map((s) => client.scheduleFreeBusy(s.id, bounds.start, bounds.end))),
    Promise.all(
      details.clinicians.map((c) =>
        client.userFreeBusy(c.id, locationId, bounds.start, bounds.end).catch(unlessNotFound),
      ),
    ),
  ])
  const scheduleDays: ScheduleDay[] = schedules.map((schedule, index) => {
    const answer = scheduleAnswers[index] ?? { free: [], busy: [] }
    return {
      scheduleId: schedule.id,
      free: clip(answer.free, bounds),
      busy: clip(answer.busy, bounds),
    }
  })
  const freeBusy = new Map<number, ScheduleFreeBusy>(
    scheduleDays.map((day) => [day.scheduleId, day]),
  )
  const clinicians: ClinicianDay[] = details.clinicians.map((clinician, index) =>
    clinicianDay(clinician.id, clinicianAnswers[index] ?? NO_ROSTER, freeBusy, bounds),
  )
  return {
    locationId,
    date,
    timeZone: zone,
    bounds,
    schedules: scheduleDays,
    clinicians,
    loadedAt: deps.now(),
  }
}

const NO_ROSTER: { free: ScheduleRange[]; busy: ScheduleRange[] } = { free: [], busy: [] }

// spec §3.3: a user who is no longer online-bookable at the location answers 404; show them with no roster.
function unlessNotFound(thrown: unknown): { free: ScheduleRange[]; busy: ScheduleRange[] } {
  if (thrown instanceof AppFailure && thrown.error.code === 'NOT_FOUND') return NO_ROSTER
  throw thrown
}
