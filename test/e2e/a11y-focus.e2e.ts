// A blind or keyboard-only receptionist's walk through every dialog: after each step the focus is on the next useful
// control (never <body>), and each outcome is said through the live regions present from page load.
import { DateTime } from 'luxon'
import { formatTime } from '../../src/shared/time'
import { goToDay } from './helpers/board'
import { test, expect } from './helpers/desk'
import { firstFreeSlot } from './helpers/slots'

const ZONE = 'Australia/Sydney'
const SCHEDULE = 136 // Main Appointment Schedule, 15-minute slots

test('the focus walk: book, fail validation, confirm, copy, look up, cancel, find times, discard', async ({
  desk,
}) => {
  const { client } = await desk.connectTo()
  const { date, slot } = await firstFreeSlot(client, SCHEDULE, ZONE, 15)
  await desk.open()
  const page = desk.page
  const polite = page.getByTestId('live-polite')
  const assertive = page.getByTestId('live-assertive')
  await expect(polite).toBeAttached()
  await expect(assertive).toBeAttached()
  await page.getByLabel('Location').selectOption({ label: 'Main Clinic' })
  await goToDay(page, date)
  const day = DateTime.fromISO(date).toFormat('cccc d LLLL')
  await expect(polite).toContainText(new RegExp(`^${day}, Main Clinic, \\d+ free times?`))

  // The board: a schedule, its first free time, Enter.
  const column = page.getByRole('listbox', { name: 'Times of Main Appointment Schedule' })
  await column.focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  const types = page.getByRole('dialog', { name: 'Choose the appointment type' })
  await expect(types).toBeVisible()
  // The first type that fits has the focus.
  await expect(types.locator('.fd-type:focus')).toHaveCount(1)

  // Type chosen: the first empty customer field.
  await types.getByRole('button', { name: /Short Consult/ }).focus()
  await page.keyboard.press('Enter')
  const form = page.getByRole('dialog', { name: 'New booking' })
  await expect(form).toBeVisible()
  await expect(form.getByLabel('First name')).toBeFocused()

  // Validation failed: the first bad field, and the failure said at once.
  await page.keyboard.type('Judith')
  await form.getByLabel('Mobile').fill('0418 976 543')
  await page.keyboard.press('Enter')
  await expect(form.getByLabel('Last name')).toBeFocused()
  await expect(assertive).toHaveText(/Not sent: 1 field needs correcting\. Last name is required\./)

  await page.keyboard.type('Bourke')
  await page.keyboard.press('Enter')
  // Confirmed: Copy reference, and the reference read out in groups.
  const booked = page.getByRole('dialog', { name: 'Booked' })
  await expect(booked).toBeVisible()
  await expect(booked.getByRole('button', { name: 'Copy reference' })).toBeFocused()
  const reference = (await page.getByTestId('booking-reference').textContent())?.trim() ?? ''
  const spoken = (await page.getByTestId('booking-reference-spoken').textContent())?.trim() ?? ''
  await expect(polite).toContainText(
    `Booked: Short Consult, ${day} at ${formatTime(slot.start, ZONE)}, Main Appointment Schedule, for Judith Bourke. Reference ${spoken}.`,
  )
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.keyboard.press('Enter')
  await expect(booked).toContainText('Copied.')
  await booked.getByRole('button', { name: 'Done' }).click()
  await expect(booked).toBeHidden()
  // Back where the booking started: the schedule on the board.
  await expect(column).toBeFocused()

  // Look it up, cancel it.
  const box = page.getByLabel('Booking reference')
  await box.fill(reference)
  await box.press('Enter')
  await expect(polite).toHaveText(
    new RegExp(
      `^Found: .* ${formatTime(slot.start, ZONE)}–.*, Main Appointment Schedule, Short Consult, .*Judith Bourke\\.`,
    ),
  )
  await page.getByRole('button', { name: 'Cancel this booking…' }).click()
  await expect(page.getByRole('button', { name: 'Keep it' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Cancel this booking…' })).toBeFocused()
  await page.keyboard.press('Enter')
  await page.getByRole('button', { name: 'Yes, cancel it' }).click()
  await expect(polite).toHaveText(`Booking ${reference} is cancelled; the time is free again.`)
  await expect(box).toBeFocused()

  // Find times: the best time has the focus, and what was found is said.
  await page.getByLabel('Type').selectOption({ label: 'Short Consult' })
  await page.getByRole('button', { name: 'Find times' }).click()
  await expect(page.locator('.fd-suggestion').first()).toBeFocused()
  await expect(polite).toHaveText(/^\d+ free times? found on \d+ days?\. First: /)

  // A suggestion opens the form; Discard goes back to the board, never to <body>.
  await page.keyboard.press('Enter')
  await expect(form).toBeVisible()
  await expect(form.getByLabel('First name')).toBeFocused()
  await form.getByRole('button', { name: 'Discard' }).click()
  await expect(form).toBeHidden()
  // Back on the time that opened the form, ready for another.
  await expect(page.locator('.fd-suggestion').first()).toBeFocused()
})
