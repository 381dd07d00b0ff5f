// The keystroke budget of a phone call (issue 12): test/e2e/phone.e2e.ts's two calls run from the keyboard against
// the demo clinic and count every key that is not the caller's words or the customer's details. Run here in a
// scratch folder, so the screenshots and counts it writes never touch the repository.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { BenchRow } from './bench-services'

const ROOT = resolve(__dirname, '..')
const BUDGET = 12

interface CallCount {
  readonly keys: number
  readonly words: number
  readonly customer: number
}

/** Runs the phone-call tests and reports the keys of each call. */
export function runPhoneBench(): BenchRow[] {
  const scratch = mkdtempSync(join(tmpdir(), 'front-desk-bench-phone-'))
  try {
    const run = spawnSync(
      join(ROOT, 'node_modules/.bin/playwright'),
      [
        'test',
        '--config',
        join(ROOT, 'playwright.config.ts'),
        '--project',
        '1366x768',
        '--grep',
        'phone call:',
        '--reporter',
        'line',
        '--output',
        join(scratch, 'results'),
        join(ROOT, 'test/e2e/phone.e2e.ts'),
      ],
      {
        cwd: scratch,
        encoding: 'utf8',
        env: { ...process.env, FRONT_DESK_RENDERER_DIR: join(ROOT, 'out/renderer') },
      },
    )
    const file = join(scratch, '.test-reports/phone-keys.json')
    if (run.status !== 0 || !existsSync(file))
      throw new Error(`the phone-call tests failed:\n${run.stdout}\n${run.stderr}`)
    const counts = JSON.parse(readFileSync(file, 'utf8')) as Record<string, CallCount>
    return Object.entries(counts).map(([call, count]) => ({
      name: `phone call keys: ${call} (+${count.words} chars of words, ${count.customer} of details)`,
      value: count.keys,
      unit: 'keys',
      target: BUDGET,
    }))
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}
