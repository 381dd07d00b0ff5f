// Day-board speed through the real main-process services (createAppCore) against the sandbox at a realistic
// round trip. Run by `npm run bench` (scripts/bench.ts).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import { createAppCore, type AppCore } from '../src/main/app-core'
import { MemoryCredentialStore } from '../src/main/credentials'
import type { ChannelName, RequestOf, ResponseOf } from '../src/shared/ipc-contract'

/** One measured quantity. */
export interface BenchRow {
  readonly name: string
  readonly value: number
  readonly unit: 'ms' | '×RTT' | 'requests'
  readonly target: number
}

const BENCH_LOCATION = 106 // the seed's Branch Clinic: 6 schedules, 4 clinicians

async function call<C extends ChannelName>(
  core: AppCore,
  channel: C,
  request: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const result = await core.dispatch(channel, request)
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
  return result.data as ResponseOf<C>
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

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
    ]
  } finally {
    await core.close()
    rmSync(userDataDir, { recursive: true, force: true })
  }
}
