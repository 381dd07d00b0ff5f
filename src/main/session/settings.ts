import { readFile, rm } from 'node:fs/promises'
import { z } from 'zod'
import { writeFileAtomic } from '../atomic-file'

/** What is remembered of the connection between runs. Never the password: that is the keychain's. */
export interface Settings {
  /** Normalised …/ws/booking/v2 base URL. */
  readonly serverUrl: string
  readonly username: string
  /** The user accepted plain http to a non-loopback host. */
  readonly allowInsecure: boolean
}

// strict(): a settings file that somehow gained a password field is refused rather than trusted.
const settingsSchema = z
  .object({
    version: z.literal(1),
    serverUrl: z.url(),
    username: z.string().min(1),
    allowInsecure: z.boolean(),
  })
  .strict()

/** Reads settings.json: null when absent, unreadable or not in the expected shape (the app then starts on the demo). */
export async function readSettings(file: string): Promise<Settings | null> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    return null
  }
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(text))
    if (!parsed.success) return null
    const { serverUrl, username, allowInsecure } = parsed.data
    return { serverUrl, username, allowInsecure }
  } catch {
    return null
  }
}

/** Writes settings.json atomically: a temp file beside it, flushed, then renamed over it (a crash leaves old or new). */
export async function writeSettings(file: string, settings: Settings): Promise<void> {
  const body = JSON.stringify(
    {
      version: 1,
      serverUrl: settings.serverUrl,
      username: settings.username,
      allowInsecure: settings.allowInsecure,
    },
    null,
    2,
  )
  await writeFileAtomic(file, `${body}\n`)
}

/** Removes settings.json (sign out). */
export async function clearSettings(file: string): Promise<void> {
  await rm(file, { force: true })
}
