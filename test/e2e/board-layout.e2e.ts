// The board at the screen sizes reception PCs really have: only the board scrolls, its headings, time
// axis and the top bar stay in view, and every column draws the same instant at the same height.
import type { Locator, Page } from '@playwright/test'
import { openBigClinic } from './helpers/board'
import { test, expect, type Desk } from './helpers/desk'

const DAY = '2027-03-10'
const LONG_NAME = 'Consult Room 7 – Feline-Friendly Quiet Room (Upstairs, East Wing)'

const openBranch = (desk: Desk, location = 'Northside Branch'): Promise<Page> =>
  openBigClinic(desk, location, DAY)

const rows = (page: Page, time: string): Locator => page.locator(`.fd-slot[data-time="${time}"]`)

/** Scrolls the board (not the page) until a time's row is in view, as the mouse wheel would. */
async function scrollBoardTo(page: Page, time: string): Promise<void> {
  await page.locator('.fd-columns').evaluate((board, wanted) => {
    const row = board.querySelector(`.fd-slot[data-time="${wanted}"]`)
    if (!row) throw new Error(`no row at ${wanted}`)
    const top = row.getBoundingClientRect().top - board.getBoundingClientRect().top
    board.scrollTop += top - board.clientHeight / 2
  }, time)
}

test('@wide scrolled to 17:00, the top bar, the day and every schedule heading stay in view', async ({
  desk,
}, info) => {
  const page = await openBranch(desk)
  const headings = page.locator('.fd-column-heading')
  await expect(headings).toHaveCount(6)
  if (info.project.name === '1920x1080')
    await page.screenshot({ path: 'docs/screenshots/board-1920.png' })

  await scrollBoardTo(page, '17:00:00')

  await expect(rows(page, '17:00:00').first()).toBeInViewport()
  await expect(page.locator('.fd-topbar')).toBeInViewport({ ratio: 1 })
  await expect(page.getByRole('heading', { level: 1 })).toContainText('10 Mar 2027')
  for (const heading of await headings.all()) await expect(heading).toBeInViewport({ ratio: 1 })
  const axisLabel = page.locator('.fd-time-axis-label', { hasText: '17:00' })
  await expect(axisLabel).toBeInViewport()
  // The page itself never scrolls: only the board does.
  expect(await page.locator('html').evaluate((root) => root.scrollHeight)).toBeLessThanOrEqual(
    page.viewportSize()!.height,
  )
  if (info.project.name === '1366x768')
    await page.screenshot({ path: 'docs/screenshots/board-1366-afternoon.png' })
})

test('@wide every column draws 10:00 at the same height, a long schedule name included', async ({
  desk,
}) => {
  const page = await openBranch(desk)
  const long = page.locator('.fd-column-heading', { hasText: LONG_NAME })
  await expect(long).toHaveAttribute('title', LONG_NAME)
  await expect(page.getByRole('region', { name: new RegExp(LONG_NAME.slice(0, 20)) })).toHaveCount(
    1,
  )

  const tops = await rows(page, '10:00:00').evaluateAll((cells) =>
    cells.map((cell) => cell.getBoundingClientRect().top),
  )

  expect(tops).toHaveLength(6)
  for (const top of tops) expect(Math.abs(top - tops[0]!)).toBeLessThanOrEqual(1)
  const label = await page.locator('.fd-time-axis-label', { hasText: '10:00' }).boundingBox()
  expect(Math.abs(label!.y - tops[0]!)).toBeLessThanOrEqual(3)
  // The long name is shortened on one line, so its heading is no taller than the others.
  const heights = await page
    .locator('.fd-column-heading')
    .evaluateAll((all) => all.map((heading) => heading.getBoundingClientRect().height))
  expect(new Set(heights).size).toBe(1)
})

test('the board opens on the opening time, and a wide clinic scrolls sideways inside the board', async ({
  desk,
}) => {
  const page = await openBranch(desk, 'Harbour Animal Hospital')

  // Surgeries open at 07:30; the 24-hour emergency schedule runs from midnight, yet the night is not what shows.
  await expect(page.locator('.fd-time-axis-label').first()).toHaveText('00:00')
  await expect(rows(page, '07:30:00').first()).toBeInViewport()
  await expect(rows(page, '05:00:00').first()).not.toBeInViewport()

  const board = page.locator('.fd-columns')
  const box = (await board.boundingBox())!
  expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height)
  const { scrollWidth, clientWidth } = await board.evaluate((element) => ({
    scrollWidth: element.scrollWidth,
    clientWidth: element.clientWidth,
  }))
  expect(scrollWidth).toBeGreaterThan(clientWidth)
  const columnWidth = (await page.locator('.fd-column').first().boundingBox())!.width
  expect(columnWidth).toBeGreaterThanOrEqual(150)
  const axisBefore = (await page.locator('.fd-time-axis').boundingBox())!

  await board.evaluate((element) => (element.scrollLeft = 1200))

  const axisAfter = (await page.locator('.fd-time-axis').boundingBox())!
  expect(axisAfter.x).toBe(axisBefore.x)
  await expect(page.locator('.fd-time-axis-label', { hasText: '09:00' })).toBeInViewport()
})

test('a booking that began above the rows in view still says "Booked" under the headings', async ({
  desk,
}) => {
  const page = await openBranch(desk)
  const board = page.locator('.fd-columns')
  const busy = page.locator('.fd-block.fd-busy').filter({ hasText: 'Booked' })
  const tall = (
    await busy.evaluateAll((blocks) =>
      blocks.map((block, index) => ({ index, height: block.getBoundingClientRect().height })),
    )
  ).find((block) => block.height >= 72)
  expect(tall, 'a booking of 45 minutes or more on the board').toBeDefined()
  const block = busy.nth(tall!.index)
  const headingBottom = async (): Promise<number> => {
    const heading = (await page.locator('.fd-column-heading').first().boundingBox())!
    return heading.y + heading.height
  }

  // Scrolled so the booking starts 40 px above the bottom of the sticky headings: its top is hidden under them.
  const shift = (await block.boundingBox())!.y - ((await headingBottom()) - 40)
  await board.evaluate((element, by) => (element.scrollTop += by), shift)

  const label = block.locator('.fd-block-text')
  const box = (await label.boundingBox())!
  expect((await block.boundingBox())!.y).toBeLessThan((await headingBottom()) - 30)
  expect(box.y).toBeGreaterThanOrEqual((await headingBottom()) - 1)
  await expect(label).toBeInViewport({ ratio: 1 })
})
