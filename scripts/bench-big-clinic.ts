// A 40-schedule location (issue 9): the cold day view through the real main-process services against a sandbox
// serving test/e2e/fixtures/big-clinic.json at a realistic round trip. Run by `npm run bench` (scripts/bench.ts).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { DateTime } from 'luxon'
import { createAppCore } from '../src/main/app-core'
import { MemoryCredentialStore } from '../src/main/credentials'
import { startSandbox } from '../src/main/sandbox'
import { call, median, sleep, type BenchRow } from './bench-services'

const DATA_FILE = resolve(__dirname, '../test/e2e/fixtures/big-clinic.json')
const BIG_LOCATION = 1 // Harbour Animal Hospital: 40 schedules, 2 clinicians
const FIRST_DAY = '2027-03-10' // the fixture's busy day

/** Cold day view of the 40-schedule location (×RTT) and the requests it costs. */
export async function runBigClinicBench(rttMs = 100, runs = 5): Promise<BenchRow[]> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'front-desk-bench-big-'))
  const sandbox = await startSandbox({
    port: 0,
    host: '127.0.0.1',
    dataFile: DATA_FILE,
    latencyMs: rttMs,
  })
  const core = await createAppCore({ userDataDir, credentialStore: new MemoryCredentialStore() })
  try {
    await call(core, 'session:connect', {
      serverUrl: sandbox.baseUrl,
      username: 'sample',
      password: 'changeit',
      rememberPassword: false,
      allowInsecure: false,
    })
    const details = await call(core, 'clinic:loadLocation', { locationId: BIG_LOCATION })
    const dayView: number[] = []
    let requests = 0
    for (let run = 0; run < runs; run++) {
      // A different week each run, so nothing is cached from the run before; the prefetched neighbours are
      // answered before the next run starts.
      const date = DateTime.fromISO(FIRST_DAY)
        .plus({ days: 7 * run })
        .toISODate()!
      const before = sandbox.requestCount
      const started = performance.now()
      await call(core, 'calendar:loadDay', { locationId: BIG_LOCATION, date, scheduleIds: [] })
      dayView.push(performance.now() - started)
      requests = sandbox.requestCount - before
      await sleep(rttMs * 5)
    }
    return [
      {
        name: `day view (cold), ${details.schedules.length}-schedule location`,
        value: median(dayView) / rttMs,
        unit: '×RTT',
        target: 1.3,
      },
      {
        name: `requests per day view, ${details.schedules.length}-schedule location`,
        value: requests,
        unit: 'requests',
        target: details.schedules.length + details.clinicians.length,
      },
    ]
  } finally {
    await core.close()
    await sandbox.close()
    rmSync(userDataDir, { recursive: true, force: true })
  }
}
