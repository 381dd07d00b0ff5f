// Pure helpers that turn a DayView into what each column of the board draws, and where. No Vue, no DOM.
import type { ClinicianDay, DayView, JournalEntry, Range, ScheduleDay } from '../../shared/domain'
import { clockChange, dayClockZone, elapsedMinutes } from '../../shared/day-clock'
import { covers, union } from '../../shared/intervals'
import { UNCONFIRMED_LABEL } from '../../shared/unconfirmed'

/**
 * Visible hours of a column, as durations of time elapsed since local midnight (`HH:mm:ss`): the board draws a day
 * by elapsed time (day-clock.ts), so on the day clocks go back it runs to `25:00:00`.
 */
export interface VisibleHours {
  readonly slotMinTime: string
  readonly slotMaxTime: string
}

/** One colour per clinician: dark enough for white text and for 3:1 against the board (WCAG 1.4.11). */
export const clinicianPalette = [
  '#1565c0',
  '#2e7d32',
  '#6a1b9a',
  '#c62828',
  '#00695c',
  '#ad1457',
  '#4527a0',
  '#8d4a00',
  '#37474f',
  '#283593',
] as const

/** The colour of the clinician at this position of the location's list. */
export const clinicianColour = (index: number): string =>
  clinicianPalette[index % clinicianPalette.length] ?? '#37474f'

/** Same height per minute in every column (and the time axis), so 09:00 lines up across slot sizes. */
export const PX_PER_MINUTE = 1.6

const PADDING_MINUTES = 60
const DEFAULT_HOURS: VisibleHours = { slotMinTime: '08:00:00', slotMaxTime: '18:00:00' }

/** Minutes from midnight of a duration (`HH:mm:ss`). */
export const durationMinutes = (value: string): number => {
  const [hours = 0, minutes = 0] = value.split(':').map(Number)
  return hours * 60 + minutes
}

/** A duration (`HH:mm:ss`) of minutes since midnight: 24:00:00 and on past the 24th hour. */
export const duration = (minutes: number): string => {
  const hours = Math.floor(minutes / 60)
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`
}

/** Minutes from the day's local midnight to `instant`, within the day (its length for the next midnight). */
const dayMinute = (instant: number, day: Pick<DayView, 'bounds'>): number =>
  Math.min(
    elapsedMinutes(day.bounds.end, day.bounds),
    Math.max(0, elapsedMinutes(instant, day.bounds)),
  )

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))

/** The smallest step that is on every schedule's slot grid (spec §5.5: slots count from local midnight). */
function commonGrid(slotSizes: readonly number[]): number {
  const grid = slotSizes
    .filter((size) => size > 0)
    .reduce((common, size) => (common * size) / gcd(common, size), 60)
  return grid <= 6 * 60 ? grid : 60
}

/**
 * The hours to show: the location's opening hours of that day (free ∪ busy of every schedule), an hour of
 * padding each side, whole hours, starting on every schedule's slot grid (so each column's rows, which count from
 * the first one shown, land on the server's boundaries). By elapsed time, so a DST day shows its real opening hours
 * (23 or 25 of them for a 24-hour schedule).
 */
export function visibleHours(day: DayView, slotSizes: readonly number[]): VisibleHours {
  const opening = union(...day.schedules.map((schedule) => [...schedule.free, ...schedule.busy]))
  const first = opening[0]
  const last = opening[opening.length - 1]
  if (!first || !last) return DEFAULT_HOURS
  const grid = commonGrid(slotSizes)
  const open = dayMinute(first.start, day)
  const close = dayMinute(last.end, day)
  const from = Math.max(0, Math.floor((open - PADDING_MINUTES) / 60) * 60)
  const to = Math.min(
    dayMinute(day.bounds.end, day),
    Math.ceil((close + PADDING_MINUTES) / 60) * 60,
  )
  const alignedFrom = Math.floor(from / grid) * grid
  return {
    slotMinTime: duration(alignedFrom),
    slotMaxTime: duration(Math.max(to, alignedFrom + grid)),
  }
}

/**
 * Where the board opens, in minutes since the day's local midnight: the first opening time of the shown schedules, or on
 * today the current time when the clinic is already open (so the first screen is never closed night). A schedule
 * open from midnight (a 24-hour one) does not decide the opening while others open later: starting the board at
 * 00:00 for it would show every other column closed.
 * Null when nothing opens that day and it is not today.
 */
export function openingMinute(day: DayView, now: number): number | null {
  const starts = day.schedules
    .map((schedule) => union([...schedule.free, ...schedule.busy])[0]?.start)
    .filter((start): start is number => start !== undefined)
  const daytime = starts.filter((start) => start > day.bounds.start)
  const first = Math.min(...(daytime.length > 0 ? daytime : starts))
  const open = Number.isFinite(first) ? dayMinute(first, day) : null
  const today = now >= day.bounds.start && now < day.bounds.end
  if (!today) return open
  const current = dayMinute(now, day)
  return open === null ? current : Math.max(open, current)
}

/** Up to three initials of a name ("Dr Andrew Turner" → "AT"): written on the clinician's band (WCAG 1.4.1). */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => /^\p{L}/u.test(word) && !/^(dr|mr|mrs|ms|miss|prof)\.?$/i.test(word))
    .map((word) => word[0]!.toLocaleUpperCase())
    .slice(0, 3)
    .join('')
}

/** A clinician shown on the board, with their colour and place in the band stack. */
export interface ShownClinician {
  readonly day: ClinicianDay
  readonly name: string
  readonly colour: string
  readonly lane: number
}

/** What a block of a column is drawn as (styles.css, `.fd-block`). */
export type BlockKind = 'free' | 'busy' | 'unconfirmed' | 'past' | 'clinician'

/** One drawn block of a column: a range of the day and what it is, over the column's closed ground. */
export interface ColumnBlock extends Range {
  readonly kind: BlockKind
  /** The words drawn in the block: "Booked", the unconfirmed mark's label, a clinician's initials. */
  readonly text?: string
  /** What hovering the block says, when more than its words. */
  readonly tooltip?: string
  /** A clinician's colour, and their place in the stack of bands at the column's right. */
  readonly colour?: string
  readonly lane?: number
}

/**
 * The blocks of one column, bottom layer first: free, busy, this desk's unanswered bookings where the time shows busy
 * (probably its own, unconfirmed), the past part of today over them, and the shown clinicians' bands on top.
 */
export function columnBlocks(
  schedule: ScheduleDay,
  shown: readonly ShownClinician[],
  past: Range | null = null,
  unconfirmed: readonly JournalEntry[] = [],
): ColumnBlock[] {
  const blocks: ColumnBlock[] = schedule.free.map(({ start, end }) => ({
    kind: 'free',
    start,
    end,
  }))
  for (const { start, end } of schedule.busy) {
    if (end <= start) continue // spec §5.4: zero-length busy ranges exist; nothing to draw
    blocks.push({ kind: 'busy', start, end, text: 'Booked' })
  }
  for (const { draft } of unconfirmed) {
    const who = [draft.firstName, draft.lastName].filter(Boolean).join(' ')
    blocks.push({
      kind: 'unconfirmed',
      start: draft.start,
      end: draft.end,
      text: UNCONFIRMED_LABEL,
      tooltip: who ? `${UNCONFIRMED_LABEL}: ${who}` : UNCONFIRMED_LABEL,
    })
  }
  // Time already gone is drawn as such over free and busy: it is never offered (selectionAllowed).
  if (past && past.end > past.start) blocks.push({ kind: 'past', start: past.start, end: past.end })
  for (const clinician of shown)
    for (const { start, end } of clinician.day.available[schedule.scheduleId] ?? [])
      blocks.push({
        kind: 'clinician',
        start,
        end,
        text: initials(clinician.name),
        tooltip: `${clinician.name} available`,
        colour: clinician.colour,
        lane: clinician.lane,
      })
  return blocks
}

/** Where a range sits in a column, in px from the top of its first shown row. */
export interface Box {
  readonly top: number
  readonly height: number
}

/**
 * The box a range of the day takes in a column showing `hours`: by time elapsed since the day's midnight, as every
 * column and the time axis count it (a 25-hour day has 25 hours of rows), cut to the hours shown; null when none of
 * it is shown.
 */
export function boxOf(range: Range, bounds: Range, hours: VisibleHours): Box | null {
  const from = durationMinutes(hours.slotMinTime)
  const to = durationMinutes(hours.slotMaxTime)
  const start = Math.max(from, dayMinute(range.start, { bounds }))
  const end = Math.min(to, dayMinute(range.end, { bounds }))
  if (end <= start) return null
  return { top: (start - from) * PX_PER_MINUTE, height: (end - start) * PX_PER_MINUTE }
}

/**
 * Whether a selection may be made: inside the schedule's free time, not in the past, and — when booking for a
 * clinician — inside their real availability on this schedule.
 */
export function selectionAllowed(
  range: Range,
  free: readonly Range[],
  clinicianAvailable: readonly Range[] | null,
  now: number,
): boolean {
  if (range.start < now) return false
  if (!covers(free, range)) return false
  return clinicianAvailable === null || covers(clinicianAvailable, range)
}

/**
 * The zone to find a day's slot boundaries in (bookableStarts): on an ordinary day whose times all lie within it,
 * the fixed offset of its midnight, which is the location's offset at every instant of the day, so the starts are
 * the same, found without asking Intl for the named zone's offset at each one; otherwise the location's zone.
 */
export function slotZone(view: DayView): string {
  const within = (range: Range): boolean =>
    range.start >= view.bounds.start && range.end <= view.bounds.end
  const ordinary =
    clockChange(view.date, view.timeZone) === null &&
    view.schedules.every((schedule) => schedule.free.every(within))
  return ordinary ? dayClockZone(view.date, view.timeZone) : view.timeZone
}
