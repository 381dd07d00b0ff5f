// Mutation testing of the core, not part of `npm test` or CI: it takes about half an hour here.
//   npm run mutate                      every group, one after another, then the table of scores
//   npm run mutate -- shared booking    only those groups (stryker/<group>.config.mjs)
//   npm run mutate -- --table           only print the table from the last reports
//   npm run mutate -- shared --survivors  the table, then every surviving mutant not listed as equivalent
// Anything after `--` goes to Stryker itself (e.g. `-- --incremental`, `-- --concurrency 2`).
// Score = killed ÷ (killed + survived), where timeouts count as killed and uncovered mutants as survived. Mutants
// listed in stryker/equivalent-mutants.txt (no test can tell them from the original) get a second score without them.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'

const ORDER = ['shared', 'sandbox', 'openvpms', 'booking', 'store']
const GROUPS = readdirSync('stryker')
  .filter((name) => name.endsWith('.config.mjs'))
  .map((name) => name.slice(0, -'.config.mjs'.length))
  .sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b))

const args = process.argv.slice(2)
const dash = args.indexOf('--')
const own = dash === -1 ? args : args.slice(0, dash)
const passed = dash === -1 ? [] : args.slice(dash + 1)
const listSurvivors = own.includes('--survivors')
const tableOnly = own.includes('--table') || (listSurvivors && !own.includes('--run'))
const named = own.filter((arg) => !arg.startsWith('--'))
const unknown = named.filter((name) => !GROUPS.includes(name))
if (unknown.length > 0) {
  console.error(`unknown group ${unknown.join(', ')}; groups: ${GROUPS.join(', ')}`)
  process.exit(2)
}
const groups = named.length > 0 ? named : GROUPS

let failed = false
if (!tableOnly) {
  for (const group of groups) {
    console.log(`\n== mutation testing: ${group} ==`)
    const run = spawnSync('npx', ['stryker', 'run', `stryker/${group}.config.mjs`, ...passed], {
      stdio: 'inherit',
    })
    if (run.status !== 0) {
      console.error(`stryker failed for ${group} (exit ${run.status})`)
      failed = true
    }
  }
}

const equivalents = readEquivalents('stryker/equivalent-mutants.txt')
const matched = new Set()
const rows = []
const survivors = []
for (const group of groups) {
  const report = `reports/mutation/${group}.json`
  if (!existsSync(report)) {
    rows.push([group, '(no report: run it)', '', '', '', '', ''])
    continue
  }
  const { files } = JSON.parse(readFileSync(report, 'utf8'))
  const total = { killed: 0, survived: 0, equivalent: 0 }
  for (const [file, { mutants }] of Object.entries(files)) {
    const count = { killed: 0, survived: 0, equivalent: 0 }
    for (const mutant of mutants) {
      if (mutant.status === 'Killed' || mutant.status === 'Timeout') count.killed++
      if (mutant.status !== 'Survived' && mutant.status !== 'NoCoverage') continue
      count.survived++
      const key = mutantKey(file, mutant)
      if (equivalents.has(key)) {
        count.equivalent++
        matched.add(key)
      } else {
        survivors.push(`${key}  (${mutant.status})`)
      }
    }
    rows.push(row(group, file.replace(/^src\//, ''), count))
    for (const key of Object.keys(total)) total[key] += count[key]
  }
  if (Object.keys(files).length > 1) rows.push(row(group, '(all of the group)', total))
}
printTable(
  ['group', 'module', 'killed', 'survived', 'equivalent', 'score', 'score w/o equivalents'],
  rows,
)
if (listSurvivors) {
  console.log(`\nsurvivors not listed as equivalent (file:line:column mutator replacement):`)
  for (const survivor of survivors) console.log(`  ${survivor}`)
}
const stale = [...equivalents.keys()].filter(
  (key) => !matched.has(key) && groups.some((group) => GROUP_OF(key) === group),
)
if (stale.length > 0) {
  console.log(`\nequivalent-mutants.txt lines that match no surviving mutant (update them):`)
  for (const key of stale) console.log(`  ${key}`)
}
process.exit(failed ? 1 : 0)

function score(killed, survived) {
  return killed + survived === 0 ? '—' : `${((100 * killed) / (killed + survived)).toFixed(1)}%`
}

function row(group, name, { killed, survived, equivalent }) {
  return [
    group,
    name,
    String(killed),
    String(survived),
    String(equivalent),
    score(killed, survived),
    score(killed, survived - equivalent),
  ]
}

/** `file:line:column mutator replacement`, the identity of a mutant in equivalent-mutants.txt. */
function mutantKey(file, mutant) {
  const { line, column } = mutant.location.start
  return `${file}:${line}:${column} ${mutant.mutatorName} ${JSON.stringify(mutant.replacement ?? '')}`
}

function GROUP_OF(key) {
  const file = key.slice(0, key.indexOf(':'))
  return groups.find((group) => {
    const config = readFileSync(`stryker/${group}.config.mjs`, 'utf8')
    return config.includes(`'${file}'`)
  })
}

/** Lines `file:line:column | Mutator | "replacement" | why`; `#` starts a comment. */
function readEquivalents(path) {
  const entries = new Map()
  if (!existsSync(path)) return entries
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const [where, mutator, replacement, why] = line.split(' | ')
    if (!where || !mutator || replacement === undefined || !why) {
      console.error(
        `equivalent-mutants.txt: cannot read "${line}" (want: file:line:col | Mutator | "replacement" | why)`,
      )
      process.exit(2)
    }
    entries.set(`${where} ${mutator} ${replacement}`, why)
  }
  return entries
}

function printTable(head, body) {
  const widths = head.map((cell, i) => Math.max(cell.length, ...body.map((row) => row[i].length)))
  const line = (row) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`
  console.log(`\n${line(head)}`)
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
  for (const row of body) console.log(line(row))
}
