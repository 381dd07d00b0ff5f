// `npm run bench`: speed targets measured, not asserted by tests. Prints a table and one closing line:
// bench: dayview=<×RTT> nextday=<ms> nextavail=<×RTT> render=<ms> requests=<per day view> journal_search=<ms>
//        render_ratio=<×baseline> big_dayview=<×RTT> nextavail_all=<×RTT> nextavail_90=<×RTT> phone_keys=<keys>
//        fortnight=<×RTT> move_day=<ms> move_ratio=<×baseline>
// (move_day: `]` on a day of 10 schedules until the next is painted, its data warm; move_ratio: that ÷ one
// FullCalendar timeGrid moving a day with as many events, in the same page.)
import { runBigClinicBench } from './bench-big-clinic'
import { runFortnightBench } from './bench-fortnight'
import { runJournalBench } from './bench-journal'
import { runPhoneBench } from './bench-phone'
import { runRenderBench } from './bench-render'
import { runSandboxBench } from './bench-sandbox'
import { runServicesBench, type BenchRow } from './bench-services'

/** `npm run bench -- --latency 50` measures at another round trip (default 100 ms). */
function roundTripMs(): number {
  const at = process.argv.indexOf('--latency')
  const value = Number(at >= 0 ? process.argv[at + 1] : 100)
  if (!Number.isFinite(value) || value <= 0)
    throw new Error('--latency takes a number of milliseconds > 0')
  return value
}

const RTT_MS = roundTripMs()

const format = (value: number): string =>
  Number.isInteger(value) ? String(value) : value.toFixed(2)

async function main(): Promise<void> {
  const rows: BenchRow[] = []
  for (const row of await runSandboxBench())
    rows.push({ name: row.name, value: row.ms, unit: 'ms', target: row.target })
  rows.push(...(await runServicesBench(RTT_MS)))
  rows.push(...(await runBigClinicBench(RTT_MS)))
  rows.push(...(await runFortnightBench(RTT_MS)))
  rows.push(...(await runRenderBench()))
  for (const row of await runJournalBench())
    rows.push({ name: row.name, value: row.ms, unit: 'ms', target: row.target })
  rows.push(...runPhoneBench())

  console.log(`\nRTT ${RTT_MS} ms (sandbox --latency ${RTT_MS})\n`)
  console.log('| measure | result | target | met |')
  console.log('| --- | --- | --- | --- |')
  for (const row of rows) {
    if (row.target === null) {
      console.log(`| ${row.name} | ${format(row.value)} ${row.unit} | — | — |`)
      continue
    }
    const met = row.unit === 'requests' ? row.value === row.target : row.value <= row.target
    const target = row.unit === 'requests' ? `${row.target}` : `≤ ${row.target}`
    console.log(
      `| ${row.name} | ${format(row.value)} ${row.unit} | ${target} ${row.unit} | ${met ? 'yes' : 'NO'} |`,
    )
  }
  const find = (name: string): string =>
    format(rows.find((row) => row.name.startsWith(name))?.value ?? NaN)
  console.log(
    `bench: dayview=${find('day view')} nextday=${find('next day')} nextavail=${find('next available')} ` +
      `render=${find('render')} requests=${find('requests per day view')} ` +
      `journal_search=${find('journal search')} render_ratio=${find('render ratio: day of 10')} ` +
      `big_dayview=${find('day view (cold), 40')} nextavail_all=${find('next available, all')} ` +
      `nextavail_90=${find('next available (90')} phone_keys=${find('phone call keys')} ` +
      `fortnight=${find('fortnight strip')} move_day=${find('move a day')} ` +
      `move_ratio=${find('move ratio')}`,
  )
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
