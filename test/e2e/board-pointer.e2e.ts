// The board under the mouse: a click or a drag over free rows chooses the time the booking starts from, drawn
// selected; a drag that reaches booked time chooses nothing.
import { dayBounds, formatTime } from '../../src/shared/time'
import { dragSlots, goToDay } from './helpers/board'
import { test, expect } from './helpers/desk'
import { firstFreeSlot } from './helpers/slots'

const ZONE = 'Australia/Sydney'
const SCHEDULE = 136 // Main Appointment Schedule, 15-minute slots (seed guide)
const QUARTER = 15 * 60_000

test('a drag over free rows, down or up, starts the booking at its first row; one onto booked time offers nothing', async ({
  desk,
}) => {
  const { client } = await desk.connectTo()
  const { date, slot } = await firstFreeSlot(client, SCHEDULE, ZONE, 45)
  const { free, busy } = await client.freeBusy(SCHEDULE, dayBounds(date, ZONE))
  // A free row just before a booking: dragging from it onto the booking must choose nothing.
  const edge = free.find((range) =>
    busy.some((taken) => taken.start === range.end && taken.end > taken.start),
  )
  expect(edge, 'a free range that ends where a booking starts').toBeDefined()
  await desk.open()
  const page = desk.page
  await page.getByLabel('Location').selectOption({ label: 'Main Clinic' })
  await goToDay(page, date)
  const column = page.locator(`section[data-schedule-id="${SCHEDULE}"]`)
  const types = page.getByRole('dialog', { name: 'Choose the appointment type' })

  await dragSlots(page, SCHEDULE, slot.start, slot.start + 2 * QUARTER, ZONE)

  await expect(types).toContainText(`from ${formatTime(slot.start, ZONE)}`)
  // The three rows dragged over are drawn selected.
  const drawn = await column.locator('.fd-highlight').boundingBox()
  expect(Math.round(drawn!.height)).toBe(3 * 24)
  await types.getByRole('button', { name: 'Close' }).click()
  await expect(types).toBeHidden()
  await expect(column.locator('.fd-highlight')).toHaveCount(0)
  // The mouse never put the focus on the column: closing the dialog does not frame the whole column.
  await expect(column.locator('.fd-column-keys')).not.toBeFocused()

  await dragSlots(page, SCHEDULE, slot.start + 2 * QUARTER, slot.start + QUARTER, ZONE)

  await expect(types).toContainText(`from ${formatTime(slot.start + QUARTER, ZONE)}`)
  await types.getByRole('button', { name: 'Close' }).click()

  await dragSlots(page, SCHEDULE, edge!.end - QUARTER, edge!.end, ZONE)

  await expect(column.locator('.fd-highlight')).toHaveCount(0)
  await expect(types).toBeHidden()
})
