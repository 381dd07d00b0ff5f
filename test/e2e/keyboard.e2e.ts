import { DateTime } from 'luxon'
import { addDays, formatTime } from '../../src/shared/time'
import { goToDay } from './helpers/board'
import { firstFreeSlot } from './helpers/slots'
import { test, expect } from './helpers/desk'

test('the desk works from the keyboard: help, days, today, lookup, Escape', async ({ desk }) => {
  await desk.open()
  const page = desk.page
  const dateBox = page.getByLabel('Date', { exact: true })
  const today = await dateBox.inputValue()

  await page.keyboard.press('?')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(help).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(help).toBeHidden()
  await page.keyboard.press(']')
  await expect(dateBox).toHaveValue(addDays(today, 1))
  await page.keyboard.press('ArrowRight')
  await expect(dateBox).toHaveValue(addDays(today, 2))
  await page.keyboard.press('[')
  await expect(dateBox).toHaveValue(addDays(today, 1))
  await page.keyboard.press('t')
  await expect(dateBox).toHaveValue(today)
  await page.keyboard.press('/')
  await expect(page.getByLabel('Booking reference')).toBeFocused()
})

test('next available: a suggestion opens the form on its day; the form survives a restart', async ({
  desk,
}) => {
  await desk.connectTo()
  await desk.open()
  const page = desk.page
  await page.getByLabel('Location').selectOption({ label: 'Main Clinic' })
  await expect(page.locator('section[data-schedule-id="136"]')).toBeVisible()

  await page.getByLabel('Type').selectOption({ label: 'Short Consult' })
  await page.getByRole('button', { name: 'Find times' }).click()
  const first = page.locator('.fd-suggestion').first()
  await expect(first).toBeVisible()
  const label = (await page.locator('.fd-result-day h3').first().textContent()) ?? ''
  await first.click()

  const form = page.getByRole('dialog', { name: 'New booking' })
  await expect(form).toBeVisible()
  await expect(form.locator('.fd-summary')).toContainText('Short Consult')
  const day = /^(\w{3} \d{1,2} \w{3} \d{4})/.exec(label.trim())?.[1] ?? ''
  await expect(form.locator('.fd-summary')).toContainText(day)
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue(
    DateTime.fromFormat(day, 'ccc d LLL yyyy').toISODate() ?? '',
  )
  await form.getByLabel('First name').fill('Judith')
  await form.getByLabel('Patient name').fill('Muffett')

  await page.reload()

  await expect(form).toBeVisible()
  await expect(form.getByLabel('First name')).toHaveValue('Judith')
  await expect(form.getByLabel('Patient name')).toHaveValue('Muffett')
  await expect(form.locator('.fd-summary')).toContainText(day)
})

test('N books the time last chosen on the board', async ({ desk }) => {
  await desk.open()
  const page = desk.page
  const today = await page.getByLabel('Date', { exact: true }).inputValue()
  await page.keyboard.press(']')
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue(addDays(today, 1))
  await page.locator('.fd-columns[aria-busy="false"]').waitFor()
  const free = page.locator('section[data-schedule-id] .fd-free').first()
  await free.scrollIntoViewIfNeeded()
  const box = (await free.boundingBox())!
  await page.mouse.click(box.x + box.width / 2, box.y + 4)
  const types = page.getByRole('dialog', { name: 'Choose the appointment type' })
  await expect(types).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(types).toBeHidden()

  await page.keyboard.press('n')

  await expect(types).toBeVisible()
})

test('a board time is chosen and booked without the mouse', async ({ desk }) => {
  const { client } = await desk.connectTo()
  const zone = 'Australia/Sydney'
  const { date, slot } = await firstFreeSlot(client, 136, zone, 15)
  await desk.open()
  const page = desk.page
  await page.getByLabel('Location').selectOption({ label: 'Main Clinic' })
  await goToDay(page, date)
  const column = page.getByRole('listbox', { name: 'Times of Main Appointment Schedule' })

  await column.focus()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowLeft')
  await page.locator('.fd-columns[aria-busy="false"]').waitFor()
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue(date)
  await expect(column).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(column.getByRole('option', { selected: true })).toHaveAccessibleName(
    `Main Appointment Schedule, ${formatTime(slot.start, zone)} to ${formatTime(slot.end, zone)}, free`,
  )
  await page.keyboard.press('Enter')
  const types = page.getByRole('dialog', { name: 'Choose the appointment type' })
  await expect(types).toBeVisible()
  await types.getByRole('button', { name: /Short Consult/ }).focus()
  await page.keyboard.press('Enter')

  const form = page.getByRole('dialog', { name: 'New booking' })
  await expect(form.locator('.fd-summary')).toContainText(
    `${formatTime(slot.start, zone)}–${formatTime(slot.end, zone)}`,
  )
})
