import type { LocationDetails, Schedule } from '../../shared/domain'
import { AppFailure } from '../../shared/result'

/** The schedules a request names, in its order (duplicates once); none named = every schedule of the location. */
export function selectSchedules(
  details: LocationDetails,
  scheduleIds: readonly number[],
): Schedule[] {
  if (scheduleIds.length === 0) return [...details.schedules]
  return [...new Set(scheduleIds)].map((id) => {
    const schedule = details.schedules.find((s) => s.id === id)
    if (!schedule) {
      const message = `Schedule ${id} is not one of this location's schedules.`
      throw new AppFailure({
        code: 'NOT_FOUND',
        message,
        fieldErrors: [{ field: 'scheduleIds', message }],
      })
    }
    return schedule
  })
}
