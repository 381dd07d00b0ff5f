// Generates the seed clinic's days around today: opening hours come from the schedules, then rosters, a lunch
// block and a realistic share of booked time. Seeded by the date alone, so a day is the same on every run
// whatever the clock; built lazily, one day at a time, so start-up stays instant.
import { addDaysToKey, dayNumber, ServerZone, type Instant } from './dates'
import { formatV1Uuid } from './link-id'
import type {
  AppointmentRecord,
  AppointmentStatus,
  CalendarBlockRecord,
  ClinicData,
  DayGenerator,
  GeneratedDay,
  RosterEventRecord,
  ScheduleRecord,
} from './model'
import { hashString, mulberry32 } from './random'

/** Generated acts get ids from here up: `base + epochDay × 1000 + n`, far above any booking id. */
export const GENERATED_ID_BASE = 900_000_000

/** How many days either side of today are generated. */
export const GENERATED_DAYS = 60

const DAY_MS = 86_400_000
const GREGORIAN_OFFSET = 122_192_928_000_000_000n

const epochDay = (dayKey: string): number => Math.round(Date.parse(`${dayKey}T00:00:00Z`) / DAY_MS)

// Weighted statuses: mostly pending, a few cancelled (spec §5.2: those do not count as busy).
const STATUSES: [AppointmentStatus, number][] = [
  ['PENDING', 0.55],
  ['COMPLETED', 0.14],
  ['BILLED', 0.1],
  ['CHECKED_IN', 0.08],
  ['IN_PROGRESS', 0.04],
  ['ADMITTED', 0.02],
  ['CANCELLED', 0.07],
]

// Which location each clinician works at, by ISO weekday (index 0 = Monday); null = day off.
const WORK_PLAN: Record<number, (number | null)[]> = {
  1158: [98, 106, 98, 106, 98, 98, null],
  1159: [106, 98, 106, 98, 106, null, null],
  1160: [106, 106, null, 106, 106, 106, 106],
  1161: [106, null, 106, 106, 106, 106, null],
}

interface Shift {
  user: number
  start: Instant
  end: Instant
}

const LUNCH_START = 12 * 3600 + 30 * 60
const LUNCH_END = 13 * 3600 + 30 * 60
const CONSULT_SLOT = 15

/** The seed clinic's generator: every day from `GENERATED_DAYS` before to after the real date `today`. */
export function createSeedGenerator(data: ClinicData, today: Instant = Date.now()): DayGenerator {
  const zone = new ServerZone(data.timeZone)
  const todayKey = zone.dayKey(today)
  const first = addDaysToKey(todayKey, -GENERATED_DAYS)
  const last = addDaysToKey(todayKey, GENERATED_DAYS)
  const areaOf = new Map<number, number>()
  for (const area of data.rosterAreas) for (const id of area.schedules) areaOf.set(id, area.id)
  const customers = data.customers.filter((customer) => customer.patients.length > 0)

  return {
    covers: (dayKey) =>
      dayNumber(dayKey) >= dayNumber(first) && dayNumber(dayKey) <= dayNumber(last),
    dayOfId: (id) => {
      if (id < GENERATED_ID_BASE) return null
      const day = Math.floor((id - GENERATED_ID_BASE) / 1000)
      const key = new Date(day * DAY_MS).toISOString().slice(0, 10)
      return dayNumber(key) >= dayNumber(first) && dayNumber(key) <= dayNumber(last) ? key : null
    },
    generate: (dayKey) => generateDay(dayKey),
  }

  function generateDay(dayKey: string): GeneratedDay {
    const random = mulberry32(hashString(`openvpms-front-desk sandbox ${dayKey}`))
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
    const midnight = zone.midnight(dayKey)
    const weekday = zone.weekday(midnight)
    let sequence = 0
    const nextId = (): number => GENERATED_ID_BASE + epochDay(dayKey) * 1000 + sequence++
    const node = new Uint8Array(Array.from({ length: 6 }, () => Math.floor(random() * 256)))
    node[0] = (node[0] ?? 0) | 1
    const linkId = (at: Instant, id: number): string =>
      formatV1Uuid(BigInt(at) * 10_000n + GREGORIAN_OFFSET + BigInt(id % 1000), id % 0x3fff, node)

    const appointments: AppointmentRecord[] = []
    const calendarBlocks: CalendarBlockRecord[] = []
    const rosterEvents: RosterEventRecord[] = []
    // Rotates who takes which room, so the board varies from day to day.
    let offset = 0

    for (const locationId of [...new Set(data.schedules.map((item) => item.location))]) {
      if (locationId === null) continue
      const working = Object.entries(WORK_PLAN)
        .filter(([, plan]) => plan[weekday - 1] === locationId)
        .map(([id]) => Number(id))
      const schedules = data.schedules.filter((item) => item.location === locationId && item.active)
      offset = Math.floor(random() * Math.max(1, working.length))
      schedules.forEach((schedule, index) => {
        const window = openHours(schedule, weekday)
        if (!window) return
        const start = zone.atMinuteOfDay(dayKey, window.start / 60)
        const end = zone.atMinuteOfDay(dayKey, window.end / 60)
        const areaId = areaOf.get(schedule.id)
        const shifts: Shift[] = []
        if (areaId !== undefined) {
          shifts.push(...rosterShifts(working, index, start, end))
          for (const shift of shifts) {
            rosterEvents.push({ ...shift, area: areaId, location: locationId })
          }
        }
        const lunch =
          weekday <= 5 && schedule.slotSize <= CONSULT_SLOT
            ? {
                start: zone.atMinuteOfDay(dayKey, LUNCH_START / 60),
                end: zone.atMinuteOfDay(dayKey, LUNCH_END / 60),
              }
            : null
        if (lunch && lunch.start >= start && lunch.end <= end) {
          calendarBlocks.push({ id: nextId(), schedule: schedule.id, ...lunch })
        }
        fillSchedule(schedule, start, end, lunch, shifts)
      })
    }
    return { appointments, calendarBlocks, rosterEvents }

    /**
     * The `index`-th room of a location: a morning and an afternoon shift (split at 13:00) for two of the
     * clinicians working there, rotated by the day's offset. One room per clinician per half-day, so nobody is
     * rostered in two places at once; rooms beyond the number of clinicians get nobody.
     */
    function rosterShifts(
      working: number[],
      index: number,
      open: Instant,
      close: Instant,
    ): Shift[] {
      if (index >= working.length) return []
      const split = Math.min(close, Math.max(open, zone.atMinuteOfDay(dayKey, 13 * 60)))
      const morning = working[(index + offset) % working.length] as number
      const afternoon = working[(index + offset + 1) % working.length] as number
      return [
        { user: morning, start: open, end: split },
        { user: afternoon, start: split, end: close },
      ].filter((shift) => shift.end > shift.start)
    }

    function fillSchedule(
      schedule: ScheduleRecord,
      open: Instant,
      close: Instant,
      lunch: { start: Instant; end: Instant } | null,
      shifts: Shift[],
    ): void {
      const slot = Math.max(1, schedule.slotSize) * 60_000
      const types = schedule.appointmentTypes.filter((link) => link.slots > 0)
      if (types.length === 0) return
      let cursor = open
      while (cursor < close) {
        if (lunch && cursor >= lunch.start && cursor < lunch.end) {
          cursor = lunch.end
          continue
        }
        if (random() < 0.45) {
          const link = pick(types)
          const end = cursor + link.slots * slot
          const crossesLunch = lunch !== null && cursor < lunch.start && end > lunch.start
          if (end <= close && !crossesLunch) {
            const customer = pick(customers)
            const id = nextId()
            appointments.push({
              id,
              linkId: linkId(cursor, id),
              schedule: schedule.id,
              appointmentType: link.type,
              start: cursor,
              end,
              status: pickStatus(random()),
              customer: customer.id,
              patient: pick(customer.patients).id,
              clinician:
                shifts.find((shift) => shift.start <= cursor && cursor < shift.end)?.user ?? null,
              onlineBooking: random() < 0.3,
              bookingNotes: null,
            })
            cursor = end
            continue
          }
        }
        cursor += slot
      }
    }
  }
}

function pickStatus(value: number): AppointmentStatus {
  let total = 0
  for (const [status, weight] of STATUSES) {
    total += weight
    if (value < total) return status
  }
  return 'PENDING'
}

/** The schedule's hours on an ISO weekday (seconds of day), from online booking times or start/end times. */
function openHours(
  schedule: ScheduleRecord,
  weekday: number,
): { start: number; end: number } | null {
  if (schedule.onlineBookingTimes) {
    const hours = schedule.onlineBookingTimes[weekday - 1]
    return hours && hours.open && hours.end > hours.start
      ? { start: hours.start, end: hours.end }
      : null
  }
  // A schedule with its own hours and no booking times still closes on Sundays in the demo.
  if (weekday === 7) return null
  const start = schedule.startTime ?? 8 * 3600
  const end = schedule.endTime ?? 18 * 3600
  return weekday === 6 ? { start, end: Math.min(end, 12 * 3600) } : { start, end }
}
