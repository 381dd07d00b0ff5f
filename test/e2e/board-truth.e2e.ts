// What the board says must be true: closed days say "Closed", past time is drawn as past, "Book with"
// shows that clinician's time, and the keyboard reaches the board and "Book with" in one key.
import { DateTime } from 'luxon'
import { openBigClinic } from './helpers/board'
import { test, expect } from './helpers/desk'

const DAY = '2027-03-10'

test('@wide a schedule closed that day says "Closed"; booking with a clinician draws their time', async ({
  desk,
}) => {
  const page = await openBigClinic(desk, 'Northside Branch', DAY)

  const dental = page.getByRole('region', { name: /^Dental/ })
  await expect(dental.getByText('Closed', { exact: true })).toBeVisible()
  await expect(
    page.getByRole('region', { name: /^Surgery/ }).getByText('Closed', { exact: true }),
  ).toHaveCount(0)
  if (test.info().project.name === '1366x768')
    await page.screenshot({ path: 'docs/screenshots/closed-day.png' })

  await expect(page.locator('.fd-block.fd-clinician')).toHaveCount(0)
  await page.getByLabel('Book with').selectOption({ label: 'Dana Whitfield (only when available)' })
  await expect(page.locator('.fd-block.fd-clinician').first()).toBeVisible()
  await expect(page.getByRole('button', { name: 'Dana Whitfield', exact: true })).toHaveAttribute(
    'aria-pressed',
    'false',
  )
})

test('today’s gone time is drawn as past; S reaches the board and B "Book with" in one key', async ({
  desk,
}) => {
  // Early afternoon at the clinic today, whatever the hour this runs.
  const afternoon = DateTime.now()
    .setZone('Australia/Sydney')
    .set({ hour: 14, minute: 10, second: 0, millisecond: 0 })
  await desk.page.clock.setFixedTime(afternoon.toJSDate())
  await desk.open()
  const page = desk.page
  const columns = await page.locator('section.fd-column').count()

  await expect(page.locator('.fd-block.fd-past')).toHaveCount(columns)
  const end = Number(await page.locator('.fd-block.fd-past').first().getAttribute('data-end'))
  expect(end).toBe(afternoon.toMillis())

  await page.keyboard.press('s')
  await expect(page.locator('.fd-column-keys').first()).toBeFocused()
  await page.keyboard.press('Escape')
  await page.locator('body').click({ position: { x: 5, y: 760 } })
  await page.keyboard.press('b')
  await expect(page.getByLabel('Book with')).toBeFocused()
  await page.keyboard.press('Tab')
  await page.keyboard.press('?')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Book with')
})
