// Conformance of any OpenVPMS Booking API V2 server, and of this client against it, without knowing its data:
// `OPENVPMS_URL=… OPENVPMS_USER=… OPENVPMS_PASSWORD=… npm run test:live` (OPENVPMS_LIVE_WRITE=1 also books and
// cancels one appointment for "Front Desk Conformance Test"; OPENVPMS_ALLOW_INSECURE=1 permits plain http to another
// host). Requests are bounded: a few locations, schedules and users, over today + 14 days.
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { normaliseServerUrl, OpenVpmsClient } from '../../src/main/openvpms/client'
import type { ScheduleInfo } from '../../src/main/openvpms/client'
import type { AppointmentType, Clinician, Location, Range } from '../../src/shared/domain'
import type { AppError } from '../../src/shared/result'
import { AppFailure } from '../../src/shared/result'
import {
  covered,
  dayWindow,
  listProblems,
  onChangeDay,
  overlapProblems,
  overlapsAny,
  slotProblems,
} from './invariants'

const MAX_LOCATIONS = 3
const MAX_SCHEDULES = 4
const MAX_USERS = 3
const WINDOW_DAYS = 14

function liveSettings(): { baseUrl: string; username: string; password: string; write: boolean } {
  const { OPENVPMS_URL: url, OPENVPMS_USER: username, OPENVPMS_PASSWORD: password } = process.env
  if (!url || !username || password === undefined) {
    throw new Error(
      'Set OPENVPMS_URL, OPENVPMS_USER and OPENVPMS_PASSWORD, or run `npm run test:live`.',
    )
  }
  const normalised = normaliseServerUrl(url)
  if ('error' in normalised) throw new Error(`OPENVPMS_URL: ${normalised.error}`)
  return {
    baseUrl: normalised.baseUrl,
    username,
    password,
    write: process.env.OPENVPMS_LIVE_WRITE === '1',
  }
}

const settings = liveSettings()
const logLines: string[] = []
const client = new OpenVpmsClient({
  baseUrl: settings.baseUrl,
  username: settings.username,
  password: settings.password,
  allowInsecure: process.env.OPENVPMS_ALLOW_INSECURE === '1',
  log: (level, message) => logLines.push(`${level} ${message}`),
})

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise
  } catch (thrown) {
    if (thrown instanceof AppFailure) return thrown.error
    throw thrown
  }
  throw new Error('expected the call to fail')
}

interface Clinic {
  readonly zone: string
  readonly locations: readonly Location[]
  readonly schedules: readonly {
    location: Location
    schedule: ScheduleInfo
    types: AppointmentType[]
  }[]
  readonly users: readonly { location: Location; user: Clinician }[]
}

let discovered: Promise<Clinic> | undefined
/** Walks the server once (bounded) and shares what it found with every test. */
function clinic(): Promise<Clinic> {
  discovered ??= (async () => {
    const locations = await client.listLocations()
    const zone = locations[0]?.timeZone ?? 'UTC'
    const schedules: Clinic['schedules'][number][] = []
    const users: Clinic['users'][number][] = []
    for (const location of locations.slice(0, MAX_LOCATIONS)) {
      for (const schedule of await client.listSchedules(location.id)) {
        if (schedules.length < MAX_SCHEDULES) {
          schedules.push({
            location,
            schedule,
            types: await client.listAppointmentTypes(schedule.id),
          })
        }
      }
      for (const user of await client.listLocationUsers(location.id)) {
        if (users.length < MAX_USERS) users.push({ location, user })
      }
    }
    return { zone, locations, schedules, users }
  })()
  return discovered
}

afterEach(() => {
  // The client redacts passwords of 4+ characters; a shorter one would match ordinary words.
  if (settings.password.length >= 4) expect(logLines.join('\n')).not.toContain(settings.password)
})

describe('authentication', () => {
  it('refuses an unknown account with AUTH', async () => {
    const stranger = new OpenVpmsClient({
      baseUrl: settings.baseUrl,
      username: 'front-desk-conformance-nobody',
      password: 'not-a-password',
      allowInsecure: process.env.OPENVPMS_ALLOW_INSECURE === '1',
    })

    const error = await failureOf(stranger.listLocations())

    expect(error.code).toBe('AUTH')
  })
})

describe('discovery', () => {
  it('lists locations that each look themselves up the same, all in the server zone', async () => {
    const { locations } = await clinic()

    expect(locations.length, 'this account sees no online-booking location').toBeGreaterThan(0)
    for (const location of locations.slice(0, MAX_LOCATIONS)) {
      expect(await client.getLocation(location.id)).toEqual(location)
    }
    expect(new Set(locations.map((location) => location.timeZone)).size).toBe(1)
  })

  it('lists schedules that each look themselves up the same, with bookable types', async () => {
    const { schedules } = await clinic()

    expect(schedules.length, 'the locations have no online-booking schedule').toBeGreaterThan(0)
    for (const { schedule, types } of schedules) {
      expect(await client.getSchedule(schedule.id)).toEqual(schedule)
      for (const type of types) expect(type.slots).toBeGreaterThanOrEqual(1)
    }
  })

  it('lists users per location sorted by name, each found at that location', async () => {
    const { locations, users } = await clinic()

    for (const location of locations.slice(0, MAX_LOCATIONS)) {
      const listed = await client.listLocationUsers(location.id)
      const keys = listed.map((user) => [user.name, user.id] as const)
      const sorted = [...keys].sort(([a, i], [b, j]) => (a < b ? -1 : a > b ? 1 : i - j))
      expect(keys).toEqual(sorted)
    }
    for (const { location, user } of users) {
      expect(await client.getUser(user.id)).toEqual(user)
      expect(await client.listUserLocations(user.id)).toContainEqual(location)
      expect(await client.getUserLocation(user.id, location.id)).toEqual(location)
    }
  })

  it('answers NOT_FOUND for ids that do not exist', async () => {
    const missing = 9_007_199_254_740

    const errors = await Promise.all([
      failureOf(client.getLocation(missing)),
      failureOf(client.getSchedule(missing)),
      failureOf(client.getUser(missing)),
    ])

    expect(errors.map((error) => error.code)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'])
  })
})

describe('schedule free and busy', () => {
  it('are chronological, disjoint and inside the query over the next two weeks', async () => {
    const { zone, schedules } = await clinic()
    const window = dayWindow(zone, WINDOW_DAYS)

    for (const { schedule } of schedules) {
      const { free, busy } = await client.scheduleFreeBusy(schedule.id, window.start, window.end)

      expect(
        listProblems(free, window, zone, { positiveLength: true }),
        `free of ${schedule.name}`,
      ).toEqual([])
      expect(
        listProblems(busy, window, zone, { positiveLength: false }),
        `busy of ${schedule.name}`,
      ).toEqual([])
      expect(overlapProblems(free, busy, zone), schedule.name).toEqual([])
    }
  })

  it('agree with free and busy asked separately', async () => {
    const { zone, schedules } = await clinic()
    const window = dayWindow(zone, 1)
    const first = schedules[0]?.schedule
    expect(first).toBeDefined()
    if (first === undefined) return

    const [both, free, busy] = await Promise.all([
      client.scheduleFreeBusy(first.id, window.start, window.end),
      client.scheduleFree(first.id, window.start, window.end),
      client.scheduleBusy(first.id, window.start, window.end),
    ])

    expect({ free, busy }).toEqual(both)
  })

  it('with slots=true are whole aligned slots inside the unsliced free time (except on change days, §5.5)', async () => {
    const { zone, schedules } = await clinic()
    const window = dayWindow(zone, WINDOW_DAYS)

    for (const { schedule } of schedules.filter(({ schedule }) => schedule.slotSize > 0)) {
      const whole = await client.scheduleFreeBusy(schedule.id, window.start, window.end)
      const answer = await client.scheduleFreeBusy(schedule.id, window.start, window.end, {
        slots: true,
      })
      const ordinary = (slot: Range) => !onChangeDay(slot, zone)
      const sliced = { free: answer.free.filter(ordinary), busy: answer.busy.filter(ordinary) }

      expect(
        slotProblems(sliced.free, schedule.slotSize, zone),
        `free slots of ${schedule.name}`,
      ).toEqual([])
      expect(
        slotProblems(sliced.busy, schedule.slotSize, zone),
        `busy slots of ${schedule.name}`,
      ).toEqual([])
      expect(sliced.free.filter((slot) => !covered(slot, whole.free))).toEqual([])
      expect(overlapProblems(sliced.free, sliced.busy, zone)).toEqual([])
    }
  })
})

describe('user free and busy', () => {
  it('name the user, keep free time inside the query, and tag every range with a schedule', async () => {
    const { zone, users } = await clinic()
    const window = dayWindow(zone, WINDOW_DAYS)

    for (const { location, user } of users) {
      const answer = await client.userFreeBusy(user.id, location.id, window.start, window.end)
      const free = await client.userFree(user.id, location.id, window.start, window.end)

      expect(answer.user).toBe(user.id)
      expect(free).toEqual(answer.free)
      // spec §6.5: busy may reach outside the query, and free is per schedule, so only free is bounded here.
      for (const range of answer.free) {
        expect(range.start).toBeGreaterThanOrEqual(window.start)
        expect(range.end).toBeLessThanOrEqual(window.end)
        expect(range.end).toBeGreaterThan(range.start)
        expect(range.scheduleId).toBeGreaterThan(0)
      }
      // spec §6.3/§6.4: both lists keep only positive-length pieces, each tagged with a schedule.
      for (const range of answer.busy) {
        expect(range.end).toBeGreaterThan(range.start)
        expect(range.scheduleId).toBeGreaterThan(0)
      }
    }
  })
})

describe('booking references', () => {
  it('refuses a malformed reference with VALIDATION on lookup and cancel', async () => {
    const errors = await Promise.all([
      failureOf(client.getBooking('not-a-reference')),
      failureOf(client.cancelBooking('12345')),
    ])

    expect(errors.map((error) => error.code)).toEqual(['VALIDATION', 'VALIDATION'])
  })

  it('answers NOT_FOUND for a well-formed reference that does not exist', async () => {
    const error = await failureOf(
      client.getBooking('999999999:00000000-0000-1000-8000-000000000000'),
    )

    expect(error.code).toBe('NOT_FOUND')
  })

  it("gives the seed guide's 3-part form a definite answer", async () => {
    const error = await failureOf(client.getBooking('603:3:be08f3c6-1afb-11e6-be41-3dbaef689d97'))

    // spec §7.3: 400 in the latest known source; a server that took 3 parts would say 404 for this unknown one.
    expect(['VALIDATION', 'NOT_FOUND']).toContain(error.code)
  })
})

if (settings.write) {
  describe('booking and cancelling (OPENVPMS_LIVE_WRITE=1)', () => {
    let reference: string | null = null

    afterAll(async () => {
      if (reference !== null) await client.cancelBooking(reference).catch(() => undefined)
    })

    it('books the first free future slot, sees it busy, looks it up, cancels it and sees it free', async () => {
      const { zone, schedules } = await clinic()
      const target = await firstBookableSlot(schedules)
      expect(target, 'no schedule has a free slot in the next two weeks').not.toBeNull()
      if (target === null) return
      const { location, schedule, type, slot } = target
      const day = dayWindow(zone, 1, slot.start)

      reference = await client.createBooking({
        location: location.id,
        schedule: schedule.id,
        appointmentType: type.id,
        start: slot.start,
        end: slot.end,
        title: null,
        firstName: 'Front Desk',
        lastName: 'Conformance Test',
        email: null,
        phone: null,
        mobile: null,
        patientName: null,
        notes: 'Made and cancelled automatically by the Front Desk live conformance suite.',
        user: null,
      })
      const busyAfterBooking = await client.scheduleBusy(schedule.id, day.start, day.end)
      const freeAfterBooking = await client.scheduleFree(schedule.id, day.start, day.end)
      const lookup = await client.getBooking(reference).catch((thrown: unknown) => thrown)
      const rebook = await failureOf(
        client.createBooking({
          location: location.id,
          schedule: schedule.id,
          appointmentType: type.id,
          start: slot.start,
          end: slot.end,
          title: null,
          firstName: 'Front Desk',
          lastName: 'Conformance Test',
          email: null,
          phone: null,
          mobile: null,
          patientName: null,
          notes: null,
          user: null,
        }),
      )
      await client.cancelBooking(reference)
      const cancelled = reference
      reference = null
      const freeAfterCancel = await client.scheduleFree(schedule.id, day.start, day.end)
      const secondCancel = await failureOf(client.cancelBooking(cancelled))

      expect(cancelled).toMatch(/^\S+:\S+$/)
      expect(covered(slot, busyAfterBooking)).toBe(true)
      expect(overlapsAny(slot, freeAfterBooking)).toBe(false)
      if (lookup instanceof AppFailure) {
        // spec §7.3: the latest known OpenVPMS answers 500 for every live booking.
        expect(lookup.error.code).toBe('GET_DEFECT')
      } else {
        expect(lookup).toMatchObject({
          location: location.id,
          schedule: schedule.id,
          appointmentType: type.id,
          start: slot.start,
          end: slot.end,
          notes: null,
        })
      }
      expect(rebook.code).toBe('CONFLICT')
      expect(covered(slot, freeAfterCancel)).toBe(true)
      expect(secondCancel.code).toBe('NOT_FOUND')
    })
  })
}

/** The earliest run of free slots (at least 10 minutes ahead) long enough for a schedule's shortest type. */
async function firstBookableSlot(schedules: Clinic['schedules']): Promise<{
  location: Location
  schedule: ScheduleInfo
  type: AppointmentType
  slot: Range
} | null> {
  const earliest = Date.now() + 10 * 60_000
  for (const { location, schedule, types } of schedules) {
    const type = [...types].sort((a, b) => a.slots - b.slots)[0]
    if (type === undefined || schedule.slotSize <= 0) continue
    const window = dayWindow(location.timeZone, WINDOW_DAYS)
    const slots = (
      await client.scheduleFree(schedule.id, earliest, window.end, { slots: true })
    ).filter((slot) => slot.start >= earliest && !onChangeDay(slot, location.timeZone))
    for (let i = 0; i + type.slots <= slots.length; i++) {
      const run = slots.slice(i, i + type.slots)
      const contiguous = run.every((slot, j) => j === 0 || slot.start === run[j - 1]?.end)
      const first = run[0]
      const last = run[run.length - 1]
      if (contiguous && first !== undefined && last !== undefined) {
        return { location, schedule, type, slot: { start: first.start, end: last.end } }
      }
    }
  }
  return null
}
