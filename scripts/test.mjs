// `npm test`: every suite, then one closing line `N passed, N failed` summed over all of them.
// Exits non-zero if any test failed or any suite could not run.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const reports = '.test-reports'
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

const vitestJson = (file) => [
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${reports}/${file}`,
]

const suites = [
  {
    name: 'unit (main, shared, renderer)',
    command: [
      'npx',
      'vitest',
      'run',
      '--project',
      'node',
      '--project',
      'renderer',
      ...vitestJson('unit.json'),
    ],
    report: 'unit.json',
  },
  {
    name: 'keychain (real gnome-keyring)',
    command: [
      'scripts/with-keyring.sh',
      'npx',
      'vitest',
      'run',
      '--project',
      'keyring',
      '--passWithNoTests',
      ...vitestJson('keyring.json'),
    ],
    report: 'keyring.json',
  },
  {
    name: 'live conformance (against the sandbox)',
    // It writes .test-reports/live.json itself (it also runs alone: npm run test:live).
    command: ['node', 'scripts/test-live.mjs'],
    report: 'live.json',
  },
  { name: 'build for end-to-end', command: ['npx', 'electron-vite', 'build'] },
  {
    name: 'packaging (electron-builder on the build, against a stand-in Electron)',
    command: ['npx', 'vitest', 'run', '--project', 'packaging', ...vitestJson('packaging.json')],
    report: 'packaging.json',
  },
  {
    name: 'end-to-end (Chromium)',
    command: ['npx', 'playwright', 'test'],
    report: 'e2e.json',
    playwright: true,
  },
]

let passed = 0
let failed = 0
const problems = []

for (const suite of suites) {
  console.log(`\n=== ${suite.name}`)
  const [cmd, ...args] = suite.command
  const run = spawnSync(cmd, args, { stdio: 'inherit' })
  const status = run.status ?? 1
  if (!suite.report) {
    if (status !== 0) problems.push(`${suite.name} exited with ${status}`)
    continue
  }
  const path = `${reports}/${suite.report}`
  if (!existsSync(path)) {
    if (status !== 0) problems.push(`${suite.name} exited with ${status} and wrote no report`)
    continue
  }
  const report = JSON.parse(readFileSync(path, 'utf8'))
  const [p, f] = suite.playwright
    ? [(report.stats?.expected ?? 0) + (report.stats?.flaky ?? 0), report.stats?.unexpected ?? 0]
    : [report.numPassedTests ?? 0, report.numFailedTests ?? 0]
  passed += p
  failed += f
  console.log(`${suite.name}: ${p} passed, ${f} failed`)
  if (status !== 0 && f === 0) problems.push(`${suite.name} exited with ${status}`)
}

for (const problem of problems) console.error(`problem: ${problem}`)
const suiteFailures = problems.length
console.log(`${passed} passed, ${failed + suiteFailures} failed`)
process.exit(failed + suiteFailures > 0 ? 1 : 0)
