// The board in the accessibility tree: each schedule a listbox of named slot rows, the drawing hidden
// where the rows repeat it, axe clean with the WCAG 2.1 A/AA rules, and a 40-schedule board still light.
import { resolve } from 'node:path'
import { goToDay } from './helpers/board'
import { wcagViolations } from './helpers/axe'
import { test, expect } from './helpers/desk'
import { firstFreeSlot } from './helpers/slots'
import { formatTime } from '../../src/shared/time'

const ZONE = 'Australia/Sydney'

test('each schedule is a listbox of its day’s slots, named with time and state; axe finds nothing', async ({
  desk,
}) => {
  const { client } = await desk.connectTo()
  const { date, slot } = await firstFreeSlot(client, 136, ZONE, 15)
  await desk.open()
  const page = desk.page
  await page.getByLabel('Location').selectOption({ label: 'Main Clinic' })
  await goToDay(page, date)
  const column = page.getByRole('listbox', { name: /^Times of Main Appointment Schedule, / })

  await column.focus()
  await page.keyboard.press('ArrowDown')

  const time = `${formatTime(slot.start, ZONE)} to ${formatTime(slot.end, ZONE)}`
  await expect(column.getByRole('option', { selected: true })).toHaveAccessibleName(
    `Main Appointment Schedule, ${time}, free`,
  )
  const names = await column
    .getByRole('option')
    .evaluateAll((options) => options.map((option) => option.textContent?.trim() ?? ''))
  expect(names.length).toBeGreaterThan(20)
  expect(
    names.every((name) => /^Main Appointment Schedule, \d\d:\d\d to \d\d:\d\d, /.test(name)),
  ).toBe(true)
  expect(names.some((name) => name.endsWith(', closed'))).toBe(true)
  // The drawing (its words "Booked", the clinicians' initials) is out of the tree: the options say it all.
  await expect(page.locator('.fd-columns').getByRole('grid')).toHaveCount(0)
  expect(
    await page
      .locator('.fd-column-body')
      .evaluateAll((bodies) => bodies.every((body) => body.getAttribute('aria-hidden') === 'true')),
  ).toBe(true)
  expect(await wcagViolations(page)).toEqual([])
})

test('a 40-schedule board builds the rows of the focused schedule only', async ({ desk }) => {
  await desk.connectTo({ dataFile: resolve(__dirname, 'fixtures/big-clinic.json') })
  await desk.open()
  const page = desk.page
  const columns = await page.locator('section.fd-column').count()
  expect(columns).toBeGreaterThan(12)
  const options = page.locator('.fd-columns').getByRole('option')
  await expect(options).toHaveCount(columns)

  await page.locator('.fd-column-keys').first().focus()

  const first = page.locator('section.fd-column').first().getByRole('option')
  expect(await first.count()).toBeGreaterThan(10)
  await expect(options).toHaveCount(columns - 1 + (await first.count()))
})
