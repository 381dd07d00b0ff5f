// The one way to replace a file so that a crash mid-write never leaves half of it: the journal, the settings and the
// sandbox's state all use it. The sandbox needs the synchronous face: it must persist before it answers.
import { randomUUID } from 'node:crypto'
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'

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
