import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  clearSettings,
  readConfirmationTemplate,
  readSettings,
  readShortcuts,
  writeConfirmationTemplate,
  writeSettings,
  writeShortcuts,
} from '../../../src/main/session/settings'
import { DEFAULT_SHORTCUT_KEYS, shortcutSettingsSchema } from '../../../src/shared/shortcut-keys'
import { tempUserData } from './support'

const settings = {
  serverUrl: 'https://clinic.example:8443/openvpms/ws/booking/v2',
  username: 'desk',
  allowInsecure: false,
}
let userData: { dir: string; remove: () => Promise<void> }
let file: string

beforeEach(async () => {
  userData = await tempUserData()
  file = join(userData.dir, 'settings.json')
})
afterEach(() => userData.remove())

describe('settings.json', () => {
  it('reads back what was written', async () => {
    await writeSettings(file, settings)

    expect(await readSettings(file)).toEqual(settings)
  })

  it('leaves no temporary file behind', async () => {
    await writeSettings(file, settings)
    await writeSettings(file, { ...settings, username: 'front' })

    expect(await readdir(userData.dir)).toEqual(['settings.json'])
  })

  it('reads as absent when missing, corrupt or of another shape', async () => {
    const missing = await readSettings(file)
    await writeFile(file, '{"serverUrl": "https://clin')
    const truncated = await readSettings(file)
    await writeFile(file, JSON.stringify({ version: 2, ...settings }))
    const otherVersion = await readSettings(file)

    expect([missing, truncated, otherVersion]).toEqual([null, null, null])
  })

  it('refuses a file that carries a password rather than trusting it', async () => {
    await writeFile(file, JSON.stringify({ version: 1, ...settings, password: 'changeit' }))

    expect(await readSettings(file)).toBeNull()
  })

  it('is gone after clearing, and clearing twice is harmless', async () => {
    await writeSettings(file, settings)

    await clearSettings(file)
    await clearSettings(file)

    expect(await readSettings(file)).toBeNull()
    await expect(readFile(file)).rejects.toThrow()
  })
})

describe('the confirmation template in settings.json', () => {
  it('is kept beside the connection, and survives reconnecting and signing out', async () => {
    await writeSettings(file, settings)
    await writeConfirmationTemplate(file, 'See you {day} at {time}, {firstName}.')

    await writeSettings(file, { ...settings, username: 'front' })
    const afterReconnect = await readSettings(file)
    await clearSettings(file)

    expect(afterReconnect?.username).toBe('front')
    expect(await readSettings(file)).toBeNull()
    expect(await readConfirmationTemplate(file)).toBe('See you {day} at {time}, {firstName}.')
  })

  it('goes back to the default, and leaves no file when nothing else is kept', async () => {
    await writeConfirmationTemplate(file, 'Booked: {reference}')

    await writeConfirmationTemplate(file, null)

    expect(await readConfirmationTemplate(file)).toBeNull()
    await expect(readFile(file)).rejects.toThrow()
  })
})

describe('the keyboard shortcuts in settings.json', () => {
  const off = { enabled: false, keys: { ...DEFAULT_SHORTCUT_KEYS, today: ['h'] } }

  it('are kept beside the connection and the template, and survive signing out', async () => {
    await writeSettings(file, settings)
    await writeConfirmationTemplate(file, 'Booked: {reference}')
    await writeShortcuts(file, off)

    await writeSettings(file, { ...settings, username: 'front' })
    await clearSettings(file)

    expect(await readShortcuts(file)).toEqual(off)
    expect(await readConfirmationTemplate(file)).toBe('Booked: {reference}')
    expect(await readSettings(file)).toBeNull()
  })

  it('go back to the desk’s keys, and leave no file when nothing else is kept', async () => {
    await writeShortcuts(file, off)

    await writeShortcuts(file, null)

    expect(await readShortcuts(file)).toBeNull()
    await expect(readFile(file)).rejects.toThrow()
  })

  it('refuse one key for two actions', () => {
    const clash = { enabled: true, keys: { ...DEFAULT_SHORTCUT_KEYS, today: ['N'] } }

    const parsed = shortcutSettingsSchema.safeParse(clash)

    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.message).toBe('“N” is used by two shortcuts.')
  })
})
