import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readPreferences } from '../../src/main/preferences'

let dir: string
let file: string
const warnings: string[] = []
const log = {
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => void warnings.push(message),
  error: () => undefined,
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'preferences-'))
  file = join(dir, 'preferences.json')
  warnings.length = 0
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('readPreferences', () => {
  it('keeps 400 days of journal history when there is no preferences file', async () => {
    expect(await readPreferences(file, log)).toEqual({ journalRetentionDays: 400 })
    expect(warnings).toEqual([])
  })

  it('takes the period the file sets', async () => {
    await writeFile(file, '{ "journalRetentionDays": 730 }')

    expect(await readPreferences(file, log)).toEqual({ journalRetentionDays: 730 })
  })

  it.each(['{ "journalRetentionDays": 0 }', '{ "journalRetentionDays": "a year" }', '{ nope'])(
    'falls back to the defaults on %s, and says so in the log',
    async (text) => {
      await writeFile(file, text)

      expect(await readPreferences(file, log)).toEqual({ journalRetentionDays: 400 })
      expect(warnings).toEqual(['preferences: not understood, using the defaults'])
    },
  )
})
