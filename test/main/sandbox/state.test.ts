import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DatasetError, startSandbox } from '../../../src/main/sandbox'
import { readState } from '../../../src/main/sandbox/state'
import { writeFileAtomicSync as writeFileAtomic } from '../../../src/main/atomic-file'
import { BEFORE_GUIDE_DAY, client, GUIDE_DAY, guideBooking } from './support'

const tempDir = () => mkdtempSync(join(tmpdir(), 'sandbox-state-'))
const GUIDE_603 = '603:be08f3c6-1afb-11e6-be41-3dbaef689d97'

describe('state file', () => {
  it('keeps a booking, a cancellation and a status change across a restart', async () => {
    const stateFile = join(tempDir(), 'state.json')
    const first = await startSandbox({ stateFile, now: BEFORE_GUIDE_DAY })
    const api = client(first)
    const reference = await (await api.post(guideBooking())).text()
    const other = await (
      await api.post({
        ...guideBooking(),
        start: '2019-02-15T15:00:00.000+11:00',
        end: '2019-02-15T15:15:00.000+11:00',
      })
    ).text()
    await api.delete(other)
    first.setAppointmentStatus(603, 'CHECKED_IN')
    await first.close()

    const second = await startSandbox({ stateFile, now: BEFORE_GUIDE_DAY })
    try {
      const again = client(second)
      const kept = await again.get(`/bookings/${reference}`)
      const cancelled = await again.get(`/bookings/${other}`)
      const checkedIn = await again.delete(GUIDE_603)
      const busy = await (await again.get(`/schedules/136/busy?${GUIDE_DAY}`)).json()
      const next = await (
        await again.post({
          ...guideBooking(),
          start: '2019-02-15T16:00:00.000+11:00',
          end: '2019-02-15T16:15:00.000+11:00',
        })
      ).text()

      expect(kept.status).toBe(200)
      expect(cancelled.status).toBe(404)
      expect([checkedIn.status, await checkedIn.text()]).toEqual([
        400,
        'The booking must be pending to cancel',
      ])
      expect(busy).toContainEqual({
        start: '2019-02-15T12:30:00.000+11:00',
        end: '2019-02-15T12:45:00.000+11:00',
      })
      expect(busy).not.toContainEqual({
        start: '2019-02-15T15:00:00.000+11:00',
        end: '2019-02-15T15:15:00.000+11:00',
      })
      expect(Number(next.split(':')[0])).toBeGreaterThan(Number(other.split(':')[0]))
    } finally {
      await second.close()
    }
  })

  it('refuses a damaged state file, naming it', async () => {
    const stateFile = join(tempDir(), 'state.json')
    writeFileSync(stateFile, '{"version":1,"appointments":[{"id":')

    const start = startSandbox({ stateFile })

    await expect(start).rejects.toBeInstanceOf(DatasetError)
    await expect(start).rejects.toThrow(`${stateFile}: (root): not valid JSON`)
  })

  it('writes through a temporary file and rename, leaving nothing else behind', () => {
    const dir = tempDir()
    const file = join(dir, 'state.json')

    writeFileAtomic(file, 'one')
    writeFileAtomic(file, 'two')

    expect(readFileSync(file, 'utf8')).toBe('two')
    expect(readdirSync(dir)).toEqual(['state.json'])
  })

  it('never leaves a torn state file when the process is killed mid-run', async () => {
    const stateFile = join(tempDir(), 'state.json')
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/main/sandbox/cli.ts',
        '--port',
        '0',
        '--state',
        stateFile,
        '--now',
        BEFORE_GUIDE_DAY,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    const baseUrl = await new Promise<string>((resolve) => {
      let buffered = ''
      child.stdout.on('data', (chunk) => {
        buffered += chunk
        const match = /listening on (\S+)\n/.exec(buffered)
        if (match) resolve(match[1] ?? '')
      })
    })
    const api = client({ baseUrl } as never)
    const acknowledged: string[] = []
    const booking = async (index: number) => {
      const minute = 9 * 60 + index * 15
      const time = (value: number) =>
        `${String(Math.floor(value / 60)).padStart(2, '0')}:${String(value % 60).padStart(2, '0')}`
      try {
        const response = await api.post({
          ...guideBooking(),
          schedule: 211,
          start: `2019-02-16T${time(minute)}:00.000+11:00`,
          end: `2019-02-16T${time(minute + 30)}:00.000+11:00`,
          appointmentType: 84,
        })
        if (response.status === 201) acknowledged.push(await response.text())
      } catch {
        // the server died under this request
      }
    }
    // Three clients book non-overlapping 30-minute slots one after another; the server dies mid-stream.
    let next = 0
    let killed = false
    const worker = async () => {
      while (!killed && next < 28) {
        await booking(2 * next++)
        if (acknowledged.length >= 8 && !killed) {
          killed = true
          child.kill('SIGKILL')
        }
      }
    }
    await Promise.all([worker(), worker(), worker()])
    await new Promise((resolve) =>
      child.exitCode === null && child.signalCode === null
        ? child.once('exit', resolve)
        : resolve(null),
    )

    const state = readState(stateFile)
    const saved = new Set(
      (state?.appointments ?? []).map((record) => `${record.id}:${record.linkId}`),
    )

    expect(killed).toBe(true)
    for (const reference of acknowledged) expect(saved.has(reference)).toBe(true)
    expect(readdirSync(join(stateFile, '..')).filter((name) => !name.endsWith('.tmp'))).toEqual(
      state ? ['state.json'] : [],
    )
  })
})
