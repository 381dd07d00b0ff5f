// The fortnight strip's speed through the real main-process services against the demo sandbox: how long after the
// board's day is in the strip is ready, as the desk does it (the strip asks once the day has arrived). Run by
// `npm run bench` (scripts/bench.ts).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import { createAppCore, type AppCore } from '../src/main/app-core'
import { MemoryCredentialStore } from '../src/main/credentials'
import type { ChannelName, RequestOf, ResponseOf } from '../src/shared/ipc-contract'
import type { BenchRow } from './bench-services'

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

/** The strip ready after the board (×RTT), and the requests it cost (one per schedule, whatever the range). */
export async function runFortnightBench(rttMs = 100, runs = 5): Promise<BenchRow[]> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'front-desk-bench-fortnight-'))
  const core = await createAppCore({
    userDataDir,
    credentialStore: new MemoryCredentialStore(),
    demo: { latencyMs: rttMs },
  })
  try {
    const sandbox = core.demoSandbox()
    if (!sandbox) throw new Error('the demo sandbox did not start')
    const details = await call(core, 'clinic:loadLocation', { locationId: BENCH_LOCATION })
    const today = DateTime.now().setZone(details.location.timeZone).startOf('day')
    const afterBoard: number[] = []
    let requests = 0
    // One run first, not counted: the sandbox works out each day of its generated book once, and the JIT warms up.
    for (let run = -1; run < runs; run++) {
      // A board day not cached from the run before; the strip asked afresh, as the periodic refresh asks it.
      await call(core, 'calendar:loadDay', {
        locationId: BENCH_LOCATION,
        date: today.plus({ days: 7 * run + 9 }).toISODate()!,
        scheduleIds: [],
      })
      const boardReady = performance.now()
      const before = sandbox.requestCount
      await call(core, 'calendar:getFortnight', {
        locationId: BENCH_LOCATION,
        fromDate: today.toISODate()!,
        days: 14,
        scheduleIds: [],
        clinicianId: null,
        refresh: true,
      })
      if (run >= 0) afterBoard.push(performance.now() - boardReady)
      requests = sandbox.requestCount - before
    }
    return [
      {
        name: 'fortnight strip ready after the board (14 days)',
        value: median(afterBoard) / rttMs,
        unit: '×RTT',
        target: 1.3,
      },
      {
        name: 'requests per fortnight strip',
        value: requests,
        unit: 'requests',
        target: details.schedules.length,
      },
    ]
  } finally {
    await core.close()
    rmSync(userDataDir, { recursive: true, force: true })
  }
}
