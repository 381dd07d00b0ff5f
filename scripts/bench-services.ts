// Day-board speed through the real main-process services (createAppCore) against the sandbox at a realistic
// round trip. Run by `npm run bench` (scripts/bench.ts).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import { createAppCore, type AppCore } from '../src/main/app-core'
import { MemoryCredentialStore } from '../src/main/credentials'
import {
  MAX_SEARCH_DAYS,
  type ChannelName,
  type RequestOf,
  type ResponseOf,
} from '../src/shared/ipc-contract'
import type { LocationDetails } from '../src/shared/domain'

/** One measured quantity; a null target is reported without a verdict. */
export interface BenchRow {
  readonly name: string
  readonly value: number
  readonly unit: 'ms' | '×RTT' | 'requests' | '×baseline' | 'keys'
  readonly target: number | null
}

const BENCH_LOCATION = 106 // the seed's Branch Clinic: 6 schedules, 4 clinicians

export async function call<C extends ChannelName>(
  core: AppCore,
  channel: C,
  request: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const result = await core.dispatch(channel, request)
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
  return result.data as ResponseOf<C>
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms))

/** Measures day view, next/previous day, next-available and requests per day view at `rttMs`. */
export async function runServicesBench(rttMs = 100, runs = 5): Promise<BenchRow[]> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'front-desk-bench-'))
  const core = await createAppCore({
    userDataDir,
    credentialStore: new MemoryCredentialStore(),
    demo: { latencyMs: rttMs },
  })
  try {
    const sandbox = core.demoSandbox()
    if (!sandbox) throw new Error('the demo sandbox did not start')
    const details = await call(core, 'clinic:loadLocation', { locationId: BENCH_LOCATION })
    const zone = details.location.timeZone
    const today = DateTime.now().setZone(zone).startOf('day')

    const dayView: number[] = []
    const nextDay: number[] = []
    const previousDay: number[] = []
    const nextAvailable: number[] = []
    let requestsPerDayView = 0
    for (let run = 0; run < runs; run++) {
      // A different week each run, so nothing is cached from the run before.
      const date = today.plus({ days: 7 * run + 1 })
      const before = sandbox.requestCount
      let started = performance.now()
      await call(core, 'calendar:loadDay', {
        locationId: BENCH_LOCATION,
        date: date.toISODate()!,
        scheduleIds: [],
      })
      dayView.push(performance.now() - started)
      requestsPerDayView = sandbox.requestCount - before

      await sleep(rttMs * 3) // the adjacent days are prefetched meanwhile
      started = performance.now()
      await call(core, 'calendar:loadDay', {
        locationId: BENCH_LOCATION,
        date: date.plus({ days: 1 }).toISODate()!,
        scheduleIds: [],
      })
      nextDay.push(performance.now() - started)
      started = performance.now()
      await call(core, 'calendar:loadDay', {
        locationId: BENCH_LOCATION,
        date: date.minus({ days: 1 }).toISODate()!,
        scheduleIds: [],
      })
      previousDay.push(performance.now() - started)

      const type = details.schedules[run % details.schedules.length]?.appointmentTypes[0]
      if (type) {
        started = performance.now()
        await call(core, 'calendar:findNextAvailable', {
          locationId: BENCH_LOCATION,
          appointmentTypeId: type.id,
          clinicianId: run % 2 === 0 ? null : (details.clinicians[0]?.id ?? null),
          fromDate: date.toISODate()!,
        })
        nextAvailable.push(performance.now() - started)
      }
    }
    await sleep(rttMs * 5) // the last prefetch is answered before requests are counted again
    // A day later than the searches above: main keeps ranged answers 30 s and reuses any that covers a range.
    const from = today.plus({ days: 2 })
    const search = await nextAvailableEverywhere(core, sandbox, from, runs, rttMs)
    return [
      { name: 'day view (cold)', value: median(dayView) / rttMs, unit: '×RTT', target: 1.3 },
      { name: 'next day', value: median(nextDay), unit: 'ms', target: 50 },
      { name: 'previous day', value: median(previousDay), unit: 'ms', target: 50 },
      {
        name: 'next available (14 days)',
        value: median(nextAvailable) / rttMs,
        unit: '×RTT',
        target: 1.5,
      },
      {
        name: 'requests per day view',
        value: requestsPerDayView,
        unit: 'requests',
        target: details.schedules.length + details.clinicians.length,
      },
      ...search,
    ]
  } finally {
    await core.close()
    rmSync(userDataDir, { recursive: true, force: true })
  }
}

/**
 * Next-available for a clinician across every location of the seed clinic (every schedule of each location is read,
 * for the clinician's own bookings, spec §6.5) over 14 days, and at one location over 90 days: each one round trip
 * of ranged requests, one per schedule and per clinician and location, whatever the range.
 */
async function nextAvailableEverywhere(
  core: AppCore,
  sandbox: { readonly requestCount: number },
  from: DateTime,
  runs: number,
  rttMs: number,
): Promise<BenchRow[]> {
  const locations = await call(core, 'clinic:listLocations', {})
  const everywhere: LocationDetails[] = []
  for (const location of locations)
    everywhere.push(await call(core, 'clinic:loadLocation', { locationId: location.id }))
  const typeIds = (details: LocationDetails): Set<number> =>
    new Set(details.schedules.flatMap((schedule) => schedule.appointmentTypes.map((t) => t.id)))
  const shared = [...typeIds(everywhere[0]!)].filter((id) =>
    everywhere.every((d) => typeIds(d).has(id)),
  )
  const clinician = everywhere[0]!.clinicians.find((c) =>
    everywhere.every((details) => details.clinicians.some((other) => other.id === c.id)),
  )
  const typeId = shared[0]
  if (typeId === undefined || !clinician)
    throw new Error('the seed clinic has no type and clinician common to every location')

  // Every search cold: main reuses a kept answer only for a range it covers, and each run's range reaches a week
  // past the run before's; the 90-day searches come after all the 14-day ones they would cover.
  const fromDate = (run: number): string => from.plus({ days: 7 * run }).toISODate()!
  const all: number[] = []
  let requests = 0
  for (let run = 0; run < runs; run++) {
    const before = sandbox.requestCount
    const started = performance.now()
    await call(core, 'calendar:findNextAvailable', {
      locationId: null,
      appointmentTypeId: typeId,
      clinicianId: clinician.id,
      fromDate: fromDate(run),
    })
    all.push(performance.now() - started)
    requests = sandbox.requestCount - before
  }
  const ninety: number[] = []
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    await call(core, 'calendar:findNextAvailable', {
      locationId: BENCH_LOCATION,
      appointmentTypeId: typeId,
      clinicianId: clinician.id,
      fromDate: fromDate(run),
      days: MAX_SEARCH_DAYS,
    })
    ninety.push(performance.now() - started)
  }
  const schedules = everywhere.reduce((sum, details) => sum + details.schedules.length, 0)
  return [
    {
      name: `next available, all ${everywhere.length} locations (${schedules} schedules, 14 days)`,
      value: median(all) / rttMs,
      unit: '×RTT',
      target: 1.5,
    },
    {
      name: 'requests per next available, all locations',
      value: requests,
      unit: 'requests',
      target: schedules + everywhere.length,
    },
    {
      name: `next available (${MAX_SEARCH_DAYS} days)`,
      value: median(ninety) / rttMs,
      unit: '×RTT',
      target: 2,
    },
  ]
}
