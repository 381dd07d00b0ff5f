import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileAtomic, writeFileAtomicSync } from '../../src/main/atomic-file'

const folder = (): string => mkdtempSync(join(tmpdir(), 'atomic-'))

describe('the atomic file writer', () => {
  it('replaces a file whole, leaving nothing else beside it', async () => {
    const dir = folder()
    const file = join(dir, 'journal.json')
    writeFileSync(file, 'old')

    await writeFileAtomic(file, 'new')
    writeFileAtomicSync(file, 'newer')

    expect(readFileSync(file, 'utf8')).toBe('newer')
    expect(readdirSync(dir)).toEqual(['journal.json'])
  })

  it('removes its temp file when the rename fails, and says so', async () => {
    const dir = folder()
    // A non-empty folder where the file should go: the rename over it fails.
    const target = join(dir, 'taken')
    mkdirSync(target)
    writeFileSync(join(target, 'inside'), 'x')

    await expect(writeFileAtomic(target, 'text')).rejects.toThrow()
    expect(() => writeFileAtomicSync(target, 'text')).toThrow()

    expect(readdirSync(dir)).toEqual(['taken'])
  })
})
