// The fortnight at a glance: above the board, the bookable time left on each of the next 14 days, read against the
// sandbox; a day booked out reads busier than a free one, a closed day reads closed, and Enter opens a day.
import type { Page } from '@playwright/test'
import { DateTime } from 'luxon'
import { totalLength } from '../../src/shared/intervals'
import { addDays, dayBounds, todayIn } from '../../src/shared/time'
import { spokenDuration } from '../../src/renderer/src/fortnight'
import { goToDay, openBigClinic } from './helpers/board'
import { test, expect } from './helpers/desk'
import type { SandboxClient } from './helpers/sandbox-client'

const SYDNEY = 'Australia/Sydney'
/** Main Clinic of the seed: its two schedules are shut on Sundays. */
const MAIN = { location: 98, schedules: [136, 211] } as const

const weekday = (date: string): number => DateTime.fromISO(date, { zone: 'UTC' }).weekday
const longDay = (date: string): string =>
  DateTime.fromISO(date, { zone: 'UTC' }).toFormat('cccc d LLLL')
const dayOption = (page: Page, date: string) =>
  page.getByRole('listbox', { name: /^Bookable time left/ }).locator(`[data-date="${date}"]`)

/** Books every free minute of a day on a schedule, as another channel would (one booking per free range). */
async function bookOut(client: SandboxClient, scheduleId: number, date: string): Promise<void> {
  const { free } = await client.freeBusy(scheduleId, dayBounds(date, SYDNEY))
  for (const range of free) {
    const { status, body } = await client.book({
      location: MAIN.location,
      schedule: scheduleId,
      appointmentType: scheduleId === 136 ? 66 : 87,
      start: new Date(range.start).toISOString(),
      end: new Date(range.end).toISOString(),
      title: null,
      firstName: 'Busy',
      lastName: 'Day',
      email: null,
      phone: null,
      mobile: '0400000000',
      patientName: null,
      notes: null,
    })
    expect(status, body).toBe(201)
  }
}

/** The free minutes the server reports on a future day, summed over Main Clinic's schedules (whole slots). */
async function serverFreeMinutes(client: SandboxClient, date: string): Promise<number> {
  const answers = await Promise.all(
    MAIN.schedules.map((id) => client.freeBusy(id, dayBounds(date, SYDNEY))),
  )
  return answers.reduce((sum, answer) => sum + totalLength(answer.free) / 60_000, 0)
}

test('the fortnight strip: a booked-out day reads busier than a free one, Sunday reads closed, Enter opens a day', async ({
  desk,
}) => {
  const { client } = await desk.connectTo()
  const today = todayIn(SYDNEY, Date.now())
  const days = Array.from({ length: 14 }, (_, index) => addDays(today, index))
  // Two weekdays at least two days ahead: one booked out through the API, the next left as the seed made it.
  const weekdays = days.slice(2).filter((date) => weekday(date) <= 5)
  const busy = weekdays[0]!
  const free = weekdays[1]!
  const sunday = days.find((date) => weekday(date) === 7)!
  for (const id of MAIN.schedules) await bookOut(client, id, busy)
  const freeMinutes = await serverFreeMinutes(client, free)

  await desk.open()
  const page = desk.page
  await page.getByLabel('Location').selectOption({ label: 'Main Clinic' })
  const strip = page.getByRole('listbox', { name: /^Bookable time left for the schedules shown/ })
  await expect(strip.getByRole('option')).toHaveCount(14)

  await expect(dayOption(page, busy)).toHaveAccessibleName(`${longDay(busy)}: nothing free`)
  await expect(dayOption(page, free)).toHaveAccessibleName(
    `${longDay(free)}: ${spokenDuration(freeMinutes)} free`,
  )
  await expect(dayOption(page, sunday)).toHaveAccessibleName(`${longDay(sunday)}: closed`)
  await expect(dayOption(page, sunday)).toContainText('closed')
  const fill = (date: string) =>
    dayOption(page, date)
      .locator('.fd-strip-bar')
      .evaluate((bar) => {
        const inner = bar.querySelector('.fd-strip-fill')
        return inner ? inner.getBoundingClientRect().width / bar.getBoundingClientRect().width : 0
      })
  expect(await fill(busy)).toBe(0)
  expect(await fill(free)).toBeGreaterThan(0.3)

  // The strip sits above the board and leaves it most of the screen at 1366×768.
  const stripBox = (await strip.boundingBox())!
  const boardBox = (await page.locator('.fd-columns').boundingBox())!
  expect(stripBox.height).toBeLessThanOrEqual(60)
  expect(stripBox.y + stripBox.height).toBeLessThanOrEqual(boardBox.y)
  expect(boardBox.height).toBeGreaterThan(380)

  // Keyboard: one Tab stop, arrows walk the days without moving the board, Enter opens the day.
  await dayOption(page, today).focus()
  const steps = days.indexOf(free)
  for (let step = 0; step < steps; step++) await page.keyboard.press('ArrowRight')
  await expect(dayOption(page, free)).toBeFocused()
  await expect(page.locator('.fd-board-date')).toHaveText(
    DateTime.fromISO(today).toFormat('ccc d LLL yyyy'),
  )
  await page.keyboard.press('Enter')
  await expect(page.locator('.fd-board-date')).toHaveText(
    DateTime.fromISO(free).toFormat('ccc d LLL yyyy'),
  )
  await expect(dayOption(page, free)).toHaveAttribute('aria-selected', 'true')
  await page.locator('.fd-columns[aria-busy="false"]').waitFor()
  await page.screenshot({ path: 'docs/screenshots/fortnight.png' })

  // A click opens a day too.
  await dayOption(page, busy).click()
  await expect(page.locator('.fd-board-date')).toHaveText(
    DateTime.fromISO(busy).toFormat('ccc d LLL yyyy'),
  )
})

test('with a clinician chosen the strip is theirs; a 40-schedule clinic keeps the board in view', async ({
  desk,
}) => {
  const page = await openBigClinic(desk, 'Harbour Animal Hospital')
  await expect(page.locator('.fd-column')).toHaveCount(40)
  const strip = page.getByRole('listbox', { name: /^Bookable time left for the schedules shown/ })
  await expect(strip.getByRole('option')).toHaveCount(14)
  await page.locator('.fd-columns[aria-busy="false"]').waitFor()
  const boardBox = (await page.locator('.fd-columns').boundingBox())!
  expect(boardBox.height).toBeGreaterThan(380)
  await page.screenshot({ path: 'docs/screenshots/fortnight-big-clinic.png' })

  await page.getByLabel('Book with').selectOption({ label: 'Dana Whitfield (only when available)' })
  await expect(
    page
      .getByRole('listbox', { name: /^Bookable time left for Dana Whitfield/ })
      .getByRole('option'),
  ).toHaveCount(14)
})

test('a day past the coming fortnight: the strip shows the later fortnight holding it, and the way back to today', async ({
  desk,
}) => {
  await desk.connectTo()
  await desk.open()
  const page = desk.page
  const today = todayIn(SYDNEY, Date.now())
  const later = addDays(today, 20)
  await expect(dayOption(page, today)).toHaveAttribute('aria-selected', 'true')

  await goToDay(page, later)

  const strip = page.getByRole('listbox', { name: /^Bookable time left/ })
  await expect(dayOption(page, later)).toHaveAttribute('aria-selected', 'true')
  await expect(strip.getByRole('option').first()).toHaveAttribute('data-date', addDays(today, 14))
  await expect(strip.getByRole('option')).toHaveCount(14)
  await expect(page.locator('#fortnight-heading')).toHaveText(
    `Bookable time left for the schedules shown, 14 days from ${DateTime.fromISO(addDays(today, 14)).toFormat('cccc d LLLL yyyy')}`,
  )
  const back = page.getByRole('button', { name: '‹ Today' })
  await expect(back).toBeInViewport({ ratio: 1 })
  await expect(page.getByRole('button', { name: 'Later days' })).toBeInViewport({ ratio: 1 })
  await page.screenshot({ path: 'docs/screenshots/fortnight-later.png' })

  await back.click()

  await expect(page.locator('.fd-board-date')).toHaveText(
    DateTime.fromISO(today).toFormat('ccc d LLL yyyy'),
  )
  await expect(dayOption(page, today)).toHaveAttribute('aria-selected', 'true')
  await expect(back).toHaveCount(0)
})
