// Next-available search: the bookable times of a type that fit what the caller asked for (from which day, part of
// day, weekdays, clinician, one location or all of them), grouped by day and ranked by closeness to the time asked
// for. One round trip whatever the range: one ranged free/busy per schedule and one per clinician and location, all
// at once — never one per day.
import { DateTime } from 'luxon'
import type {
  Instant,
  IsoDate,
  LocationDetails,
  NextAvailableDay,
  NextAvailableResult,
  Range,
  Schedule,
  SlotSuggestion,
} from '../../shared/domain'
import type { DayWindow, FindNextAvailableRequest } from '../../shared/ipc-contract'
import { AppFailure } from '../../shared/result'
import {
  clinicianAvailability,
  clinicianDay,
  type ScheduleFreeBusy,
  type ScheduleRange,
} from '../../shared/availability'
import { clip, union } from '../../shared/intervals'
import { bookableStarts, typeDuration } from '../../shared/slots'
import { addDays, dayBounds, isoDateOf, todayIn } from '../../shared/time'
import type { ClinicService } from '../clinic/service'
import type { FreeBusyRangeCache } from './range-cache'

/** Days searched when the request does not say. */
export const DEFAULT_SEARCH_DAYS = 14
/** Starts listed per day when the request does not say: a few, the rest counted for "more". */
export const DEFAULT_PER_DAY = 3

/**
 * What one search needs: the ranged free/busy (shared with the fortnight strip and the waitlist, so a search over the
 * days the strip already loaded asks nothing again), the clinic's metadata, the clock, and whether it is still wanted.
 */
export interface SearchContext {
  readonly ranges: Pick<FreeBusyRangeCache, 'scheduleFreeBusy' | 'userFreeBusy'>
  readonly clinic: Pick<ClinicService, 'loadLocation' | 'knownLocations'>
  readonly now: Instant
  /** Throws when the session changed while the answers were on their way. */
  readonly checkCurrent: () => void
}

/** One location's part of a search: the schedules taking the type, and those read for the clinician. */
interface Plan {
  readonly details: LocationDetails
  readonly order: number
  readonly typed: readonly Schedule[]
  readonly asked: readonly Schedule[]
  readonly range: Range
}

interface Candidate {
  readonly suggestion: SlotSuggestion
  readonly date: IsoDate
  readonly score: number
  readonly order: number
}

const notFound = (message: string, field: string): AppFailure =>
  new AppFailure({ code: 'NOT_FOUND', message, fieldErrors: [{ field, message }] })

/** Runs one next-available search (see FindNextAvailableRequest). */
export async function searchNextAvailable(
  context: SearchContext,
  request: FindNextAvailableRequest,
): Promise<NextAvailableResult> {
  const { appointmentTypeId, clinicianId } = request
  const days = request.days ?? DEFAULT_SEARCH_DAYS
  const everywhere = request.locationId === null
  const locations = await locationsToSearch(context, request.locationId)
  const firstZone = locations[0]?.location.timeZone ?? 'UTC'
  const today = todayIn(firstZone, context.now)
  const asked = request.fromDate ?? today
  const from = asked < today ? today : asked
  const to = addDays(asked, days - 1)

  const withType = locations.filter((details) => schedulesTaking(details, appointmentTypeId).length)
  if (withType.length === 0) {
    throw notFound(
      everywhere
        ? 'No schedule at any location takes that appointment type.'
        : 'No schedule at this location takes that appointment type.',
      'appointmentTypeId',
    )
  }
  const bookable =
    clinicianId === null
      ? withType
      : withType.filter((details) => details.clinicians.some((c) => c.id === clinicianId))
  if (bookable.length === 0) {
    throw notFound(
      everywhere
        ? 'That clinician is not available for online booking at any location that takes that appointment type.'
        : 'That clinician is not available for online booking at this location.',
      'clinicianId',
    )
  }

  const plans: Plan[] = bookable.map((details) => {
    const zone = details.location.timeZone
    const typed = schedulesTaking(details, appointmentTypeId)
    return {
      details,
      order: locations.indexOf(details),
      typed,
      // spec §6.5: a clinician's appointment may hide in another schedule's free list; telling it apart takes every
      // schedule's busy time (as on the board), including schedules that do not take the type.
      asked: clinicianId === null ? typed : details.schedules,
      range: {
        // Days already over cannot be booked (spec §7.1 step 4): never ask the server for them.
        start: Math.max(
          dayBounds(asked, zone).start,
          dayBounds(todayIn(zone, context.now), zone).start,
        ),
        end: dayBounds(addDays(asked, days), zone).start,
      },
    }
  })
  const live = plans.filter((plan) => plan.range.end > context.now)
  const answers = await Promise.all(live.map((plan) => fetchPlan(context, plan, clinicianId)))
  context.checkCurrent()

  const candidates = live.flatMap((plan, index) => {
    const answer = answers[index]
    return answer ? candidatesOf(plan, answer, request, context.now) : []
  })
  return {
    days: groupByDay(candidates, request.perDay ?? DEFAULT_PER_DAY),
    from,
    to,
    locationIds: bookable.map((details) => details.location.id),
  }
}

async function locationsToSearch(
  context: SearchContext,
  locationId: number | null,
): Promise<LocationDetails[]> {
  if (locationId !== null) return [await context.clinic.loadLocation(locationId)]
  const locations = await context.clinic.knownLocations()
  return Promise.all(locations.map((location) => context.clinic.loadLocation(location.id)))
}

const schedulesTaking = (details: LocationDetails, typeId: number): Schedule[] =>
  details.schedules.filter((schedule) => schedule.appointmentTypes.some((t) => t.id === typeId))

interface PlanAnswer {
  readonly freeBusy: ReadonlyMap<number, ScheduleFreeBusy>
  readonly clinician: {
    readonly free: readonly ScheduleRange[]
    readonly busy: readonly ScheduleRange[]
  } | null
}

async function fetchPlan(
  context: SearchContext,
  plan: Plan,
  clinicianId: number | null,
): Promise<PlanAnswer> {
  const { ranges } = context
  const [answers, clinician] = await Promise.all([
    Promise.all(plan.asked.map((s) => ranges.scheduleFreeBusy(s.id, plan.range))),
    clinicianId === null
      ? Promise.resolve(null)
      : ranges.userFreeBusy(clinicianId, plan.details.location.id, plan.range),
  ])
  const freeBusy = new Map<number, ScheduleFreeBusy>(
    plan.asked.map((schedule, index) => [schedule.id, answers[index] ?? { free: [], busy: [] }]),
  )
  return { freeBusy, clinician }
}

/** A day of the search in one location's zone, with the instants its filters mean that day. */
interface SearchDay {
  readonly date: IsoDate
  readonly bounds: Range
  readonly allowed: boolean
  readonly window: Range
  readonly near: Instant | null
}

function searchDays(
  plan: Plan,
  request: FindNextAvailableRequest,
  zone: string,
): readonly SearchDay[] {
  const weekdays = request.weekdays?.length ? new Set(request.weekdays) : null
  const result: SearchDay[] = []
  for (let date = isoDateOf(plan.range.start, zone); ; date = addDays(date, 1)) {
    const bounds = dayBounds(date, zone)
    if (bounds.start >= plan.range.end) break
    const midnight = DateTime.fromISO(date, { zone })
    result.push({
      date,
      bounds,
      allowed: weekdays === null || weekdays.has(midnight.weekday),
      window: request.window ? windowOn(date, request.window, zone, bounds) : bounds,
      near: request.near === undefined ? null : wallClock(date, request.near, zone, bounds),
    })
  }
  return result
}

// Wall-clock minutes, so "afternoon" is 12:00–17:00 on a daylight-saving day too.
function wallClock(date: IsoDate, minutes: number, zone: string, bounds: Range): Instant {
  if (minutes >= 24 * 60) return bounds.end
  return DateTime.fromISO(date, { zone })
    .set({ hour: Math.floor(minutes / 60), minute: minutes % 60 })
    .toMillis()
}

function windowOn(date: IsoDate, window: DayWindow, zone: string, bounds: Range): Range {
  return {
    start: wallClock(date, window.from, zone, bounds),
    end: wallClock(date, window.to, zone, bounds),
  }
}

function candidatesOf(
  plan: Plan,
  answer: PlanAnswer,
  request: FindNextAvailableRequest,
  now: Instant,
): Candidate[] {
  const { details } = plan
  const zone = details.location.timeZone
  const { appointmentTypeId, clinicianId } = request
  const available =
    answer.clinician && clinicianId !== null
      ? availabilityByDay(clinicianId, answer.clinician, answer.freeBusy, plan.range, zone)
      : null
  const days = searchDays(plan, request, zone)
  const clinicianName =
    clinicianId === null
      ? null
      : (details.clinicians.find((c) => c.id === clinicianId)?.name ?? `Clinician ${clinicianId}`)

  return plan.typed.flatMap((schedule, scheduleOrder) => {
    const type = schedule.appointmentTypes.find((t) => t.id === appointmentTypeId)
    if (!type) return []
    const answered = answer.freeBusy.get(schedule.id) ?? { free: [], busy: [] }
    const free = available
      ? (available[schedule.id] ?? [])
      : clinicianAvailability(answered.free, answered, [])
    const duration = typeDuration(schedule, type)
    const names = {
      location: details.location.name,
      schedule: schedule.name,
      type: type.name,
      clinician: clinicianName,
    }
    const found: Candidate[] = []
    for (const start of bookableStarts(clip(free, plan.range), schedule, type, zone, {
      after: now,
    })) {
      const day = dayOf(days, start)
      if (!day || !day.allowed || start < day.window.start || start >= day.window.end) continue
      found.push({
        suggestion: {
          locationId: details.location.id,
          scheduleId: schedule.id,
          appointmentTypeId,
          start,
          end: start + duration,
          clinicianId,
          names,
        },
        date: day.date,
        score: day.near === null ? start - day.bounds.start : Math.abs(start - day.near),
        order: plan.order * 1_000 + scheduleOrder,
      })
    }
    return found
  })
}

function dayOf(days: readonly SearchDay[], instant: Instant): SearchDay | undefined {
  let low = 0
  let high = days.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const day = days[middle]
    if (!day) return undefined
    if (instant < day.bounds.start) high = middle - 1
    else if (instant >= day.bounds.end) low = middle + 1
    else return day
  }
  return undefined
}

// Within a day: closest to the time asked for (or earliest), then earlier, then practice and schedule order. The
// same time on another schedule comes after the other times: a caller choosing wants different times first.
function groupByDay(candidates: readonly Candidate[], perDay: number): NextAvailableDay[] {
  const byDate = new Map<IsoDate, Candidate[]>()
  for (const candidate of candidates) {
    const list = byDate.get(candidate.date)
    if (list) list.push(candidate)
    else byDate.set(candidate.date, [candidate])
  }
  return [...byDate]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, list]) => {
      list.sort(
        (a, b) => a.score - b.score || a.suggestion.start - b.suggestion.start || a.order - b.order,
      )
      const seen = new Set<Instant>()
      const firsts: Candidate[] = []
      const repeats: Candidate[] = []
      for (const candidate of list) {
        if (seen.has(candidate.suggestion.start)) repeats.push(candidate)
        else {
          seen.add(candidate.suggestion.start)
          firsts.push(candidate)
        }
      }
      return {
        date,
        suggestions: [...firsts, ...repeats].slice(0, perDay).map((c) => c.suggestion),
        total: list.length,
      }
    })
}

/**
 * A clinician's availability on each schedule over several days, worked out one day at a time exactly as the day
 * board does: whether a gap in their roster is an appointment is judged within a day (see appointmentBusy), so a
 * search offers the same times the board shows for them.
 */
export function availabilityByDay(
  clinicianId: number,
  answer: { readonly free: readonly ScheduleRange[]; readonly busy: readonly ScheduleRange[] },
  freeBusy: ReadonlyMap<number, ScheduleFreeBusy>,
  range: Range,
  zone: string,
): Record<number, Range[]> {
  const available: Record<number, Range[]> = {}
  const cutters = [...freeBusy].map(
    ([id, answer]) => [id, dayCutter(answer.free), dayCutter(answer.busy)] as const,
  )
  for (let date = isoDateOf(range.start, zone); ; date = addDays(date, 1)) {
    const bounds = dayBounds(date, zone)
    if (bounds.start >= range.end) break
    const day = new Map<number, ScheduleFreeBusy>(
      cutters.map(([id, free, busy]) => [id, { free: free(bounds), busy: busy(bounds) }]),
    )
    const clinician = clinicianDay(clinicianId, answer, day, bounds)
    for (const [id, ranges] of Object.entries(clinician.available)) {
      available[Number(id)] = [...(available[Number(id)] ?? []), ...ranges]
    }
  }
  return available
}

/**
 * Cuts `ranges` into consecutive days in one pass: called with each day's bounds in order, it returns what
 * `clip(ranges, bounds)` would, without sorting the whole search range again for every day (a 90-day search spent
 * most of its time doing that).
 */
function dayCutter(ranges: readonly Range[]): (bounds: Range) => Range[] {
  const sorted = union(ranges)
  let first = 0
  return (bounds) => {
    while (first < sorted.length && sorted[first]!.end <= bounds.start) first++
    const cut: Range[] = []
    for (let i = first; i < sorted.length && sorted[i]!.start < bounds.end; i++) {
      const start = Math.max(sorted[i]!.start, bounds.start)
      const end = Math.min(sorted[i]!.end, bounds.end)
      if (start < end) cut.push({ start, end })
    }
    return cut
  }
}
