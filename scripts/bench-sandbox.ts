// Sandbox speed: free/busy of 10 schedules over 31 days, over loopback (median of several runs, target < 50 ms).
// Run directly with `npx tsx scripts/bench-sandbox.ts`; `npm run bench` includes it.
import { startSandbox } from '../src/main/sandbox'

const SCHEDULES = 10
const DAYS = 31
const RUNS = 9
const FIRST_DAY = Date.UTC(2026, 2, 20) // crosses the 2026-04-05 DST change in Australia/Sydney

const pad = (value: number): string => String(value).padStart(2, '0')

function dayKey(index: number): string {
  const date = new Date(FIRST_DAY + index * 86_400_000)
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
}

/** A busy month: 10 schedules, an appointment on every other 15-minute slot from 08:00 to 18:00. */
function benchDataset(): unknown {
  const schedules = Array.from({ length: SCHEDULES }, (_, index) => ({
    id: 500 + index,
    name: `Room ${index + 1}`,
    location: 1,
    onlineBooking: true,
    slotSize: 15,
    startTime: '08:00',
    endTime: '18:00',
    appointmentTypes: [{ type: 1, slots: 1 }],
  }))
  const appointments = []
  let id = 1
  for (const schedule of schedules) {
    for (let day = 0; day < DAYS; day++) {
      for (let minute = 8 * 60; minute < 18 * 60; minute += 30) {
        const time = `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`
        const end = `${pad(Math.floor((minute + 15) / 60))}:${pad((minute + 15) % 60)}`
        appointments.push({
          id: id++,
          schedule: schedule.id,
          appointmentType: 1,
          start: `${dayKey(day)}T${time}`,
          end: `${dayKey(day)}T${end}`,
        })
      }
    }
  }
  return {
    timeZone: 'Australia/Sydney',
    users: [{ id: 1, name: 'Bench', login: 'bench', password: 'bench', bookingRole: true }],
    locations: [{ id: 1, name: 'Bench Clinic', onlineBooking: true }],
    appointmentTypes: [{ id: 1, name: 'Consult', onlineBooking: true }],
    schedules,
    appointments,
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

/** Measures the sandbox; each row is a median in milliseconds with its target. */
export async function runSandboxBench(): Promise<{ name: string; ms: number; target: number }[]> {
  const sandbox = await startSandbox({ dataset: benchDataset() })
  const auth = `Basic ${Buffer.from('bench:bench').toString('base64')}`
  const from = encodeURIComponent(`${dayKey(0)}T00:00:00+11:00`)
  const to = encodeURIComponent(`${dayKey(DAYS)}T00:00:00+10:00`)
  const month = async (slots: boolean): Promise<number> => {
    const started = performance.now()
    await Promise.all(
      Array.from({ length: SCHEDULES }, async (_, index) => {
        const url = `${sandbox.baseUrl}/schedules/${500 + index}/freebusy?from=${from}&to=${to}${slots ? '&slots=true' : ''}`
        const response = await fetch(url, { headers: { Authorization: auth } })
        if (response.status !== 200) throw new Error(`bench: ${url} answered ${response.status}`)
        await response.json()
      }),
    )
    return performance.now() - started
  }
  try {
    await month(false) // warm-up: JIT, connection pool
    const plain: number[] = []
    const slotted: number[] = []
    for (let run = 0; run < RUNS; run++) {
      plain.push(await month(false))
      slotted.push(await month(true))
    }
    return [
      {
        name: `sandbox free/busy ${SCHEDULES} schedules × ${DAYS} days`,
        ms: median(plain),
        target: 50,
      },
      {
        name: `sandbox free/busy ${SCHEDULES} schedules × ${DAYS} days, slots=true`,
        ms: median(slotted),
        target: 50,
      },
    ]
  } finally {
    await sandbox.close()
  }
}

if (process.argv[1] && /bench-sandbox\.ts$/.test(process.argv[1])) {
  void runSandboxBench().then((rows) => {
    for (const row of rows) {
      console.log(`${row.name}: ${row.ms.toFixed(1)} ms (target < ${row.target} ms)`)
    }
  })
}
