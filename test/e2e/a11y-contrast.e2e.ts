// WCAG 1.4.11 and 1.4.1 on the board, measured from screenshots: every state's identifying mark is 3:1 or more
// against what it sits next to, none is told by colour alone, and Windows high contrast (forced colours) keeps them.
import type { Locator, Page } from '@playwright/test'
import { DateTime } from 'luxon'
import { test, expect } from './helpers/desk'

type Rgb = readonly [number, number, number]

/** WCAG relative luminance and contrast ratio. */
const luminance = ([r, g, b]: Rgb): number => {
  const [R, G, B] = [r, g, b].map((v) => {
    const c = v / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * R + 0.7152 * G + 0.0722 * B
}
const contrast = (a: Rgb, b: Rgb): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/** A screenshot's pixels, decoded by the browser itself (a canvas in a blank page). */
interface Pixels {
  readonly width: number
  readonly height: number
  at(x: number, y: number): Rgb
  /** The darkest and the lightest pixel in the whole picture. */
  extremes(): [Rgb, Rgb]
  /** The commonest colour (a band's fill, not its initials). */
  dominant(): Rgb
}

async function pixels(page: Page, png: Buffer): Promise<Pixels> {
  const probe = await page.context().newPage()
  // Written as page code (this test's TypeScript has no DOM types): draw the PNG on a canvas and read it back.
  const decode = `(async () => {
    const image = new Image()
    image.src = 'data:image/png;base64,${png.toString('base64')}'
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = image.width
    canvas.height = image.height
    const context = canvas.getContext('2d')
    context.drawImage(image, 0, 0)
    const rgba = context.getImageData(0, 0, image.width, image.height).data
    return { width: image.width, height: image.height, data: Array.from(rgba) }
  })()`
  const { width, height, data } = (await probe.evaluate(decode)) as {
    width: number
    height: number
    data: number[]
  }
  await probe.close()
  const at = (x: number, y: number): Rgb => {
    const i = (Math.round(y) * width + Math.round(x)) * 4
    return [data[i]!, data[i + 1]!, data[i + 2]!]
  }
  return {
    width,
    height,
    at,
    extremes: () => {
      let dark: Rgb = [255, 255, 255]
      let light: Rgb = [0, 0, 0]
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++) {
          const p = at(x, y)
          if (luminance(p) < luminance(dark)) dark = p
          if (luminance(p) > luminance(light)) light = p
        }
      return [dark, light]
    },
    dominant: () => {
      const counts = new Map<string, number>()
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++) {
          const key = at(x, y).join(',')
          counts.set(key, (counts.get(key) ?? 0) + 1)
        }
      const [best] = [...counts].sort((a, b) => b[1] - a[1])[0]!
      return best.split(',').map(Number) as unknown as Rgb
    },
  }
}

const shotOf = async (page: Page, locator: Locator): Promise<Pixels> =>
  pixels(page, await locator.screenshot({ animations: 'disabled' }))

/** The board's states, sampled and compared: the same rules hold with and without forced colours. */
async function measure(page: Page): Promise<Record<string, number>> {
  const free = page.locator('.fd-block.fd-free').last()
  await free.scrollIntoViewIfNeeded()
  const freeShot = await shotOf(page, free)
  const freeFill = freeShot.at(freeShot.width / 3, freeShot.height / 2)

  const busy = page.locator('.fd-block.fd-busy').last()
  await busy.scrollIntoViewIfNeeded()
  const busyShot = await shotOf(page, busy)
  const busyBar = busyShot.at(1, busyShot.height / 2)
  await expect(busy).toContainText('Booked')

  // Closed: the last row of the board, after every schedule has closed (it is padding).
  const lastRow = page.locator('section.fd-column').first().locator('.fd-slot').last()
  await lastRow.scrollIntoViewIfNeeded()
  const [closedLine, closedGround] = (await shotOf(page, lastRow)).extremes()

  // Past: the first row of the board today (before opening, drawn as past over closed).
  const firstRow = page.locator('section.fd-column').first().locator('.fd-slot').first()
  await firstRow.scrollIntoViewIfNeeded()
  const [pastLine] = (await shotOf(page, firstRow)).extremes()

  const band = page.locator('.fd-block.fd-clinician').last()
  await band.scrollIntoViewIfNeeded()
  const bandShot = await shotOf(page, band)
  const bandFill = bandShot.dominant()

  // The keyboard's row and the focus ring, on the first schedule.
  const keys = page.locator('.fd-column-keys').first()
  await keys.focus()
  await page.keyboard.press('ArrowDown')
  const cursor = page.locator('.fd-column-cursor').first()
  await expect(cursor).toBeVisible()
  const cursorBox = (await cursor.boundingBox())!
  const keysBox = (await keys.boundingBox())!
  const around = await pixels(
    page,
    await page.screenshot({
      clip: { x: keysBox.x, y: cursorBox.y - 4, width: 60, height: cursorBox.height + 8 },
    }),
  )
  const ring = around.at(1, 2)
  const cursorFrame = around.at(cursorBox.x - keysBox.x + 1, around.height / 2)
  const underCursor = around.at(40, around.height / 2)

  return {
    'booked bar / free': contrast(busyBar, freeFill),
    'closed hatch / free': contrast(closedLine, freeFill),
    'closed hatch / its ground': contrast(closedLine, closedGround),
    'past hatch / free': contrast(pastLine, freeFill),
    'past hatch / closed ground': contrast(pastLine, closedGround),
    'clinician band / booked bar ground': contrast(bandFill, busyShot.at(busyShot.width / 2, 3)),
    'clinician band / free': contrast(bandFill, freeFill),
    'keyboard row frame / the row': contrast(cursorFrame, underCursor),
    'focus ring / the board': contrast(ring, underCursor),
  }
}

async function openAfternoon(page: Page, open: () => Promise<void>): Promise<void> {
  // Early afternoon today at the clinic: free, booked, closed and past are all on the board.
  const afternoon = DateTime.now()
    .setZone('Australia/Sydney')
    .set({ hour: 14, minute: 10, second: 0, millisecond: 0 })
  await page.clock.setFixedTime(afternoon.toJSDate())
  await open()
  // Every clinician's availability on, so bands are drawn whoever works today.
  const chips = page.getByRole('group', { name: 'Show clinician availability' }).getByRole('button')
  for (const chip of await chips.all()) await chip.click()
  await expect(page.locator('.fd-block.fd-clinician').first()).toBeAttached()
}

test('every state of the board is 3:1 against its neighbours and marked by more than colour', async ({
  desk,
}) => {
  const page = desk.page
  await openAfternoon(page, desk.open)

  const ratios = await measure(page)

  for (const [pair, ratio] of Object.entries(ratios))
    expect(ratio, `${pair}: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(3)
  await expect(page.locator('.fd-block.fd-clinician').last()).toHaveText(/^[A-Z]{1,3}$/)
  await page.screenshot({ path: 'docs/screenshots/board-states.png' })
})

test('forced colours (Windows high contrast) keep every state of the board visible', async ({
  desk,
}) => {
  const page = desk.page
  await page.emulateMedia({ forcedColors: 'active' })
  await openAfternoon(page, desk.open)

  const ratios = await measure(page)

  for (const [pair, ratio] of Object.entries(ratios))
    expect(ratio, `${pair}: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(3)
  const swatch = page.locator('.fd-swatch').first()
  const swatchShot = await shotOf(page, swatch)
  const canvas = await shotOf(page, page.locator('.fd-board-head'))
  expect(
    contrast(swatchShot.at(swatchShot.width / 2, swatchShot.height / 2), canvas.at(2, 2)),
  ).toBeGreaterThanOrEqual(3)
  await page.screenshot({ path: 'docs/screenshots/board-forced-colours.png' })
})
