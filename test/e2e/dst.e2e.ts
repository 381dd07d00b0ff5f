import { resolve } from 'node:path'
import { DateTime } from 'luxon'
import { dayBounds } from '../../src/shared/time'
import type { Page } from '@playwright/test'
import { covers } from '../../src/shared/intervals'
import { clickSlot, drawnRanges, goToDay } from './helpers/board'
import { test, expect } from './helpers/desk'

const ZONE = 'Australia/Sydney'
// 2026-10-04: Sydney's clocks go from 02:00 AEST to 03:00 AEDT, a 23-hour day.
const DST_DAY = '2026-10-04'
const wall = (time: string): number =>
  DateTime.fromISO(`${DST_DAY}T${time}`, { zone: ZONE }).toMillis()

/** The top of the time axis's label for a wall time (the `n`th when the clocks show it twice). */
async function labelTop(page: Page, text: string, n = 0): Promise<number | undefined> {
  const labels = page.locator('.fd-time-axis-label').filter({ hasText: new RegExp(`^${text}`) })
  return (await labels.nth(n).boundingBox())?.y
}

/** Scrolls the board to its top (midnight), as the mouse wheel would. */
const scrollBoardToTop = (page: Page): Promise<void> =>
  page.locator('.fd-columns').evaluate((board) => {
    board.scrollTop = 0
  })

// The computer is on the other side of the world: every time must still be the clinic's.
test.use({ timezoneId: 'America/New_York' })

test('a daylight-saving day shows the clinic’s real opening hours in its own zone', async ({
  desk,
}) => {
  const { client } = await desk.connectTo({
    dataFile: resolve(__dirname, 'fixtures/dst-clinic.json'),
  })
  await desk.open()
  const page = desk.page

  await goToDay(page, DST_DAY)

  const bounds = dayBounds(DST_DAY, ZONE)
  expect(bounds.end - bounds.start).toBe(23 * 3_600_000)
  const night = await client.freeBusy(11, bounds)
  expect(await drawnRanges(page, 11, 'free')).toEqual(night.free)
  expect(night.free[0]?.start).toBe(wall('01:00'))
  expect(await drawnRanges(page, 11, 'busy')).toEqual([
    { start: wall('03:00'), end: wall('03:30') },
  ])
  const day = await client.freeBusy(12, bounds)
  expect(await drawnRanges(page, 12, 'free')).toEqual(day.free)
  // Drawn where the wall clock says: the 03:00 booking sits level with the axis's 03:00, opening with its 08:00
  // (the rows count elapsed time, so on this 23-hour day the 03:00 row is the third hour's).
  const rowTop = async (_scheduleId: number, time: string): Promise<number> =>
    (await labelTop(page, time.slice(0, 5)))!
  const busyTop = (await page.locator('section[data-schedule-id="11"] .fd-busy').boundingBox())!.y
  const dayFreeTop = (await page
    .locator('section[data-schedule-id="12"] .fd-free')
    .first()
    .boundingBox())!.y
  expect(Math.abs(busyTop - (await rowTop(11, '03:00:00')))).toBeLessThan(3)
  expect(Math.abs(dayFreeTop - (await rowTop(12, '08:00:00')))).toBeLessThan(3)
  await expect(page.locator('.fd-time-axis-label', { hasText: '02:00' })).toHaveCount(0)
  await expect(page.locator('.fd-clock-note')).toHaveText(
    'The clocks go forward at 02:00 this day: there is no 02:00–03:00.',
  )
  // The board's one time axis starts at midnight for the night ward, and the board opens on its 01:00 opening.
  await expect(page.locator('.fd-time-axis-label').first()).toHaveText('00:00')
  await expect(
    page.locator('section[data-schedule-id="11"] .fd-slot[data-time="01:00:00"]'),
  ).toBeInViewport()
  await expect(page.locator('.fd-board-legend')).toContainText('Australia/Sydney')
})

test('the 25-hour day shows 02:00 twice, and the second 02:00 is booked as itself', async ({
  desk,
}) => {
  // Sydney, Sun 4 Apr 2027: at 03:00 summer time the clocks go back to 02:00, so 02:00–03:00 comes twice. The
  // ward is open round the clock, in hour slots; the first 02:00 hour is booked already.
  const day = '2027-04-04'
  const firstTwo = DateTime.fromISO(`${day}T02:00:00+11:00`).toMillis()
  const secondTwo = DateTime.fromISO(`${day}T02:00:00+10:00`).toMillis()
  const { client } = await desk.connectTo({
    dataFile: resolve(__dirname, 'fixtures/dst-hospital.json'),
  })
  await desk.open()
  const page = desk.page
  await goToDay(page, day)
  await scrollBoardToTop(page)

  const bounds = dayBounds(day, ZONE)
  expect(bounds.end - bounds.start).toBe(25 * 3_600_000)
  const labels = page.locator('.fd-time-axis-label')
  await expect(labels).toHaveCount(25)
  expect((await labels.allTextContents()).slice(0, 5).map((text) => text.trim())).toEqual([
    '00:00',
    '01:00',
    '02:00',
    '02:00again',
    '03:00',
  ])
  await expect(page.locator('.fd-clock-note')).toContainText(
    'The clocks go back at 03:00 this day: 02:00–03:00 comes twice',
  )
  const ward = await client.freeBusy(21, bounds)
  expect(await drawnRanges(page, 21, 'busy')).toEqual([
    { start: firstTwo, end: firstTwo + 3_600_000 },
  ])
  expect(await drawnRanges(page, 21, 'free')).toEqual(ward.free)
  // The booked first 02:00 sits on the first 02:00 row, the free second one an hour's height below it.
  const busyTop = (await page.locator('section[data-schedule-id="21"] .fd-busy').boundingBox())!.y
  const first = (await labelTop(page, '02:00', 0))!
  const second = (await labelTop(page, '02:00', 1))!
  expect(Math.abs(busyTop - first)).toBeLessThan(3)
  expect(second - first).toBeCloseTo(96, 0) // 60 minutes at 1.6 px a minute
  await page.screenshot({ path: 'docs/screenshots/dst-25-hour-day.png' })

  await clickSlot(page, 21, secondTwo, ZONE)
  const dialog = page.getByRole('dialog', { name: 'Choose the appointment type' })
  await expect(dialog).toContainText('from 02:00 (after the clocks go back)')
  const type = dialog.getByRole('button', { name: /Hospital Check/ })
  await expect(type).toContainText('60 min · 02:00–03:00 (after the clocks go back)')
  await expect(dialog).not.toContainText('02:00–02:00')
  await page.screenshot({ path: 'docs/screenshots/dst-repeated-hour.png' })
  await type.click()
  await page.getByLabel('First name').fill('Mary')
  await page.getByLabel('Last name').fill('Jones')
  await page.getByLabel('Mobile').fill('0412 345 678')
  await page.getByLabel('Patient name').fill('Rex')
  await page.getByRole('button', { name: 'Confirm booking' }).click()

  await expect(page.getByRole('dialog', { name: 'Booked' })).toContainText(
    '02:00–03:00 (after the clocks go back)',
  )
  const after = await client.freeBusy(21, bounds)
  expect(covers(after.busy, { start: secondTwo, end: secondTwo + 3_600_000 })).toBe(true)
  expect(covers(after.busy, { start: firstTwo, end: firstTwo + 3_600_000 })).toBe(true)
})

test('the 23-hour day shows no 02:00 on a 24-hour schedule, and 03:00 follows 01:00', async ({
  desk,
}) => {
  const day = '2027-10-03'
  await desk.connectTo({ dataFile: resolve(__dirname, 'fixtures/dst-hospital.json') })
  await desk.open()
  const page = desk.page
  await goToDay(page, day)
  await scrollBoardToTop(page)

  const labels = page.locator('.fd-time-axis-label')
  await expect(labels).toHaveCount(23)
  expect((await labels.allTextContents()).slice(0, 4).map((text) => text.trim())).toEqual([
    '00:00',
    '01:00',
    '03:00',
    '04:00',
  ])
  const busyTop = (await page.locator('section[data-schedule-id="21"] .fd-busy').boundingBox())!.y
  expect(Math.abs(busyTop - (await labelTop(page, '03:00'))!)).toBeLessThan(3)
  await expect(page.locator('.fd-clock-note')).toHaveText(
    'The clocks go forward at 02:00 this day: there is no 02:00–03:00.',
  )
})
