// Typing a date in the top bar loads that one date on Enter, not every date on the way to it.
import { test, expect } from './helpers/desk'

test('a date typed digit by digit loads once, on Enter; a five-digit year is refused in words', async ({
  desk,
}) => {
  const { sandbox } = await desk.connectTo()
  await desk.open()
  const page = desk.page
  const field = page.getByLabel('Date', { exact: true })
  // Wait until main's own background loads (the neighbouring days) are done, so only typing can ask for more.
  let settled = -1
  while (settled !== sandbox.requestCount) {
    settled = sandbox.requestCount
    await page.waitForTimeout(1_000)
  }
  const before = sandbox.requestCount

  await field.click({ position: { x: 6, y: 8 } })
  await page.keyboard.type('01052027', { delay: 40 })
  await page.waitForTimeout(500)
  const whileTyping = sandbox.requestCount - before
  await page.keyboard.press('Enter')

  expect(whileTyping).toBe(0)
  await expect(page.locator('main')).toContainText('Tue 5 Jan 2027')
  // The field writes 01/05/2027 here (the browser's US order); the words beside it say which day that is.
  await expect(page.locator('header.fd-topbar')).toContainText('Tuesday 5 January 2027')
  await expect(page.locator('#date-words')).toBeInViewport({ ratio: 1 })
  await page.screenshot({
    path: 'docs/screenshots/top-bar-day.png',
    clip: { x: 0, y: 0, width: 1366, height: 120 },
  })

  await field.click({ position: { x: 6, y: 8 } })
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.type('20271', { delay: 40 })
  await page.keyboard.press('Enter')

  await expect(page.locator('#date-error')).toContainText('Type a whole date from')
  await page.screenshot({ path: 'docs/screenshots/date-out-of-range.png' })
  await expect(page.locator('body')).not.toContainText('Invalid DateTime')
  await expect(page.locator('body')).not.toContainText('malformed')
  await expect(page.locator('main')).toContainText('Tue 5 Jan 2027')
})
