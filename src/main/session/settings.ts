import { readFile, rm } from 'node:fs/promises'
import { z } from 'zod'
import { writeFileAtomic } from '../atomic-file'
import { shortcutSettingsSchema, type ShortcutSettings } from '../../shared/shortcut-keys'

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
// the desk's preferences (the practice's confirmation template, the keyboard shortcuts) are kept apart: signing out
// forgets the one, not the other.
const fileSchema = z
  .object({
    version: z.literal(1),
    serverUrl: z.url().optional(),
    username: z.string().min(1).optional(),
    allowInsecure: z.boolean().optional(),
    confirmationTemplate: z.string().max(MAX_TEMPLATE_LENGTH).optional(),
    shortcuts: shortcutSettingsSchema.optional(),
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

/** The desk's preferences in the file, which outlive any connection. */
async function keptPreferences(
  file: string,
): Promise<Pick<SettingsFile, 'confirmationTemplate' | 'shortcuts'>> {
  const content = await readFileSettings(file)
  return {
    ...(content?.confirmationTemplate !== undefined && {
      confirmationTemplate: content.confirmationTemplate,
    }),
    ...(content?.shortcuts !== undefined && { shortcuts: content.shortcuts }),
  }
}

/** Writes settings.json atomically: a temp file beside it, flushed, then renamed over it (a crash leaves old or new). */
export async function writeSettings(file: string, settings: Settings): Promise<void> {
  const kept = await keptPreferences(file)
  await writeFileSettings(file, {
    version: 1,
    serverUrl: settings.serverUrl,
    username: settings.username,
    allowInsecure: settings.allowInsecure,
    ...kept,
  })
}

/** Forgets the connection (sign out); the desk's preferences stay. */
export async function clearSettings(file: string): Promise<void> {
  const kept = await keptPreferences(file)
  if (Object.keys(kept).length === 0) await rm(file, { force: true })
  else await writeFileSettings(file, { version: 1, ...kept })
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

/** The keyboard shortcuts as the receptionist set them, or null for the desk's own keys. */
export async function readShortcuts(file: string): Promise<ShortcutSettings | null> {
  return (await readFileSettings(file))?.shortcuts ?? null
}

/** Keeps the shortcuts (null: back to the desk's keys), leaving everything else in the file as it is. */
export async function writeShortcuts(
  file: string,
  shortcuts: ShortcutSettings | null,
): Promise<void> {
  const { shortcuts: _old, ...rest } = (await readFileSettings(file)) ?? { version: 1 }
  const content: SettingsFile = {
    ...rest,
    version: 1,
    ...(shortcuts !== null && { shortcuts: { enabled: shortcuts.enabled, keys: shortcuts.keys } }),
  }
  if (Object.keys(content).length === 1) await rm(file, { force: true })
  else await writeFileSettings(file, content)
}
