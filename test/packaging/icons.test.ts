// The app icons electron-builder packs: every size each OS asks for, all drawn by build/generate-icons.mjs from
// one drawing (the committed files are what the script writes today).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const build = resolve(__dirname, '../../build')
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** Width and height of a PNG, from its IHDR chunk. */
const pngSize = (png: Buffer): [number, number] => {
  expect(png.subarray(0, 8)).toEqual(pngSignature)
  return [png.readUInt32BE(16), png.readUInt32BE(20)]
}

/** Each image of an .ico: its directory size and the size its data (PNG or bitmap) really has. */
function icoImages(ico: Buffer): { size: number; width: number; height: number }[] {
  expect(ico.readUInt16LE(2)).toBe(1) // an icon, not a cursor
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + i * 16
    const size = ico[entry] || 256
    const data = ico.subarray(
      ico.readUInt32LE(entry + 12),
      ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8),
    )
    if (data.subarray(0, 8).equals(pngSignature)) {
      const [width, height] = pngSize(data)
      return { size, width, height }
    }
    // A bitmap's header gives the height of the colour and mask rows together.
    return { size, width: data.readInt32LE(4), height: data.readInt32LE(8) / 2 }
  })
}

/** Each entry of an .icns: its type and, for PNG entries, the picture's size. */
function icnsEntries(icns: Buffer): { type: string; size: number | null }[] {
  expect(icns.toString('ascii', 0, 4)).toBe('icns')
  expect(icns.readUInt32BE(4)).toBe(icns.length)
  const entries: { type: string; size: number | null }[] = []
  for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
    const type = icns.toString('ascii', at, at + 4)
    const data = icns.subarray(at + 8, at + icns.readUInt32BE(at + 4))
    entries.push({ type, size: data.subarray(0, 8).equals(pngSignature) ? pngSize(data)[0] : null })
  }
  return entries
}

describe('app icons', () => {
  it('Windows: the .ico holds every size from 16 to 256 pixels, each drawn at its size', () => {
    const images = icoImages(readFileSync(join(build, 'icon.ico')))

    expect(images.map((image) => image.size)).toEqual([16, 20, 24, 32, 40, 48, 64, 96, 128, 256])
    for (const image of images) {
      expect([image.width, image.height]).toEqual([image.size, image.size])
    }
  })

  it('macOS: the .icns holds every entry iconutil writes, 16 to 1024 pixels with the @2x ones', () => {
    const entries = icnsEntries(readFileSync(join(build, 'icon.icns')))

    expect(entries.map((entry) => entry.type).sort()).toEqual(
      [
        'TOC ',
        'ic04',
        'ic05',
        'ic07',
        'ic08',
        'ic09',
        'ic10',
        'ic11',
        'ic12',
        'ic13',
        'ic14',
      ].sort(),
    )
    const pngSizes = Object.fromEntries(entries.map((entry) => [entry.type, entry.size]))
    expect(pngSizes).toMatchObject({
      ic07: 128,
      ic08: 256,
      ic09: 512,
      ic10: 1024,
      ic11: 32,
      ic12: 64,
      ic13: 256,
      ic14: 512,
    })
  })

  it('Linux: icon.png is 512 × 512', () => {
    expect(pngSize(readFileSync(join(build, 'icon.png')))).toEqual([512, 512])
  })

  it('the committed icons are exactly what the icon script draws', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'front-desk-icons-'))
    try {
      const run = spawnSync(process.execPath, [join(build, 'generate-icons.mjs'), fresh], {
        encoding: 'utf8',
      })
      expect(run.stderr).toBe('')

      for (const file of ['icon.png', 'icon.ico', 'icon.icns']) {
        expect(readFileSync(join(fresh, file)).equals(readFileSync(join(build, file))), file).toBe(
          true,
        )
      }
    } finally {
      rmSync(fresh, { recursive: true, force: true })
    }
  })
})
