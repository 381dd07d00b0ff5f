// Schedule free/busy exactly as OpenVPMS ScheduleServiceImpl computes it (spec §5), quirks included.
import { isBusy, type Clinic } from './clinic'
import { dayLoopGuard, type Instant } from './dates'
import type { ScheduleRecord } from './model'

const MINUTE = 60_000

/** A time range [start, end] in epoch millis. */
export interface Span {
  start: Instant
  end: Instant
}

/** Free and busy ranges of a schedule. */
export interface FreeBusy {
  free: Span[]
  busy: Span[]
}

/**
 * spec §5.3 clipping rule, applied to every emitted range: drop if it ends before `min`, raise its start to `min`,
 * drop if the start is not before `max`, lower its end to `max`. A busy run ending exactly at `min` survives as a
 * zero-length range (spec §5.4 quirk).
 */
function clip(start: Instant, end: Instant, min: Instant, max: Instant): Span | null {
  if (end < min) return null
  const from = start <= min ? min : start
  if (!(from < max)) return null
  return { start: from, end: end > max ? max : end }
}

/** The opening window of the day of `date`, or null when the online booking times close that weekday (spec §5.1). */
function openingWindow(
  clinic: Clinic,
  schedule: ScheduleRecord,
  date: Instant,
): { start: Instant; end: Instant } | null {
  let startTime = schedule.startTime
  let endTime = schedule.endTime
  if (schedule.onlineBookingTimes) {
    const hours = schedule.onlineBookingTimes[clinic.zone.weekday(date) - 1]
    if (!hours || !hours.open) return null
    startTime = hours.start
    endTime = hours.end
  }
  // spec §5.1: no start time means `date` itself (from's time of day); no end time means the next local midnight.
  const start = startTime === null ? date : clinic.zone.withTimeOfDay(date, startTime)
  const end =
    endTime === null ? clinic.zone.startOfNextDay(date) : clinic.zone.withTimeOfDay(date, endTime)
  return { start, end }
}

/** Free and busy of one schedule over [from, to] (spec §5.1–§5.4); `slots` splits them per §5.5. */
export function scheduleFreeBusy(
  clinic: Clinic,
  schedule: ScheduleRecord,
  from: Instant,
  to: Instant,
  slots: boolean,
): FreeBusy {
  const free: Span[] = []
  const busy: Span[] = []
  // spec §5.1: the loop keeps from's time of day and runs while date <= to, so to's day may be skipped.
  const step = dayLoopGuard()
  for (let date = from; date <= to; step(date, (date = clinic.zone.plusDays(date, 1)))) {
    const window = openingWindow(clinic, schedule, date)
    if (!window) continue
    const min = Math.max(window.start, from)
    const max = Math.min(window.end, to)
    const events = clinic.eventsOn(schedule.id, clinic.zone.dayKey(date)).filter(isBusy)

    let freeStart = min
    for (const { record } of events) {
      if (record.start > freeStart) {
        const range = clip(freeStart, record.start, min, max)
        if (range) free.push(range)
      }
      if (record.end > freeStart) freeStart = record.end
    }
    // The tail after the last event. (OpenVPMS also skips it when an event runs past max; then freeStart is past max
    // and the clip drops it anyway.)
    const tail = clip(freeStart, max, min, max)
    if (tail) free.push(tail)

    // spec §5.4: a new run starts only when an event starts strictly after the run's end.
    let run: Span | null = null
    for (const { record } of events) {
      if (run && record.start <= run.end) {
        if (record.end > run.end) run.end = record.end
        continue
      }
      if (run) {
        const range = clip(run.start, run.end, min, max)
        if (range) busy.push(range)
      }
      run = { start: record.start, end: record.end }
    }
    if (run) {
      const range = clip(run.start, run.end, min, max)
      if (range) busy.push(range)
    }
  }
  if (slots && schedule.slotSize > 0) {
    return {
      free: free.flatMap((range) => toSlots(clinic, range, schedule.slotSize)),
      busy: busy.flatMap((range) => toSlots(clinic, range, schedule.slotSize)),
    }
  }
  return { free, busy }
}

/**
 * spec §5.5: round the start up and the end down to multiples of the slot size from local midnight (hour and
 * minute only), then emit whole slots; partial slots vanish.
 */
function toSlots(clinic: Clinic, range: Span, slotSize: number): Span[] {
  const start = slotBoundary(clinic, range.start, slotSize, true)
  const end = slotBoundary(clinic, range.end, slotSize, false)
  const result: Span[] = []
  const length = slotSize * MINUTE
  for (let at = start; at + length <= end; at += length)
    result.push({ start: at, end: at + length })
  return result
}

/**
 * spec §5.5, as `AppointmentRules.getSlotTime` does it: an aligned time is kept; otherwise 00:00:00 of its day
 * (millis kept) plus the rounded minutes as elapsed time, so on a daylight-saving change day every rounded boundary
 * after the change is off by the change from the wall clock.
 */
function slotBoundary(clinic: Clinic, at: Instant, slotSize: number, roundUp: boolean): Instant {
  const { hour, minute, millisecond } = clinic.zone.wall(at)
  const minutes = hour * 60 + minute
  const remainder = minutes % slotSize
  if (remainder === 0) return at
  const rounded = roundUp ? minutes - remainder + slotSize : minutes - remainder
  return clinic.zone.startOfDay(at) + millisecond + rounded * MINUTE
}
