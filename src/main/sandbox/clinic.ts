// The clinic in memory: records plus the indexes that keep free/busy cheap (events by schedule and local day).
import { dayKeysBetween, ServerZone, type Instant } from './dates'
import type {
  AppointmentRecord,
  AppointmentStatus,
  AppointmentTypeRecord,
  CalendarBlockRecord,
  ClinicData,
  CustomerRecord,
  DayGenerator,
  LocationRecord,
  RosterAreaRecord,
  RosterEventRecord,
  ScheduleRecord,
  UserRecord,
} from './model'

/** An act on a schedule's day: an appointment (busy unless cancelled) or a calendar block (always busy). */
export type ScheduleEvent =
  | { readonly kind: 'appointment'; readonly record: AppointmentRecord }
  | { readonly kind: 'block'; readonly record: CalendarBlockRecord }

/** Whether an event counts as busy (spec §5.2: cancelled appointments are ignored, blocks always count). */
export const isBusy = (event: ScheduleEvent): boolean =>
  event.kind === 'block' || event.record.status !== 'CANCELLED'

const byStartThenId = (a: ScheduleEvent, b: ScheduleEvent): number =>
  a.record.start - b.record.start || a.record.id - b.record.id

/** The clinic's records and indexes; everything the HTTP handlers read or change goes through here. */
export class Clinic {
  readonly zone: ServerZone
  readonly locations: readonly LocationRecord[]
  readonly users: readonly UserRecord[]
  readonly schedules: readonly ScheduleRecord[]
  private readonly locationsById: Map<number, LocationRecord>
  private readonly usersById: Map<number, UserRecord>
  private readonly schedulesById: Map<number, ScheduleRecord>
  private readonly typesById: Map<number, AppointmentTypeRecord>
  private readonly areasById: Map<number, RosterAreaRecord>
  private readonly customersById: Map<number, CustomerRecord>
  readonly customers: readonly CustomerRecord[]
  private readonly appointmentsById = new Map<number, AppointmentRecord>()
  /** `scheduleId|yyyy-MM-dd` → events that strictly intersect that local day, sorted by start then id. */
  private readonly eventsByScheduleDay = new Map<string, ScheduleEvent[]>()
  /** `yyyy-MM-dd` → appointments intersecting that day on any schedule (user free/busy, spec §6.1). */
  private readonly appointmentsByDay = new Map<string, AppointmentRecord[]>()
  private readonly staticRoster: RosterEventRecord[]
  private readonly generatedRoster = new Map<string, RosterEventRecord[]>()
  private readonly generatedDays = new Set<string>()
  /** Status changes of generated appointments, applied when their day is generated. */
  private readonly pendingStatuses = new Map<number, AppointmentStatus>()
  private nextId: number
  /** The configured fixed clock, or null for the real clock. */
  fixedNow: Instant | null

  constructor(
    data: ClinicData,
    private readonly generator: DayGenerator | null = null,
  ) {
    this.zone = new ServerZone(data.timeZone)
    this.fixedNow = data.now
    this.locations = data.locations
    this.users = data.users
    this.schedules = data.schedules
    this.customers = data.customers
    this.locationsById = new Map(data.locations.map((item) => [item.id, item]))
    this.usersById = new Map(data.users.map((item) => [item.id, item]))
    this.schedulesById = new Map(data.schedules.map((item) => [item.id, item]))
    this.typesById = new Map(data.appointmentTypes.map((item) => [item.id, item]))
    this.areasById = new Map(data.rosterAreas.map((item) => [item.id, item]))
    this.customersById = new Map(data.customers.map((item) => [item.id, item]))
    this.staticRoster = data.rosterEvents
    data.appointments.forEach((record) => this.index({ kind: 'appointment', record }))
    data.calendarBlocks.forEach((record) => this.index({ kind: 'block', record }))
    this.nextId = Math.max(0, ...data.appointments.map((record) => record.id)) + 1
  }

  /** The server clock (spec §7.1 step 4 compares with it). */
  now(): Instant {
    return this.fixedNow ?? Date.now()
  }

  location(id: number): LocationRecord | undefined {
    return this.locationsById.get(id)
  }

  user(id: number): UserRecord | undefined {
    return this.usersById.get(id)
  }

  userByLogin(login: string): UserRecord | undefined {
    return this.users.find((user) => user.login === login)
  }

  schedule(id: number): ScheduleRecord | undefined {
    return this.schedulesById.get(id)
  }

  appointmentType(id: number): AppointmentTypeRecord | undefined {
    return this.typesById.get(id)
  }

  rosterArea(id: number): RosterAreaRecord | undefined {
    return this.areasById.get(id)
  }

  customer(id: number): CustomerRecord | undefined {
    return this.customersById.get(id)
  }

  /** An appointment by id, generating its day first when it is a generated one. */
  appointment(id: number): AppointmentRecord | undefined {
    const day = this.generator?.dayOfId(id)
    if (day) this.ensureDay(day)
    return this.appointmentsById.get(id)
  }

  /** The id the next booking gets: above every id in the dataset and the state (sandbox-dataset.md). */
  allocateId(): number {
    return this.nextId++
  }

  /** Adds a new appointment (a booking) to the indexes. */
  addAppointment(record: AppointmentRecord): void {
    this.nextId = Math.max(this.nextId, record.id + 1)
    this.index({ kind: 'appointment', record })
  }

  /** Changes an appointment's status (cancel, check-in…), even for a generated day not yet built. */
  setStatus(id: number, status: AppointmentStatus): boolean {
    const record = this.appointment(id)
    if (record) {
      record.status = status
      return true
    }
    return false
  }

  /** Records a status for a generated appointment whose day may not be built yet (state restore). */
  restoreStatus(id: number, status: AppointmentStatus): void {
    if (!this.setStatus(id, status)) this.pendingStatuses.set(id, status)
  }

  /** Events on a schedule that strictly intersect a local day, sorted by start then id (spec §5.2). */
  eventsOn(scheduleId: number, dayKey: string): readonly ScheduleEvent[] {
    this.ensureDay(dayKey)
    return this.eventsByScheduleDay.get(`${scheduleId}|${dayKey}`) ?? []
  }

  /** Appointments on any schedule intersecting [from, to), each once (spec §6.1). */
  appointmentsBetween(from: Instant, to: Instant): AppointmentRecord[] {
    if (to <= from) return []
    const seen = new Set<number>()
    const found: AppointmentRecord[] = []
    for (const day of dayKeysBetween(this.zone.dayKey(from), this.zone.dayKey(to))) {
      this.ensureDay(day)
      for (const record of this.appointmentsByDay.get(day) ?? []) {
        if (!seen.has(record.id) && record.start < to && record.end > from) {
          seen.add(record.id)
          found.push(record)
        }
      }
    }
    return found
  }

  /** Roster events intersecting (from, to): the dataset's in file order, then generated days in date order. */
  rosterEventsBetween(from: Instant, to: Instant): RosterEventRecord[] {
    const within = (event: RosterEventRecord): boolean => event.start < to && event.end > from
    const found = this.staticRoster.filter(within)
    if (this.generator && to > from) {
      for (const day of dayKeysBetween(this.zone.dayKey(from), this.zone.dayKey(to))) {
        this.ensureDay(day)
        found.push(...(this.generatedRoster.get(day) ?? []).filter(within))
      }
    }
    return found
  }

  private ensureDay(dayKey: string): void {
    if (!this.generator || this.generatedDays.has(dayKey) || !this.generator.covers(dayKey)) return
    this.generatedDays.add(dayKey)
    const day = this.generator.generate(dayKey)
    for (const record of day.appointments) {
      const status = this.pendingStatuses.get(record.id)
      if (status) record.status = status
      this.index({ kind: 'appointment', record })
    }
    day.calendarBlocks.forEach((record) => this.index({ kind: 'block', record }))
    this.generatedRoster.set(dayKey, day.rosterEvents)
  }

  private index(event: ScheduleEvent): void {
    const { record } = event
    if (event.kind === 'appointment') this.appointmentsById.set(record.id, event.record)
    const first = this.zone.dayKey(record.start)
    // A zero-length act sits on its start day; otherwise every day it strictly intersects (spec §5.2).
    const last = record.end > record.start ? this.zone.dayKey(record.end - 1) : first
    for (const day of dayKeysBetween(first, last)) {
      const key = `${record.schedule}|${day}`
      const list = this.eventsByScheduleDay.get(key)
      if (list) {
        list.push(event)
        list.sort(byStartThenId)
      } else {
        this.eventsByScheduleDay.set(key, [event])
      }
      if (event.kind === 'appointment') {
        const daily = this.appointmentsByDay.get(day)
        if (daily) daily.push(event.record)
        else this.appointmentsByDay.set(day, [event.record])
      }
    }
  }
}
