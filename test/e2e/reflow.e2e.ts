// WCAG 1.4.10 Reflow at 320 CSS px: a 1280×1024 window at 400 % zoom is 320×256 CSS px, tested as that viewport
// (Chromium lays a zoomed page out exactly as a window of that many CSS pixels). The board shows one schedule at a
// time with a switcher; nothing but the board's grid scrolls sideways, on any screen.
import { covers } from '../../src/shared/intervals'
import { dayBounds } from '../../src/shared/time'
import { wcagViolations } from './helpers/axe'
import { clickSlot, goToDay } from './helpers/board'
import { clippedText, pageOverflow, sidewaysScrollers } from './helpers/overflow'
import { test, expect } from './helpers/desk'
import { EVERY_SCREEN, walkEveryScreen } from './helpers/screens'
import { firstFreeSlot } from './helpers/slots'

const ZONE = 'Australia/Sydney'
const SCHEDULE = 136 // Main Appointment Schedule; Main Clinic's other is 211 Main Surgery Schedule (seed guide)

test.use({ viewport: { width: 320, height: 256 } })

test('one schedule at a time, switched by name, and a booking made from it', async ({ desk }) => {
  const { client } = await desk.connectTo()
  const { date, slot } = await firstFreeSlot(client, SCHEDULE, ZONE, 15)
  await desk.open()
  const page = desk.page
  await page.getByLabel('Location').selectOption({ label: 'Main Clinic' })
  await goToDay(page, date)
  const column = page.locator('section.fd-column')
  await expect(column).toHaveCount(1)
  await expect(column).toBeVisible()
  expect((await column.boundingBox())?.width ?? 0).toBeGreaterThan(200)
  await expect(column.getByRole('heading', { level: 2 })).toContainText('Main Appointment Schedule')
  await expect(
    page.getByRole('listbox', { name: /^Times of Main Appointment Schedule, / }),
  ).toHaveCount(1)
  expect(await pageOverflow(page)).toEqual({ overflow: 0, outside: [] })

  const next = page.getByRole('button', { name: 'Next schedule: Main Surgery Schedule' })
  await next.focus()
  await page.keyboard.press('Enter')

  await expect(column.getByRole('heading', { level: 2 })).toContainText('Main Surgery Schedule')
  await expect(
    page.getByRole('listbox', { name: /^Times of Main Surgery Schedule, / }),
  ).toHaveCount(1)
  await expect(
    page.getByRole('listbox', { name: /^Times of Main Appointment Schedule/ }),
  ).toHaveCount(0)
  await expect(page.getByTestId('live-polite')).toContainText(/^Main Surgery Schedule, 2 of 2, /)
  await expect(
    page.getByRole('button', { name: 'Next schedule: Main Appointment Schedule' }),
  ).toBeFocused()
  expect((await column.boundingBox())?.width ?? 0).toBeGreaterThan(200)

  await page.locator('.fd-switcher').evaluate((element) => element.scrollIntoView())
  await page.screenshot({ path: 'docs/screenshots/reflow-320-switched.png' })
  await page.getByLabel(/^Schedule shown/).selectOption({ label: 'Main Appointment Schedule' })
  await expect(column.getByRole('heading', { level: 2 })).toContainText('Main Appointment Schedule')

  await clickSlot(page, SCHEDULE, slot.start, ZONE)
  await page.getByRole('button', { name: /Short Consult/ }).click()
  const form = page.getByRole('dialog', { name: 'New booking' })
  await form.getByLabel('First name').fill('Judith')
  await form.getByLabel('Last name').fill('Bourke')
  await form.getByLabel('Mobile').fill('0418 976 543')
  await form.getByLabel('Patient name').fill('Muffett')
  await form.getByRole('button', { name: 'Confirm booking' }).click()

  const reference = (await page.getByTestId('booking-reference').textContent())?.trim() ?? ''
  expect(reference).toMatch(/^\d+:[0-9a-f-]{36}$/)
  expect(covers((await client.freeBusy(SCHEDULE, dayBounds(date, ZONE))).busy, slot)).toBe(true)
})

test('every screen reflows at 320 CSS px: no sideways scrolling but the board’s, no text cut off, axe finds nothing', async ({
  desk,
}) => {
  // Fourteen screens, each with a whole-page axe run: longer than one test's usual minute on a loaded machine.
  test.setTimeout(240_000)
  const page = desk.page
  const problems: string[] = []
  const checked: string[] = []

  await walkEveryScreen(desk, async (screen) => {
    checked.push(screen)
    // A dialog is fixed in the window: it is seen from its top, the rest of the page in full.
    const dialog = await page.locator('dialog[open]').count()
    if (dialog > 0) await page.locator('dialog[open]').evaluate((element) => element.scrollTo(0, 0))
    await page.screenshot({
      path: `docs/screenshots/reflow-320-${screen}.png`,
      fullPage: dialog === 0,
    })
    if (process.env.REFLOW_LOOK && dialog > 0)
      for (let step = 1; step < 12; step++) {
        const moved = await page.locator('dialog[open]').evaluate((element, to) => {
          const before = element.scrollTop
          element.scrollTop = to
          return element.scrollTop !== before
        }, step * 180)
        if (!moved) break
        await page.screenshot({ path: `/tmp/reflow-look/${screen}-${step}.png` })
      }
    const { overflow, outside } = await pageOverflow(page)
    if (overflow > 1)
      problems.push(
        `${screen}: the page is ${overflow} px wider than the window (${outside.join(', ')})`,
      )
    for (const scroller of await sidewaysScrollers(page))
      problems.push(`${screen}: ${scroller} scrolls sideways`)
    for (const clipped of await clippedText(page, 'body'))
      problems.push(`${screen}: ${clipped} is cut off`)
    for (const violation of await wcagViolations(page)) problems.push(`${screen}: ${violation}`)
  })

  expect(checked).toEqual(EVERY_SCREEN)
  expect(problems).toEqual([])
})
