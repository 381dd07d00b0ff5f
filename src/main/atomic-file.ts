// The one way to replace a file so that a crash mid-write never leaves half of it: the journal, the settings and the
// sandbox's state all use it. The sandbox needs the synchronous face: it must persist before it answers.
import { randomUUID } from 'node:crypto'
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { open, readFile, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Logger } from './ipc/handle'

const tempBeside = (file: string): string =>
  `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`

/**
 * Writes `text` to `file` atomically: a temp file beside it (owner-only), fsync, rename over the file, fsync the
 * folder. On any failure the temp file is removed and the old file is left as it was.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const temp = tempBeside(file)
  try {
    const handle = await open(temp, 'w', 0o600)
    try {
      await handle.writeFile(text, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, file)
  } catch (thrown) {
    await rm(temp, { force: true })
    throw thrown
  }
  try {
    const folder = await open(dirname(file), 'r')
    try {
      await folder.sync()
    } finally {
      await folder.close()
    }
  } catch {
    // Some platforms (Windows) cannot open or fsync a folder; the rename is still atomic there.
  }
}

/** `writeFileAtomic`, synchronously: the write is on disk when it returns. */
export function writeFileAtomicSync(file: string, text: string): void {
  const temp = tempBeside(file)
  try {
    const fd = openSync(temp, 'w', 0o600)
    try {
      writeSync(fd, text)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, file)
  } catch (thrown) {
    rmSync(temp, { force: true })
    throw thrown
  }
  try {
    const folder = openSync(dirname(file), 'r')
    try {
      fsyncSync(folder)
    } finally {
      closeSync(folder)
    }
  } catch {
    // Some platforms (Windows) cannot open or fsync a folder; the rename is still atomic there.
  }
}

/** What reading a kept list file gave: its entries, a file that cannot be read now, or a damaged one set aside. */
export type KeptFileRead<T> =
  | { readonly entries: T[] }
  | { readonly unreadable: string }
  | { readonly setAside: string; readonly entries: T[] }

/**
 * Reads a list file kept in user data (the journal, the waitlist). A missing file is an empty list. A file that is
 * there but cannot be read now (EBUSY, EACCES, EIO…) is `unreadable`: starting empty would replace it at the next
 * write, so the caller writes nothing until it reads again. A damaged file is kept for a person to look at (renamed
 * aside) and the list starts empty; if it cannot even be renamed, it is `unreadable` too.
 */
export async function readKeptFile<T>(
  what: string,
  deps: {
    readonly file: string
    readonly read?: (file: string) => Promise<string>
    readonly log?: Logger
  },
  parse: (text: string) => T[],
  alreadyUnreadable: boolean,
): Promise<KeptFileRead<T>> {
  const { file, log } = deps
  let text: string
  try {
    text = await (deps.read ?? ((path: string) => readFile(path, 'utf8')))(file)
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [] }
    if (!alreadyUnreadable) {
      log?.error(`${what}: cannot read; not writing it until it can be read`, {
        file,
        error: String(thrown),
      })
    }
    return { unreadable: (thrown as NodeJS.ErrnoException).code ?? String(thrown) }
  }
  try {
    return { entries: parse(text) }
  } catch (thrown) {
    const aside = `${file}.corrupt-${Date.now()}`
    try {
      await rename(file, aside)
    } catch (renameError) {
      log?.error(`${what}: corrupt and cannot be set aside; not writing it`, {
        file,
        error: String(renameError),
      })
      return { unreadable: (renameError as NodeJS.ErrnoException).code ?? String(renameError) }
    }
    log?.warn(`${what}: corrupt file set aside, starting empty`, {
      file,
      aside,
      error: String(thrown),
    })
    return { setAside: aside, entries: [] }
  }
}

/**
 * Joins a kept file's entries, read at last, with those added while it could not be read: in place (every method
 * holds the one array), the file's first, then the ones added meanwhile, which win on a shared id. Returns how many
 * were added meanwhile (they still need writing).
 */
export function rejoinKept<T extends { readonly id: string }>(
  entries: T[],
  read: readonly T[],
): number {
  const meanwhile = entries.splice(0)
  const ids = new Set(meanwhile.map((entry) => entry.id))
  for (const entry of read) if (!ids.has(entry.id)) entries.push(entry)
  for (const entry of meanwhile) entries.push(entry)
  return meanwhile.length
}
