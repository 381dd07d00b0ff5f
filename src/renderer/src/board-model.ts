// The board as a screen reader reads it: every slot row of a schedule's day, named with its time and what it is
// (free, booked, closed, past), as the options of the column's listbox (DayBoardColumn). Pure; no Vue, no DOM.
import type { Instant, IsoDate, Range, ScheduleDay } from '../../shared/domain'
import { covers, overlaps } from '../../shared/intervals'
import { dayClock, type DayClock } from '../../shared/day-clock'
import { durationMinutes, type ShownClinician, type VisibleHours } from './board'

/** What a slot row is. "unavailable": free, but not with the clinician being booked for. */
export type SlotState = 'free' | 'booked' | 'closed' | 'past' | 'unavailable'

/** One row of a schedule's day as a control: its time, its state and the name a screen reader says. */
export interface SlotRow {
  readonly start: Instant
  readonly end: Instant
  readonly state: SlotState
  readonly label: string
}

export interface SlotRowsInput {
  readonly scheduleName: string
  /** The schedule's slot size in minutes; 0 (misconfigured) is drawn hourly and offers nothing. */
  readonly slotSize: number
  readonly day: ScheduleDay
  readonly date: IsoDate
  readonly zone: string
  readonly hours: VisibleHours
  /** The booking clinician's availability on this schedule, with their name; null = any clinician. */
  readonly bookingFor: { readonly name: string; readonly available: readonly Range[] } | null
  readonly shown: readonly ShownClinician[]
  readonly now: Instant
}

const MINUTE = 60_000
/** A 24-hour schedule of 5-minute slots has 288 rows (300 on the 25-hour day); nothing real needs more. */
const MAX_ROWS = 400

function stateOf(row: Range, input: SlotRowsInput, clock: DayClock): SlotState {
  if (row.start < input.now) return 'past'
  if (input.day.busy.some((busy) => busy.end > busy.start && overlaps(busy, row))) return 'booked'
  if (input.slotSize <= 0 || !covers(input.day.free, row)) return 'closed'
  if (clock.wallMinute(row.start) % input.slotSize !== 0) return 'closed'
  if (input.bookingFor && !covers(input.bookingFor.available, row)) return 'unavailable'
  return 'free'
}

function describe(state: SlotState, input: SlotRowsInput): string {
  switch (state) {
    case 'unavailable':
      return `free, but ${input.bookingFor?.name ?? 'the clinician'} is not available`
    case 'past':
      return 'past'
    default:
      return state
  }
}

/**
 * The day's slot rows of one schedule within the board's visible hours (elapsed from midnight, as the board draws
 * them), in time order: the repeated hour of a 25-hour day twice, each said with which one it is. Names read "Consult Room 2, 11:00 to 11:15, free", with the shown clinicians
 * available then. `limit` stops after that many rows; `from` starts at the row holding that instant.
 */
export function slotRows(
  input: SlotRowsInput,
  options: { readonly from?: Instant; readonly limit?: number } = {},
): SlotRow[] {
  const size = (input.slotSize > 0 ? input.slotSize : 60) * MINUTE
  // Worked out once for the day, not per row: a board names hundreds of rows each time a day is drawn.
  const clock = dayClock(input.date, input.zone)
  const { bounds } = clock
  const from = durationMinutes(input.hours.slotMinTime)
  const to = durationMinutes(input.hours.slotMaxTime)
  const rows: SlotRow[] = []
  const limit = Math.min(options.limit ?? MAX_ROWS, MAX_ROWS)
  // `from` (a row's own start) skips straight to it: one row costs one row's work, not the day's.
  const first =
    options.from !== undefined && options.from >= bounds.start
      ? bounds.start + Math.floor((options.from - bounds.start) / size) * size
      : bounds.start
  for (let start = first; start < bounds.end && rows.length < limit; start += size) {
    // The board's rows count elapsed time from midnight (a 25-hour day has 25 hours of rows), and so do these.
    const minute = (start - bounds.start) / MINUTE
    if (minute < from || minute >= to) continue
    const row = { start, end: Math.min(start + size, bounds.end) }
    const state = stateOf(row, input, clock)
    const availableNames = input.shown
      .filter((clinician) => covers(clinician.day.available[input.day.scheduleId] ?? [], row))
      .map((clinician) => clinician.name)
    // "02:00 to 03:00 (after the clocks go back)": the repeated hour is told apart in words too.
    const time = clock.formatRange(row.start, row.end).replace('–', ' to ')
    const available = availableNames.length > 0 ? `, ${availableNames.join(' and ')} available` : ''
    rows.push({
      ...row,
      state,
      label: `${input.scheduleName}, ${time}, ${describe(state, input)}${available}`,
    })
  }
  return rows
}
