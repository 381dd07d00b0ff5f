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

/** Longest confirmation text template the practice may keep (an SMS is 160 characters; an email is longer). */
export const MAX_TEMPLATE_LENGTH = 2_000

// strict(): a settings file that somehow gained a password field is refused rather than trusted. The connection and
// the practice's confirmation template are kept apart: signing out forgets the one, not the other.
const fileSchema = z
  .object({
    version: z.literal(1),
    serverUrl: z.url().optional(),
    username: z.string().min(1).optional(),
    allowInsecure: z.boolean().optional(),
    confirmationTemplate: z.string().max(MAX_TEMPLATE_LENGTH).optional(),
  })
  .strict()
type SettingsFile = z.infer<typeof fileSchema>

async function readFileSettings(file: string): Promise<SettingsFile | null> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    return null
  }
  try {
    const parsed = fileSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

async function writeFileSettings(file: string, content: SettingsFile): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(content, null, 2)}\n`)
}

/** Reads settings.json: null when absent, unreadable or not in the expected shape (the app then starts on the demo). */
export async function readSettings(file: string): Promise<Settings | null> {
  const content = await readFileSettings(file)
  if (!content) return null
  const { serverUrl, username, allowInsecure } = content
  if (serverUrl === undefined || username === undefined || allowInsecure === undefined) return null
  return { serverUrl, username, allowInsecure }
}

/** Writes settings.json atomically: a temp file beside it, flushed, then renamed over it (a crash leaves old or new). */
export async function writeSettings(file: string, settings: Settings): Promise<void> {
  const kept = (await readFileSettings(file))?.confirmationTemplate
  await writeFileSettings(file, {
    version: 1,
    serverUrl: settings.serverUrl,
    username: settings.username,
    allowInsecure: settings.allowInsecure,
    ...(kept !== undefined && { confirmationTemplate: kept }),
  })
}

/** Forgets the connection (sign out); the practice's confirmation template stays. */
export async function clearSettings(file: string): Promise<void> {
  const kept = (await readFileSettings(file))?.confirmationTemplate
  if (kept === undefined) await rm(file, { force: true })
  else await writeFileSettings(file, { version: 1, confirmationTemplate: kept })
}

/** The practice's confirmation text template, or null when it uses the desk's default. */
export async function readConfirmationTemplate(file: string): Promise<string | null> {
  return (await readFileSettings(file))?.confirmationTemplate ?? null
}

/** Keeps the practice's template (null: back to the default), leaving the connection as it is. */
export async function writeConfirmationTemplate(
  file: string,
  template: string | null,
): Promise<void> {
  const { confirmationTemplate: _old, ...rest } = (await readFileSettings(file)) ?? { version: 1 }
  const content: SettingsFile = {
    ...rest,
    version: 1,
    ...(template !== null && { confirmationTemplate: template }),
  }
  if (Object.keys(content).length === 1) await rm(file, { force: true })
  else await writeFileSettings(file, content)
}
