// The fortnight at a glance: for each day of a range, how much bookable time is left on the shown schedules (or for
// one clinician on them). One ranged free/busy per schedule and one for the clinician, all at once, for the whole
// range — never one per day — through the shared range cache, so next-available and the waitlist reuse them.
import type { DaySummary, Fortnight, Instant, IsoDate, Range, Schedule } from '../../shared/domain'
import type { GetFortnightRequest } from '../../shared/ipc-contract'
import { AppFailure } from '../../shared/result'
import { clinicianDay, type ScheduleFreeBusy } from '../../shared/availability'
import { clip, totalLength, union } from '../../shared/intervals'
import { nextSlotBoundary } from '../../shared/slots'
import { addDays, dayBounds } from '../../shared/time'
import type { ClinicService } from '../clinic/service'
import type { FreeBusyRangeCache, UserFreeBusy } from './range-cache'
import { selectSchedules } from './schedules'

/** What one fortnight needs: the clinic's metadata, the shared ranged answers, the clock, and whether still wanted. */
export interface FortnightContext {
  readonly clinic: Pick<ClinicService, 'loadLocation'>
  readonly ranges: Pick<FreeBusyRangeCache, 'scheduleFreeBusy' | 'userFreeBusy'>
  readonly now: Instant
  /** Throws when the session changed while the answers were on their way. */
  readonly checkCurrent: () => void
}

const MINUTE = 60_000

const notFound = (message: string, field: string): AppFailure =>
  new AppFailure({ code: 'NOT_FOUND', message, fieldErrors: [{ field, message }] })

/** The days of `request` with the bookable time left on each (see GetFortnightRequest). */
export async function loadFortnight(
  context: FortnightContext,
  request: GetFortnightRequest,
): Promise<Fortnight> {
  const { locationId, clinicianId } = request
  const details = await context.clinic.loadLocation(locationId)
  const zone = details.location.timeZone
  const schedules = selectSchedules(details, request.scheduleIds)
  if (clinicianId !== null && !details.clinicians.some((c) => c.id === clinicianId)) {
    throw notFound(
      'That clinician is not available for online booking at this location.',
      'clinicianId',
    )
  }
  const dates = Array.from({ length: request.days }, (_, index) => addDays(request.fromDate, index))
  const range: Range = {
    start: dayBounds(request.fromDate, zone).start,
    end: dayBounds(addDays(request.fromDate, request.days), zone).start,
  }
  const options = { refresh: request.refresh === true }
  const [answers, clinician] = await Promise.all([
    Promise.all(schedules.map((s) => context.ranges.scheduleFreeBusy(s.id, range, options))),
    clinicianId === null
      ? Promise.resolve(null)
      : context.ranges.userFreeBusy(clinicianId, locationId, range, options).catch(unlessNotFound),
  ])
  context.checkCurrent()
  const freeBusy = new Map<number, ScheduleFreeBusy>(
    schedules.map((schedule, index) => [schedule.id, answers[index] ?? NOTHING]),
  )
  return {
    locationId,
    timeZone: zone,
    clinicianId,
    days: dates.map((date) =>
      summariseDay(date, dayBounds(date, zone), schedules, freeBusy, clinician, context.now, zone),
    ),
    loadedAt: context.now,
  }
}

const NOTHING: ScheduleFreeBusy = { free: [], busy: [] }
const NO_ROSTER: UserFreeBusy = { free: [], busy: [] }

// spec §3.3: a user who is no longer online-bookable at the location answers 404: they have no time, as on the board.
function unlessNotFound(thrown: unknown): UserFreeBusy {
  if (thrown instanceof AppFailure && thrown.error.code === 'NOT_FOUND') return NO_ROSTER
  throw thrown
}

function summariseDay(
  date: IsoDate,
  bounds: Range,
  schedules: readonly Schedule[],
  freeBusy: ReadonlyMap<number, ScheduleFreeBusy>,
  clinician: UserFreeBusy | null,
  now: Instant,
  zone: string,
): DaySummary {
  const day = new Map<number, ScheduleFreeBusy>(
    [...freeBusy].map(([id, answer]) => [
      id,
      { free: clip(answer.free, bounds), busy: clip(answer.busy, bounds) },
    ]),
  )
  const closed = [...day.values()].every((s) => s.free.length === 0 && s.busy.length === 0)
  // A clinician's availability is judged one day at a time, exactly as the board does (see clinicianDay).
  const theirs = clinician ? clinicianDay(0, clinician, day, bounds) : null
  const ahead: Range = { start: Math.max(bounds.start, now), end: bounds.end }
  let freeMinutes = 0
  let openMinutes = 0
  for (const schedule of schedules) {
    const own = day.get(schedule.id) ?? NOTHING
    const free = theirs ? (theirs.available[schedule.id] ?? []) : own.free
    // The clinician's share of the opening time is the time they are rostered on this schedule while it is open.
    const open = theirs
      ? clip(union(theirs.free[schedule.id] ?? []), spanOf(union(own.free, own.busy)))
      : union(own.free, own.busy)
    if (ahead.start < ahead.end) {
      freeMinutes += wholeSlotMinutes(clip(free, ahead), schedule.slotSize, zone, bounds)
      openMinutes += Math.round(totalLength(clip(open, ahead)) / MINUTE)
    }
  }
  return { date, closed, freeMinutes, openMinutes: Math.max(openMinutes, freeMinutes) }
}

// Whole slots from the first slot boundary of each free range: a gap shorter than a slot books nothing. Boundaries
// are counted from local midnight (spec §5.5); on a 24-hour day that is plain arithmetic, and only a daylight-saving
// day asks the zone (slots.ts) — a 40-schedule fortnight has thousands of free ranges.
function wholeSlotMinutes(
  free: readonly Range[],
  slotSize: number,
  zone: string,
  bounds: Range,
): number {
  if (!(slotSize > 0)) return 0
  const slotMs = slotSize * MINUTE
  const plainDay = bounds.end - bounds.start === 24 * 60 * MINUTE
  let minutes = 0
  for (const range of union(free)) {
    const start = plainDay
      ? bounds.start + Math.ceil((range.start - bounds.start) / slotMs) * slotMs
      : nextSlotBoundary(range.start, slotSize, zone)
    if (start < range.end) minutes += Math.floor((range.end - start) / slotMs) * slotSize
  }
  return minutes
}

// The opening hours of a schedule's day: from its first free or busy time to its last.
function spanOf(ranges: readonly Range[]): Range {
  const first = ranges[0]
  const last = ranges[ranges.length - 1]
  return first && last ? { start: first.start, end: last.end } : { start: 0, end: 0 }
}
