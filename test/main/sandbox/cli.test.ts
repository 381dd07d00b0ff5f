import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { basic } from './support'

const CLI = 'src/main/sandbox/cli.ts'
const children: ChildProcess[] = []

/** `npx tsx cli.ts …` in its own process group, so the whole group can be stopped. */
function launch(args: string[], direct = false): ChildProcess {
  const child = direct
    ? spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    : spawn('npx', ['tsx', CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  children.push(child)
  return child
}

async function finish(
  child: ChildProcess,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk) => (stdout += chunk))
  child.stderr?.on('data', (chunk) => (stderr += chunk))
  const [code] = (await once(child, 'close')) as [number | null]
  return { code, stdout, stderr }
}

function listening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = ''
    child.stdout?.on('data', (chunk) => {
      buffered += chunk
      const match = /listening on (\S+)\n/.exec(buffered)
      if (match) resolve(match[1] ?? '')
    })
    child.once('exit', (code) => reject(new Error(`exited early (${code})`)))
  })
}

afterEach(() => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(child.spawnargs[0] === 'npx' ? -child.pid : child.pid, 'SIGKILL')
      } catch {
        // already gone
      }
    }
  }
})

describe('sandbox CLI', () => {
  it('prints one listening line, serves the clinic with the given options, and stops cleanly on SIGTERM', async () => {
    const child = launch(
      [
        '--port',
        '0',
        '--now',
        '2019-02-14T09:00:00+11:00',
        '--latency',
        '5',
        '--emulate-get-defect',
      ],
      true,
    )
    const baseUrl = await listening(child)
    const headers = { Authorization: basic() }

    const locations = await fetch(`${baseUrl}/locations`, { headers })
    const booking = await fetch(`${baseUrl}/bookings/603:be08f3c6-1afb-11e6-be41-3dbaef689d97`, {
      headers,
    })
    const exit = finish(child)
    child.kill('SIGTERM')
    const { code, stdout } = await exit

    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/openvpms\/ws\/booking\/v2$/)
    expect(locations.status).toBe(200)
    expect(booking.status).toBe(500)
    expect(code).toBe(0)
    expect(stdout).toBe('')
    await expect(fetch(`${baseUrl}/locations`, { headers })).rejects.toThrow()
  })

  it('refuses a bad dataset with file, field path and reason on stderr, exit 2, never listening', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-cli-'))
    const file = join(dir, 'clinic.json')
    writeFileSync(
      file,
      JSON.stringify({
        timeZone: 'Australia/Sydney',
        schedules: [{ id: 1, name: 'A', slotSize: -5 }],
      }),
    )

    const { code, stdout, stderr } = await finish(launch(['--port', '0', '--data', file]))

    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain(`${file}: schedules[0].slotSize: `)
  })

  it.each([[['--port', 'abc']], [['--bogus']], [['--now', '2019-02-14T09:00']], [['extra']]])(
    'prints usage and exits 2 for bad arguments %j',
    async (args) => {
      const { code, stderr } = await finish(launch(args))

      expect(code).toBe(2)
      expect(stderr).toContain('usage: sandbox')
    },
  )
})
