// One way to replace a file in user data so that a crash mid-write never leaves half of it: the journal and the
// settings both use it. (The sandbox keeps a synchronous variant: it must persist before it answers.)
import { randomUUID } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'

/** Writes `text` to `file` atomically (temp file beside it, fsync, rename, fsync the folder); owner-only access. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`
  const handle = await open(temp, 'w', 0o600)
  try {
    await handle.writeFile(text, 'utf8')
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await rename(temp, file)
  } catch (thrown) {
    await rm(temp, { force: true })
    throw thrown
  }
  await syncDirectory(dirname(file))
}

async function syncDirectory(directory: string): Promise<void> {
  // Makes the rename itself durable; not possible on every platform (Windows), where it is skipped.
  try {
    const handle = await open(directory, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    return
  }
}
