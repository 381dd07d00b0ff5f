import { resolve } from 'node:path'
import { DateTime } from 'luxon'
import { dayBounds } from '../../src/shared/time'
import { drawnRanges, goToDay } from './helpers/board'
import { test, expect } from './helpers/desk'

const ZONE = 'Australia/Sydney'
// 2026-10-04: Sydney's clocks go from 02:00 AEST to 03:00 AEDT, a 23-hour day.
const DST_DAY = '2026-10-04'
const wall = (time: string): number =>
  DateTime.fromISO(`${DST_DAY}T${time}`, { zone: ZONE }).toMillis()

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
  // Drawn where the wall clock says: the 03:00 booking sits on the 03:00 row, opening on the 08:00 row.
  const rowTop = async (scheduleId: number, time: string): Promise<number> =>
    (await page
      .locator(
        `section[data-schedule-id="${scheduleId}"] td.fc-timegrid-slot-lane[data-time="${time}"]`,
      )
      .boundingBox())!.y
  const busyTop = (await page.locator('section[data-schedule-id="11"] .fd-busy').boundingBox())!.y
  const dayFreeTop = (await page
    .locator('section[data-schedule-id="12"] .fd-free')
    .first()
    .boundingBox())!.y
  expect(Math.abs(busyTop - (await rowTop(11, '03:00:00')))).toBeLessThan(2)
  expect(Math.abs(dayFreeTop - (await rowTop(12, '08:00:00')))).toBeLessThan(2)
  // The board's one time axis starts at midnight for the night ward, and the board opens on its 01:00 opening.
  await expect(page.locator('.fd-time-axis-label').first()).toHaveText('00:00')
  await expect(
    page.locator('section[data-schedule-id="11"] td.fc-timegrid-slot-lane[data-time="01:00:00"]'),
  ).toBeInViewport()
  await expect(page.locator('.fd-board-legend')).toContainText('Australia/Sydney')
})
