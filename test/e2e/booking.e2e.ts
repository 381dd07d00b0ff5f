import type { Page } from '@playwright/test'
import { covers, overlaps } from '../../src/shared/intervals'
import { dayBounds } from '../../src/shared/time'
import { wcagViolations } from './helpers/axe'
import { clickSlot, drawnRanges, goToDay } from './helpers/board'
import { placeholderFits, textLines } from './helpers/overflow'
import { test, expect } from './helpers/desk'
import { firstFreeSlot } from './helpers/slots'

const ZONE = 'Australia/Sydney'
const SCHEDULE = 136 // Main Appointment Schedule, 15-minute slots (seed guide)

async function fillCustomer(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'New booking' })
  await dialog.getByLabel('First name').fill('Judith')
  await dialog.getByLabel('Last name').fill('Bourke')
  await dialog.getByLabel('Mobile').fill('0418 976 543')
  await dialog.getByLabel('Patient name').fill('Muffett')
  await dialog.getByLabel('Notes').fill('Limping since Tuesday')
}

test('book from the board, look the reference up, cancel it: the server agrees at every step', async ({
  desk,
}) => {
  const { client } = await desk.connectTo()
  const { date, slot } = await firstFreeSlot(client, SCHEDULE, ZONE, 15)
  await desk.open()
  const page = desk.page
  await page.getByLabel('Location').selectOption({ label: 'Main Clinic' })
  await goToDay(page, date)

  await clickSlot(page, SCHEDULE, slot.start, ZONE)
  await page.getByRole('button', { name: /Short Consult/ }).click()
  await fillCustomer(page)
  // At 1366 px the read-back keeps each value whole on one line, the long schedule name included.
  const summary = page.getByRole('dialog', { name: 'New booking' }).locator('.fd-summary dd')
  for (const value of await summary.all())
    expect(await textLines(value), (await value.textContent()) ?? '').toBe(1)
  await page.screenshot({ path: 'docs/screenshots/booking-form.png' })
  const formViolations = await wcagViolations(page)
  await page.getByRole('button', { name: 'Confirm booking' }).click()

  const reference = (await page.getByTestId('booking-reference').textContent())?.trim() ?? ''
  expect(reference).toMatch(/^\d+:[0-9a-f-]{36}$/)
  await expect(page.getByRole('dialog', { name: 'Booked' })).toContainText(
    'Main Appointment Schedule',
  )
  await expect(page.getByRole('dialog', { name: 'Booked' })).toContainText('Short Consult')
  await page.screenshot({ path: 'docs/screenshots/confirmation.png' })
  expect(formViolations).toEqual([])
  await expect(page.getByRole('region', { name: 'Today’s bookings from this desk' })).toContainText(
    'Booked Judith Bourke (Muffett)',
  )
  const afterBooking = await client.freeBusy(SCHEDULE, dayBounds(date, ZONE))
  expect(covers(afterBooking.busy, slot)).toBe(true)
  expect(afterBooking.free.some((range) => overlaps(range, slot))).toBe(false)
  await expect.poll(async () => covers(await drawnRanges(page, SCHEDULE, 'busy'), slot)).toBe(true)

  await desk.page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.getByRole('button', { name: 'Copy reference' }).click()
  await expect(page.getByRole('dialog', { name: 'Booked' })).toContainText('Copied.')
  const clipboard = await page.evaluate(() =>
    (
      globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
    ).navigator.clipboard.readText(),
  )
  expect(clipboard).toBe(reference)
  await page.getByRole('button', { name: 'Done' }).click()
  await page.getByLabel('Booking reference').fill(` ${reference} `)
  await page.getByRole('button', { name: 'Find', exact: true }).click()
  const details = page.getByTestId('lookup-details')
  await expect(details).toContainText('Main Appointment Schedule')
  await expect(details).toContainText('Short Consult')
  // The panel's narrow column: the times and the email each stay whole on a line; the box's hint is not cut short.
  const times = details.locator('dd', { hasText: '–' })
  expect(await textLines(times.locator('.fd-nowrap'))).toBe(1)
  await expect(times).toHaveText(/^\w{3} \d{1,2} \w{3} \d{4} \d\d:\d\d–\d\d:\d\d$/)
  for (const contact of await details.locator('.fd-contact').all())
    expect(await textLines(contact), (await contact.textContent()) ?? '').toBe(1)
  expect(await placeholderFits(page.getByLabel('Booking reference'))).toBe(true)
  await page.screenshot({ path: 'docs/screenshots/lookup.png' })
  expect(await wcagViolations(page)).toEqual([])

  await page.getByRole('button', { name: 'Cancel this booking…' }).click()
  await page.getByRole('button', { name: 'Yes, cancel it' }).click()

  // In the lookup panel (the screen reader's live region says it too, hidden from sight).
  await expect(
    page
      .getByRole('region', { name: 'Find a booking' })
      .getByText(`Booking ${reference} is cancelled`),
  ).toBeVisible()
  const afterCancel = await client.freeBusy(SCHEDULE, dayBounds(date, ZONE))
  expect(covers(afterCancel.free, slot)).toBe(true)
  await expect.poll(async () => covers(await drawnRanges(page, SCHEDULE, 'free'), slot)).toBe(true)
})

test('a time taken by someone else meanwhile gives a clear message and keeps the form', async ({
  desk,
}) => {
  const { client } = await desk.connectTo()
  const { date, slot } = await firstFreeSlot(client, SCHEDULE, ZONE, 15)
  await desk.open()
  const page = desk.page
  await page.getByLabel('Location').selectOption({ label: 'Main Clinic' })
  await goToDay(page, date)
  await clickSlot(page, SCHEDULE, slot.start, ZONE)
  await page.getByRole('button', { name: /Short Consult/ }).click()
  await fillCustomer(page)

  const other = await client.book({
    location: 98,
    schedule: SCHEDULE,
    appointmentType: 79,
    start: new Date(slot.start).toISOString(),
    end: new Date(slot.end).toISOString(),
    firstName: 'Someone',
    lastName: 'Else',
  })
  await page.getByRole('button', { name: 'Confirm booking' }).click()

  expect(other.status).toBe(201)
  const dialog = page.getByRole('dialog', { name: 'New booking' })
  await expect(dialog.locator('.fd-error')).toContainText(
    'someone may have booked it since the board loaded',
  )
  // Said through the page's assertive live region, present from page load (not a region inserted with its text).
  await expect(page.getByTestId('live-assertive')).toContainText(
    'Not booked. That time is no longer free on this schedule',
  )
  await expect(dialog.getByLabel('First name')).toHaveValue('Judith')
  await expect(dialog.getByLabel('Patient name')).toHaveValue('Muffett')
  await expect.poll(async () => covers(await drawnRanges(page, SCHEDULE, 'busy'), slot)).toBe(true)
})

test('a booking whose answer never came says so prominently and keeps the form', async ({
  desk,
}) => {
  const { sandbox, client } = await desk.connectTo()
  const { date, slot } = await firstFreeSlot(client, SCHEDULE, ZONE, 15)
  await desk.open()
  const page = desk.page
  await page.getByLabel('Location').selectOption({ label: 'Main Clinic' })
  await goToDay(page, date)
  await clickSlot(page, SCHEDULE, slot.start, ZONE)
  await page.getByRole('button', { name: /Short Consult/ }).click()
  await fillCustomer(page)
  sandbox.injectFault({ kind: 'hang', method: 'POST', path: '/bookings' })

  await page.getByRole('button', { name: 'Confirm booking' }).click()

  const dialog = page.getByRole('dialog', { name: 'New booking' })
  await expect(dialog.locator('.fd-unknown')).toContainText(
    'No usable answer came back from OpenVPMS',
    {
      timeout: 20_000,
    },
  )
  await expect(dialog.getByLabel('First name')).toHaveValue('Judith')
})
