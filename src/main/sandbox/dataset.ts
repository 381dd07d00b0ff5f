// The dataset file format of sandbox-dataset.md: validated in full before anything starts (never half-loaded).
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { parseTimeOfDay, ServerZone, WEEKDAYS, type Instant } from './dates'
import { APPOINTMENT_STATUSES, type ClinicData, type DayHours } from './model'
import { newLinkId } from './link-id'

/** A dataset that cannot be loaded; the message names the file, the field path and the reason. */
export class DatasetError extends Error {
  constructor(
    readonly source: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${source}: ${field || '(root)'}: ${reason}`)
    this.name = 'DatasetError'
  }
}

const id = z.number().int().positive()
const time = z
  .string()
  .refine((text) => parseTimeOfDay(text) !== null, 'expected a time of day HH:mm')
const dateTime = z.string().min(1)

const dayHours = z.strictObject({
  open: z.boolean().default(true),
  start: time.default('08:00'),
  end: time.default('17:00'),
})

const schema = z.strictObject({
  timeZone: z.string().min(1),
  now: dateTime.nullish(),
  users: z
    .array(
      z.strictObject({
        id,
        name: z.string(),
        login: z.string().min(1),
        password: z.string(),
        active: z.boolean().default(true),
        onlineBooking: z.boolean().default(false),
        clinician: z.boolean().default(false),
        locations: z.array(id).default([]),
        bookingRole: z.boolean().default(false),
      }),
    )
    .default([]),
  locations: z
    .array(z.strictObject({ id, name: z.string(), onlineBooking: z.boolean().default(false) }))
    .default([]),
  appointmentTypes: z
    .array(z.strictObject({ id, name: z.string(), onlineBooking: z.boolean().default(false) }))
    .default([]),
  schedules: z
    .array(
      z.strictObject({
        id,
        name: z.string(),
        location: id.nullish(),
        active: z.boolean().default(true),
        onlineBooking: z.boolean().default(false),
        slotSize: z.number().int().nonnegative().default(15),
        slotUnits: z.enum(['MINUTES', 'HOURS']).default('MINUTES'),
        startTime: time.nullish(),
        endTime: time.nullish(),
        onlineBookingTimes: z.partialRecord(z.enum(WEEKDAYS), dayHours).nullish(),
        appointmentTypes: z
          .array(z.strictObject({ type: id, slots: z.number().int().nonnegative() }))
          .default([]),
      }),
    )
    .default([]),
  rosterAreas: z
    .array(
      z.strictObject({
        id,
        location: id,
        active: z.boolean().default(true),
        schedules: z.array(id).default([]),
      }),
    )
    .default([]),
  rosterEvents: z
    .array(z.strictObject({ user: id, area: id, location: id, start: dateTime, end: dateTime }))
    .default([]),
  customers: z
    .array(
      z.strictObject({
        id,
        title: z.string().nullish(),
        firstName: z.string(),
        lastName: z.string(),
        companyName: z.string().nullish(),
        active: z.boolean().default(true),
        phones: z
          .array(
            z.strictObject({
              areaCode: z.string().default(''),
              number: z.string(),
              purposes: z.array(z.string()).default([]),
              sms: z.boolean().default(false),
              preferred: z.boolean().default(false),
            }),
          )
          .default([]),
        emails: z
          .array(z.strictObject({ address: z.string(), preferred: z.boolean().default(false) }))
          .default([]),
        patients: z
          .array(z.strictObject({ id, name: z.string(), active: z.boolean().default(true) }))
          .default([]),
      }),
    )
    .default([]),
  appointments: z
    .array(
      z.strictObject({
        id,
        linkId: z.string().min(1).optional(),
        schedule: id,
        appointmentType: id,
        start: dateTime,
        end: dateTime,
        status: z.enum(APPOINTMENT_STATUSES).default('PENDING'),
        customer: id.nullish(),
        patient: id.nullish(),
        clinician: id.nullish(),
        onlineBooking: z.boolean().default(false),
        bookingNotes: z.string().nullish(),
      }),
    )
    .default([]),
  calendarBlocks: z
    .array(z.strictObject({ schedule: id, start: dateTime, end: dateTime }))
    .default([]),
})

/** The dataset as written in a file (before validation). */
export type DatasetInput = z.input<typeof schema>

function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('')
}

/** Validates a dataset object and resolves it to clinic records; throws DatasetError naming `source`. */
export function parseDataset(raw: unknown, source: string): ClinicData {
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const path = [...(issue?.path ?? [])]
    if (issue?.code === 'unrecognized_keys') path.push(issue.keys[0] ?? '')
    const reason =
      issue?.code === 'unrecognized_keys' ? 'unknown field' : (issue?.message ?? 'invalid')
    throw new DatasetError(source, fieldPath(path), reason)
  }
  const data = parsed.data
  const fail = (field: string, reason: string): never => {
    throw new DatasetError(source, field, reason)
  }

  let zone: ServerZone
  try {
    zone = new ServerZone(data.timeZone)
  } catch {
    return fail('timeZone', `unknown time zone "${data.timeZone}"`)
  }
  // A value without an offset is wall time in the dataset's zone (sandbox-dataset.md).
  const instant = (text: string, field: string): Instant => {
    const hasOffset = /(Z|[+-]\d{2}(:?\d{2})?)$/.test(text) && /T/.test(text)
    const value = hasOffset ? Date.parse(text) : zone.parseWall(text)
    if (value === null || Number.isNaN(value)) {
      return fail(field, `not an ISO 8601 date-time: "${text}"`)
    }
    return value
  }
  const seconds = (text: string | null | undefined): number | null =>
    text == null ? null : (parseTimeOfDay(text) ?? null)

  const unique = (items: readonly { id: number }[], field: string): Set<number> => {
    const seen = new Set<number>()
    items.forEach((item, index) => {
      if (seen.has(item.id)) fail(`${field}[${index}].id`, `duplicate id ${item.id}`)
      seen.add(item.id)
    })
    return seen
  }
  const locationIds = unique(data.locations, 'locations')
  const typeIds = unique(data.appointmentTypes, 'appointmentTypes')
  const scheduleIds = unique(data.schedules, 'schedules')
  const userIds = unique(data.users, 'users')
  const areaIds = unique(data.rosterAreas, 'rosterAreas')
  const customerIds = unique(data.customers, 'customers')
  unique(data.appointments, 'appointments')
  const logins = new Set<string>()
  data.users.forEach((user, index) => {
    if (logins.has(user.login)) fail(`users[${index}].login`, `duplicate login "${user.login}"`)
    logins.add(user.login)
    user.locations.forEach((location, at) => {
      if (!locationIds.has(location)) {
        fail(`users[${index}].locations[${at}]`, `no location with id ${location}`)
      }
    })
  })
  const must = (ids: Set<number>, value: number, field: string, what: string): void => {
    if (!ids.has(value)) fail(field, `no ${what} with id ${value}`)
  }
  data.schedules.forEach((schedule, index) => {
    if (schedule.location != null) {
      must(locationIds, schedule.location, `schedules[${index}].location`, 'location')
    }
    schedule.appointmentTypes.forEach((link, at) =>
      must(
        typeIds,
        link.type,
        `schedules[${index}].appointmentTypes[${at}].type`,
        'appointment type',
      ),
    )
  })
  data.rosterAreas.forEach((area, index) => {
    must(locationIds, area.location, `rosterAreas[${index}].location`, 'location')
    area.schedules.forEach((schedule, at) =>
      must(scheduleIds, schedule, `rosterAreas[${index}].schedules[${at}]`, 'schedule'),
    )
  })
  const patientOwner = new Map<number, number>()
  data.customers.forEach((customer) =>
    customer.patients.forEach((patient) => patientOwner.set(patient.id, customer.id)),
  )

  const rosterEvents = data.rosterEvents.map((event, index) => {
    const field = `rosterEvents[${index}]`
    must(userIds, event.user, `${field}.user`, 'user')
    must(areaIds, event.area, `${field}.area`, 'roster area')
    must(locationIds, event.location, `${field}.location`, 'location')
    const start = instant(event.start, `${field}.start`)
    const end = instant(event.end, `${field}.end`)
    if (end <= start) fail(`${field}.end`, 'must be after start')
    return { ...event, start, end }
  })
  const appointments = data.appointments.map((appointment, index) => {
    const field = `appointments[${index}]`
    must(scheduleIds, appointment.schedule, `${field}.schedule`, 'schedule')
    must(typeIds, appointment.appointmentType, `${field}.appointmentType`, 'appointment type')
    if (appointment.customer != null) {
      must(customerIds, appointment.customer, `${field}.customer`, 'customer')
    }
    if (appointment.patient != null && !patientOwner.has(appointment.patient)) {
      fail(`${field}.patient`, `no patient with id ${appointment.patient}`)
    }
    if (appointment.clinician != null) {
      must(userIds, appointment.clinician, `${field}.clinician`, 'user')
    }
    const start = instant(appointment.start, `${field}.start`)
    const end = instant(appointment.end, `${field}.end`)
    if (end < start) fail(`${field}.end`, 'must not be before start')
    return {
      id: appointment.id,
      linkId: appointment.linkId ?? newLinkId(),
      schedule: appointment.schedule,
      appointmentType: appointment.appointmentType,
      start,
      end,
      status: appointment.status,
      customer: appointment.customer ?? null,
      patient: appointment.patient ?? null,
      clinician: appointment.clinician ?? null,
      onlineBooking: appointment.onlineBooking,
      bookingNotes: appointment.bookingNotes ?? null,
    }
  })
  const maxId = Math.max(0, ...data.appointments.map((appointment) => appointment.id))
  const calendarBlocks = data.calendarBlocks.map((block, index) => {
    const field = `calendarBlocks[${index}]`
    must(scheduleIds, block.schedule, `${field}.schedule`, 'schedule')
    const start = instant(block.start, `${field}.start`)
    const end = instant(block.end, `${field}.end`)
    if (end < start) fail(`${field}.end`, 'must not be before start')
    return { id: maxId + index + 1, schedule: block.schedule, start, end }
  })

  return {
    timeZone: data.timeZone,
    now: data.now == null ? null : instant(data.now, 'now'),
    users: data.users.map((user) => ({ ...user, locations: [...user.locations] })),
    locations: data.locations.map((location) => ({ ...location })),
    appointmentTypes: data.appointmentTypes.map((type) => ({ ...type })),
    schedules: data.schedules.map((schedule) => ({
      id: schedule.id,
      name: schedule.name,
      location: schedule.location ?? null,
      active: schedule.active,
      onlineBooking: schedule.onlineBooking,
      slotSize: schedule.slotUnits === 'HOURS' ? schedule.slotSize * 60 : schedule.slotSize,
      startTime: seconds(schedule.startTime),
      endTime: seconds(schedule.endTime),
      onlineBookingTimes: schedule.onlineBookingTimes
        ? WEEKDAYS.map((day): DayHours => {
            const hours = schedule.onlineBookingTimes?.[day]
            return {
              open: hours?.open ?? true,
              start: seconds(hours?.start ?? '08:00') ?? 8 * 3600,
              end: seconds(hours?.end ?? '17:00') ?? 17 * 3600,
            }
          })
        : null,
      appointmentTypes: schedule.appointmentTypes.map((link) => ({ ...link })),
    })),
    rosterAreas: data.rosterAreas.map((area) => ({ ...area, schedules: [...area.schedules] })),
    rosterEvents,
    customers: data.customers.map((customer) => ({
      id: customer.id,
      title: customer.title ?? null,
      firstName: customer.firstName,
      lastName: customer.lastName,
      companyName: customer.companyName ?? null,
      active: customer.active,
      phones: customer.phones.map((phone) => ({ ...phone, purposes: [...phone.purposes] })),
      emails: customer.emails.map((email) => ({ ...email })),
      patients: customer.patients.map((patient) => ({ ...patient })),
    })),
    appointments,
    calendarBlocks,
  }
}

/** Reads and validates a dataset file; throws DatasetError naming the file. */
export function loadDatasetFile(file: string): ClinicData {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new DatasetError(file, '', `cannot read file (${(error as NodeJS.ErrnoException).code})`)
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw new DatasetError(file, '', `not valid JSON (${(error as Error).message})`)
  }
  return parseDataset(raw, file)
}
