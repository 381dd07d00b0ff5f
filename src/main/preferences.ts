// The desk's own preferences, set by whoever looks after the computer: `preferences.json` in the user-data folder,
// optional, hand-edited. Unlike settings.json it does not belong to a connection, so signing out keeps it.
import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { DEFAULT_RETENTION_DAYS } from './booking/journal'
import type { Logger } from './ipc/handle'

/** What preferences.json may say. */
export interface Preferences {
  /** Days of booking history the journal keeps (1 to 3650; default 400). */
  readonly journalRetentionDays: number
}

/** The file's name in the user-data folder. */
export const PREFERENCES_FILE = 'preferences.json'

const schema = z.object({
  journalRetentionDays: z.number().int().min(1).max(3650).default(DEFAULT_RETENTION_DAYS),
})

/** Reads preferences.json; a missing file is the defaults, and so is a bad one (with a line in the log saying why). */
export async function readPreferences(file: string, log?: Logger): Promise<Preferences> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code !== 'ENOENT')
      log?.warn('preferences: cannot read, using the defaults', { file, error: String(thrown) })
    return schema.parse({})
  }
  try {
    return schema.parse(JSON.parse(text))
  } catch (thrown) {
    log?.warn('preferences: not understood, using the defaults', { file, error: String(thrown) })
    return schema.parse({})
  }
}
