// Draws the app icon (a calendar page on a teal tile, one booked slot marked) from one drawing at every size and
// writes build/icon.png (512×512, Linux), build/icon.ico (16–256, Windows) and build/icon.icns (16–1024 with the
// @2x entries, macOS). The ico and icns containers are written by @shockpkg/icon-encoder.
// Run: node build/generate-icons.mjs [output folder, default build/]
import { IconIcns, IconIco } from '@shockpkg/icon-encoder'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const out = resolve(process.argv[2] ?? dirname(fileURLToPath(import.meta.url)))
mkdirSync(out, { recursive: true })

/** Every size the Windows shell asks for, from the 16 px title bar to the 256 px tile view. */
const icoSizes = [16, 20, 24, 32, 40, 48, 64, 96, 128, 256]
/** Every icns entry macOS reads (its iconutil set), with its size in pixels. */
const icnsEntries = [
  ['ic04', 16],
  ['ic05', 32],
  ['ic11', 32], // 16@2x
  ['ic12', 64], // 32@2x
  ['ic07', 128],
  ['ic13', 256], // 128@2x
  ['ic08', 256],
  ['ic14', 512], // 256@2x
  ['ic09', 512],
  ['ic10', 1024], // 512@2x
]

// Signed distance to a rounded rectangle centred at (cx, cy), half-size (hw, hh), corner radius r.
const roundedRect = (x, y, cx, cy, hw, hh, r) => {
  const qx = Math.abs(x - cx) - hw + r
  const qy = Math.abs(y - cy) - hh + r
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r
}

const teal = [0, 121, 128]
const white = [255, 255, 255]
const ink = [33, 53, 71]
const accent = [255, 167, 38]
const grid = [207, 222, 226]

// The colour at a point of the unit square (0..1), or null for transparent.
function shade(u, v) {
  const s = 512
  const x = u * s
  const y = v * s
  if (roundedRect(x, y, 256, 256, 240, 240, 96) > 0) return null
  // The binder rings stand above the page.
  for (const ringX of [186, 326]) {
    if (roundedRect(x, y, ringX, 128, 14, 34, 12) <= 0) return white
  }
  const page = roundedRect(x, y, 256, 276, 160, 150, 28)
  if (page > 0) return teal
  if (y < 186) return ink // the page's header band
  // A 3×3 grid of days; the centre one is booked.
  const cellX = Math.floor((x - 116) / 93.4)
  const cellY = Math.floor((y - 206) / 68)
  if (cellX >= 0 && cellX < 3 && cellY >= 0 && cellY < 3) {
    const cx = 116 + cellX * 93.4 + 46.7
    const cy = 206 + cellY * 68 + 34
    const cell = roundedRect(x, y, cx, cy, 38, 26, 8)
    if (cell <= 0) return cellX === 1 && cellY === 1 ? accent : grid
  }
  return white
}

/** The drawing at size × size pixels, as RGBA. */
function render(size) {
  const samples = 4 // 4×4 supersampling for smooth edges
  const rgba = Buffer.alloc(size * size * 4)
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0
      let g = 0
      let b = 0
      let a = 0
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = shade(
            (px + (sx + 0.5) / samples) / size,
            (py + (sy + 0.5) / samples) / size,
          )
          if (!colour) continue
          r += colour[0]
          g += colour[1]
          b += colour[2]
          a += 1
        }
      }
      const i = (py * size + px) * 4
      rgba[i] = a ? Math.round(r / a) : 0
      rgba[i + 1] = a ? Math.round(g / a) : 0
      rgba[i + 2] = a ? Math.round(b / a) : 0
      rgba[i + 3] = Math.round((255 * a) / (samples * samples))
    }
  }
  return { width: size, height: size, data: rgba }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buffer) => {
  let c = 0xffffffff
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

function png({ width: size, data: rgba }) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++)
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const images = new Map()
const image = (size) => {
  if (!images.has(size)) images.set(size, render(size))
  return images.get(size)
}

const ico = new IconIco()
// null: the encoder's choice, bitmaps below 64 px (older Windows code paths read only those), PNG above.
for (const size of icoSizes) await ico.addFromRgba(image(size), null)
const icns = new IconIcns()
icns.toc = true
for (const [type, size] of icnsEntries) await icns.addFromRgba(image(size), [type])

writeFileSync(join(out, 'icon.png'), png(image(512)))
writeFileSync(join(out, 'icon.ico'), ico.encode())
writeFileSync(join(out, 'icon.icns'), icns.encode())
console.log(`wrote icon.png, icon.ico and icon.icns in ${out}`)
