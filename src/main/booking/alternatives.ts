// After a clash: the nearest free starts to the time asked for, on any of the location's schedules that takes the
// appointment type, with the clinician kept when one was asked; ranked by closeness to the time asked, not by clock.
import type { Instant, Schedule, SlotSuggestion } from '../../shared/domain'
import {
  availabilityBySchedule,
  clinicianAvailability,
  type ScheduleFreeBusy,
} from '../../shared/availability'
import { bookableStarts, typeDuration } from '../../shared/slots'
import type { BookingClient, Checked } from './check'

/** What the desk read of the draft's day: free/busy of the schedules read, and the clinician's answer. */
export interface DayRead {
  readonly from: Instant
  readonly to: Instant
  readonly schedules: ReadonlyMap<number, ScheduleFreeBusy>
  readonly clinician: Parameters<typeof availabilityBySchedule>[0] | null
}

/** How many alternatives a CONFLICT offers. */
export const ALTERNATIVES = 4

/**
 * The nearest free starts that day to the draft's, on every schedule of its location that takes its type (each
 * as long as the type is there), within the clinician's real availability when one was asked. Schedules not read
 * yet are read now, one request each.
 */
export async function nearestFree(
  client: BookingClient,
  { draft, details }: Checked,
  read: DayRead,
  now: Instant,
): Promise<SlotSuggestion[]> {
  const zone = details.location.timeZone
  const takers = details.schedules.flatMap((schedule, order) => {
    const type = schedule.appointmentTypes.find((t) => t.id === draft.appointmentTypeId)
    return type ? [{ schedule, type, order }] : []
  })
  const unread = takers.filter(({ schedule }) => !read.schedules.has(schedule.id))
  const answers = await Promise.all(
    unread.map(
      async ({ schedule }) =>
        [schedule.id, await client.scheduleFreeBusy(schedule.id, read.from, read.to)] as const,
    ),
  )
  const every = new Map<number, ScheduleFreeBusy>([...read.schedules, ...answers])
  // spec §6.5: with a clinician, what they can take on each schedule needs every schedule's busy time, which
  // bookableTime read for that reason.
  const byClinician = read.clinician ? availabilityBySchedule(read.clinician, every) : null
  const clinician = details.clinicians.find((c) => c.id === draft.clinicianId)?.name ?? null

  const bookableOn = (schedule: Schedule) => {
    const freeBusy = every.get(schedule.id)
    if (!freeBusy) return []
    return byClinician
      ? (byClinician[schedule.id] ?? [])
      : clinicianAvailability(freeBusy.free, freeBusy, [])
  }
  const candidates = takers.flatMap(({ schedule, type, order }) => {
    const duration = typeDuration(schedule, type)
    const names = {
      location: details.location.name,
      schedule: schedule.name,
      type: type.name,
      clinician,
    }
    const asked = schedule.id === draft.scheduleId
    return bookableStarts(bookableOn(schedule), schedule, type, zone, { after: now })
      .filter((start) => !(asked && start === draft.start))
      .map((start) => ({
        distance: Math.abs(start - draft.start),
        asked,
        order,
        suggestion: {
          locationId: draft.locationId,
          scheduleId: schedule.id,
          appointmentTypeId: type.id,
          start,
          end: start + duration,
          clinicianId: draft.clinicianId,
          names,
        } satisfies SlotSuggestion,
      }))
  })
  // Nearest first; of two as near, the schedule asked for, then the earlier, then the location's schedule order.
  candidates.sort(
    (a, b) =>
      a.distance - b.distance ||
      Number(b.asked) - Number(a.asked) ||
      a.suggestion.start - b.suggestion.start ||
      a.order - b.order,
  )
  return candidates.slice(0, ALTERNATIVES).map((candidate) => candidate.suggestion)
}
