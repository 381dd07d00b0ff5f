// Runs the live conformance suite (test/live) against OPENVPMS_URL, or, when that is unset, against a sandbox
// started here on a free loopback port, and ends with one line `N passed, N failed`. Extra arguments go to vitest.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

/** Where vitest's JSON report goes (npm test reads it too). */
const report = '.test-reports/live.json'

const extra = process.argv.slice(2)
const env = { ...process.env }
let sandbox = null

if (!env.OPENVPMS_URL) {
  // Its own process group: npx does not pass SIGTERM on to tsx, so the group is signalled (no orphan sandbox).
  sandbox = spawn('npx', ['tsx', 'src/main/sandbox/cli.ts', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  })
  env.OPENVPMS_URL = await new Promise((resolve, reject) => {
    let buffered = ''
    sandbox.stdout.on('data', (chunk) => {
      buffered += chunk
      const match = /listening on (\S+)/.exec(buffered)
      if (match) resolve(match[1])
    })
    sandbox.on('exit', (code) => reject(new Error(`sandbox exited early (${code})`)))
  })
  env.OPENVPMS_USER = 'sample'
  env.OPENVPMS_PASSWORD = 'changeit'
  env.OPENVPMS_LIVE_WRITE ??= '1'
  console.log(`live suite against the sandbox at ${env.OPENVPMS_URL}`)
}

mkdirSync('.test-reports', { recursive: true })
rmSync(report, { force: true })
const reporters = ['--reporter=default', '--reporter=json', `--outputFile.json=${report}`]
const vitest = spawn(
  'npx',
  ['vitest', 'run', '--project', 'live', '--passWithNoTests', ...reporters, ...extra],
  { stdio: 'inherit', env },
)
const [code] = await once(vitest, 'exit')
if (sandbox) {
  process.kill(-sandbox.pid, 'SIGTERM')
  await once(sandbox, 'exit')
}
if (existsSync(report)) {
  const { numPassedTests = 0, numFailedTests = 0 } = JSON.parse(readFileSync(report, 'utf8'))
  console.log(`${numPassedTests} passed, ${numFailedTests} failed`)
} else {
  console.log('0 passed, 1 failed')
}
process.exit(code ?? 1)
