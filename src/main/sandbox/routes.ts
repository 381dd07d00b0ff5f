// The v2 resources (spec §3): path matching, parameter conversion, lookups and DTOs. Pure: request in, response out.
import type { Clinic } from './clinic'
import { readBookingBody } from './booking-body'
import { bookingDto, cancelBooking, createBooking, findBooking } from './bookings'
import { parseQueryDate, type Instant } from './dates'
import type { AppointmentRecord, LocationRecord, ScheduleRecord, UserRecord } from './model'
import {
  badRequest,
  containerPage,
  HttpFailure,
  json,
  notFound,
  text,
  type SandboxResponse,
} from './responses'
import { scheduleFreeBusy, type Span } from './schedule-free-busy'
import { userFreeBusy, type ScheduleSpan } from './user-free-busy'

/** One authenticated API request, already split into path segments after the base URL. */
export interface ApiRequest {
  method: string
  segments: string[]
  query: URLSearchParams
  headers: Record<string, string | string[] | undefined>
  body: string
  user: UserRecord
  /** Absolute base URL as the client addressed it (for the Location header). */
  baseUrl: string
}

/** What a route tells the server beyond its response: a change to persist. */
export interface ApiResult {
  response: SandboxResponse
  /** A booking was made. */
  created?: AppointmentRecord
  /** An appointment's status changed (a cancellation). */
  statusChanged?: AppointmentRecord
  /** Set when GET /bookings/{ref} found a valid booking (for `emulateGetDefect`). */
  foundBooking?: boolean
}

interface Params {
  ids: number[]
  reference: string
}

type Handler = (clinic: Clinic, request: ApiRequest, params: Params) => ApiResult

interface Route {
  pattern: string[]
  methods: Record<string, Handler>
  /** The media type the methods produce (for 406); DELETE produces nothing. */
  produces: string
}

const ok = (value: unknown): ApiResult => ({ response: json(value) })

// --- lookups (spec §3.1–§3.3) ---

function practiceLocation(clinic: Clinic, id: number): LocationRecord {
  const location = clinic.location(id)
  if (!location || !location.onlineBooking) throw notFound('Practice location not found')
  return location
}

function onlineSchedule(clinic: Clinic, id: number): ScheduleRecord {
  const schedule = clinic.schedule(id)
  if (!schedule) throw notFound('Schedule not found')
  if (!schedule.onlineBooking) throw badRequest('Schedule is not available for online booking')
  return schedule
}

function onlineUser(clinic: Clinic, id: number): UserRecord {
  const user = clinic.user(id)
  if (!user || !user.active || !user.onlineBooking) throw notFound('User not found')
  return user
}

function userLocations(clinic: Clinic, user: UserRecord): LocationRecord[] {
  return clinic.locations.filter(
    (location) =>
      location.onlineBooking &&
      (user.locations.length === 0 || user.locations.includes(location.id)),
  )
}

function userLocation(clinic: Clinic, user: UserRecord, id: number): LocationRecord {
  const location = userLocations(clinic, user).find((item) => item.id === id)
  if (!location) throw notFound('Location not found')
  return location
}

/** spec §3.2 steps 1–2: missing → "Missing", unparseable → "not a valid ISO date/time: <value>". */
function dateParam(query: URLSearchParams, name: 'from' | 'to'): Instant {
  const value = query.get(name)
  if (value === null) throw badRequest(`Missing '${name}' parameter`)
  const parsed = parseQueryDate(value)
  if (parsed === null)
    throw badRequest(`Parameter '${name}' is not a valid ISO date/time: ${value}`)
  return parsed
}

// --- DTOs (spec §2) ---

const locationDto = (clinic: Clinic, location: LocationRecord) => ({
  id: location.id,
  name: location.name,
  timeZone: clinic.zone.name,
})
const scheduleDto = (schedule: ScheduleRecord) => ({
  id: schedule.id,
  name: schedule.name,
  slotSize: schedule.slotSize,
})
const userDto = (user: UserRecord) => ({ id: user.id, name: user.name })
const rangeDto = (clinic: Clinic, range: Span) => ({
  start: clinic.zone.format(range.start),
  end: clinic.zone.format(range.end),
})
const scheduleRangeDto = (clinic: Clinic, range: ScheduleSpan) => ({
  start: clinic.zone.format(range.start),
  end: clinic.zone.format(range.end),
  schedule: range.schedule,
})

// --- handlers ---

function scheduleFreeBusyHandler(part: 'free' | 'busy' | 'freebusy'): Handler {
  return (clinic, request, { ids: [id] }) => {
    // spec §3.2: dates are validated before the schedule lookup.
    const from = dateParam(request.query, 'from')
    const to = dateParam(request.query, 'to')
    const schedule = onlineSchedule(clinic, id ?? 0)
    const slots = (request.query.get('slots') ?? '').toLowerCase() === 'true'
    const result = scheduleFreeBusy(clinic, schedule, from, to, slots)
    const free = result.free.map((range) => rangeDto(clinic, range))
    const busy = result.busy.map((range) => rangeDto(clinic, range))
    return ok(part === 'free' ? free : part === 'busy' ? busy : { free, busy })
  }
}

function userFreeBusyHandler(part: 'free' | 'busy' | 'freebusy'): Handler {
  return (clinic, request, { ids: [userId, locationId] }) => {
    // spec §3.3: here the user and location checks come before the dates.
    const user = onlineUser(clinic, userId ?? 0)
    const location = userLocation(clinic, user, locationId ?? 0)
    const from = dateParam(request.query, 'from')
    const to = dateParam(request.query, 'to')
    const result = userFreeBusy(clinic, user.id, location.id, from, to)
    const free = result.free.map((range) => scheduleRangeDto(clinic, range))
    const busy = result.busy.map((range) => scheduleRangeDto(clinic, range))
    return ok(part === 'free' ? free : part === 'busy' ? busy : { user: user.id, free, busy })
  }
}

const JSON_TYPE = 'application/json'

const ROUTES: Route[] = [
  {
    pattern: ['locations'],
    produces: JSON_TYPE,
    methods: {
      GET: (clinic) =>
        ok(
          clinic.locations
            .filter((item) => item.onlineBooking)
            .map((item) => locationDto(clinic, item)),
        ),
    },
  },
  {
    pattern: ['locations', '#'],
    produces: JSON_TYPE,
    methods: {
      GET: (clinic, _r, { ids: [id] }) =>
        ok(locationDto(clinic, practiceLocation(clinic, id ?? 0))),
    },
  },
  {
    pattern: ['locations', '#', 'schedules'],
    produces: JSON_TYPE,
    methods: {
      GET: (clinic, _r, { ids: [id] }) => {
        const location = practiceLocation(clinic, id ?? 0)
        // spec §3.1: inactive schedules are included.
        return ok(
          clinic.schedules
            .filter((item) => item.location === location.id && item.onlineBooking)
            .map(scheduleDto),
        )
      },
    },
  },
  {
    pattern: ['locations', '#', 'users'],
    produces: JSON_TYPE,
    methods: {
      GET: (clinic, _r, { ids: [id] }) => {
        const location = practiceLocation(clinic, id ?? 0)
        // spec §3.1: linked here or linked nowhere, online-bookable, active; sorted by name then id.
        const users = clinic.users
          .filter(
            (user) =>
              user.active &&
              user.onlineBooking &&
              (user.locations.length === 0 || user.locations.includes(location.id)),
          )
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id))
        return ok(users.map(userDto))
      },
    },
  },
  {
    pattern: ['schedules', '#'],
    produces: JSON_TYPE,
    methods: {
      GET: (clinic, _r, { ids: [id] }) => ok(scheduleDto(onlineSchedule(clinic, id ?? 0))),
    },
  },
  {
    pattern: ['schedules', '#', 'appointmentTypes'],
    produces: JSON_TYPE,
    methods: {
      GET: (clinic, _r, { ids: [id] }) => {
        const schedule = onlineSchedule(clinic, id ?? 0)
        const types = schedule.appointmentTypes.flatMap((link) => {
          const type = clinic.appointmentType(link.type)
          return type && type.onlineBooking && link.slots > 0
            ? [{ id: type.id, name: type.name, slots: link.slots }]
            : []
        })
        return ok(types)
      },
    },
  },
  {
    pattern: ['schedules', '#', 'free'],
    produces: JSON_TYPE,
    methods: { GET: scheduleFreeBusyHandler('free') },
  },
  {
    pattern: ['schedules', '#', 'busy'],
    produces: JSON_TYPE,
    methods: { GET: scheduleFreeBusyHandler('busy') },
  },
  {
    pattern: ['schedules', '#', 'freebusy'],
    produces: JSON_TYPE,
    methods: { GET: scheduleFreeBusyHandler('freebusy') },
  },
  {
    pattern: ['users', '#'],
    produces: JSON_TYPE,
    methods: { GET: (clinic, _r, { ids: [id] }) => ok(userDto(onlineUser(clinic, id ?? 0))) },
  },
  {
    pattern: ['users', '#', 'locations'],
    produces: JSON_TYPE,
    methods: {
      GET: (clinic, _r, { ids: [id] }) =>
        ok(
          userLocations(clinic, onlineUser(clinic, id ?? 0)).map((item) =>
            locationDto(clinic, item),
          ),
        ),
    },
  },
  {
    pattern: ['users', '#', 'locations', '#'],
    produces: JSON_TYPE,
    methods: {
      GET: (clinic, _r, { ids: [userId, locationId] }) => {
        const user = onlineUser(clinic, userId ?? 0)
        return ok(locationDto(clinic, userLocation(clinic, user, locationId ?? 0)))
      },
    },
  },
  {
    pattern: ['users', '#', 'locations', '#', 'free'],
    produces: JSON_TYPE,
    methods: { GET: userFreeBusyHandler('free') },
  },
  {
    pattern: ['users', '#', 'locations', '#', 'busy'],
    produces: JSON_TYPE,
    methods: { GET: userFreeBusyHandler('busy') },
  },
  {
    pattern: ['users', '#', 'locations', '#', 'freebusy'],
    produces: JSON_TYPE,
    methods: { GET: userFreeBusyHandler('freebusy') },
  },
  {
    pattern: ['bookings'],
    produces: 'text/plain',
    methods: {
      POST: (clinic, request) => {
        const record = createBooking(clinic, request.user, readBookingBody(request.body))
        const reference = `${record.id}:${record.linkId}`
        const response = text(201, reference)
        // spec §7.2: absolute URI of the POST path plus the reference, colon not encoded.
        response.headers.Location = `${request.baseUrl}/bookings/${reference}`
        return { response, created: record }
      },
    },
  },
  {
    pattern: ['bookings', '*'],
    produces: JSON_TYPE,
    methods: {
      GET: (clinic, _r, { reference }) => {
        const record = findBooking(clinic, reference)
        return { response: json(bookingDto(clinic, record)), foundBooking: true }
      },
      DELETE: (clinic, request, { reference }) => {
        const record = cancelBooking(clinic, request.user, reference)
        return { response: { status: 204, headers: {}, body: '' }, statusChanged: record }
      },
    },
  },
]

/** spec §3: JAX-RS `long` path parameters (`+5` and `007` are fine; anything else is the container's 404). */
function parseLong(segment: string): number | null {
  if (!/^[+-]?\d+$/.test(segment)) return null
  const value = BigInt(segment)
  if (value > 9223372036854775807n || value < -9223372036854775808n) return null
  return Number(value)
}

function mediaTypeOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header
  return (value ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
}

/** Whether an Accept header admits a media type (spec §1.2: standard JAX-RS negotiation). */
export function accepts(header: string | string[] | undefined, type: string): boolean {
  const value = Array.isArray(header) ? header.join(',') : header
  if (!value || value.trim() === '') return true
  const [major] = type.split('/')
  return value.split(',').some((part) => {
    const [range = '', ...params] = part.split(';').map((item) => item.trim().toLowerCase())
    const q = params.find((param) => param.startsWith('q='))
    if (q !== undefined && Number(q.slice(2)) === 0) return false
    return range === '*/*' || range === `${major}/*` || range === type
  })
}

/** Routes an authenticated request to its resource; unknown paths are Jersey's `HTTP 404 Not Found`. */
export function handleApi(clinic: Clinic, request: ApiRequest): ApiResult {
  const method = request.method === 'HEAD' ? 'GET' : request.method
  const route = ROUTES.find(
    (candidate) =>
      candidate.pattern.length === request.segments.length &&
      candidate.pattern.every((part, index) =>
        part === '#' || part === '*'
          ? request.segments[index] !== ''
          : part === request.segments[index],
      ),
  )
  if (!route) {
    if (
      request.segments.length === 1 &&
      request.segments[0] === 'application.wadl' &&
      method === 'GET'
    ) {
      return { response: wadl() }
    }
    return { response: text(404, 'HTTP 404 Not Found') }
  }
  const handler = route.methods[method]
  if (!handler) {
    const allow = [...Object.keys(route.methods), 'OPTIONS'].join(',')
    if (method === 'OPTIONS')
      return { response: { status: 200, headers: { Allow: allow }, body: '' } }
    const response = containerPage(405, 'HTTP method not allowed')
    response.headers.Allow = allow
    return { response }
  }
  // spec §1.2: 415 for a non-JSON body, then 406 when Accept excludes what the method produces.
  if (method === 'POST') {
    const type = mediaTypeOf(request.headers['content-type'])
    const isJson = type === 'application/json' || /^application\/[^/]+\+json$/.test(type)
    if (!isJson && !(type === '' && request.body.trim() === '')) {
      return { response: containerPage(415, 'Unsupported Media Type') }
    }
  }
  if (method !== 'DELETE' && !accepts(request.headers.accept, route.produces)) {
    return { response: containerPage(406, 'Not Acceptable') }
  }
  const ids: number[] = []
  let reference = ''
  for (const [index, part] of route.pattern.entries()) {
    const segment = request.segments[index] ?? ''
    if (part === '#') {
      const id = parseLong(segment)
      // spec §1.3: a ParamException, rendered by the container, not by the service.
      if (id === null) return { response: containerPage(404, 'Not Found') }
      ids.push(id)
    } else if (part === '*') {
      reference = segment
    }
  }
  try {
    return handler(clinic, request, { ids, reference })
  } catch (error) {
    if (error instanceof HttpFailure) return { response: error.response }
    throw error
  }
}

function wadl(): SandboxResponse {
  const resources = ROUTES.map(
    (route) =>
      `<resource path="${route.pattern.map((part) => (part === '#' ? '{id}' : part === '*' ? '{reference}' : part)).join('/')}">` +
      Object.keys(route.methods)
        .map((method) => `<method name="${method}"/>`)
        .join('') +
      '</resource>',
  ).join('')
  return {
    status: 200,
    headers: { 'Content-Type': 'application/vnd.sun.wadl+xml' },
    body:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<application xmlns="http://wadl.dev.java.net/2009/02">' +
      `<resources base="/openvpms/ws/booking/v2/">${resources}</resources></application>`,
  }
}
