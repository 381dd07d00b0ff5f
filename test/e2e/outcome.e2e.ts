// A booking without a usable answer is never reported as failed, and the desk looks again itself.
import type { Page } from '@playwright/test'
import { covers } from '../../src/shared/intervals'
import { dayBounds } from '../../src/shared/time'
import { clickSlot, goToDay } from './helpers/board'
import { test, expect } from './helpers/desk'
import { firstFreeSlot } from './helpers/slots'

const ZONE = 'Australia/Sydney'
const SCHEDULE = 136
const CLOCK = /\b\d{2}:\d{2}:\d{2}\b/

async function openForm(page: Page, date: string, start: number): Promise<void> {
  await page.getByLabel('Location').selectOption({ label: 'Main Clinic' })
  await goToDay(page, date)
  await clickSlot(page, SCHEDULE, start, ZONE)
  await page.getByRole('button', { name: /Short Consult/ }).click()
  const dialog = page.getByRole('dialog', { name: 'New booking' })
  await dialog.getByLabel('First name').fill('Judith')
  await dialog.getByLabel('Last name').fill('Bourke')
  await dialog.getByLabel('Mobile').fill('0418 976 543')
  await dialog.getByLabel('Patient name').fill('Muffett')
}

test('a 503 after the server saved the booking is an unknown outcome, with the time seen taken, never "failed"', async ({
  desk,
}) => {
  const { sandbox, client } = await desk.connectTo()
  const { date, slot } = await firstFreeSlot(client, SCHEDULE, ZONE, 15)
  await desk.open()
  const page = desk.page
  await openForm(page, date, slot.start)
  sandbox.injectFault({
    kind: 'status',
    status: 503,
    method: 'POST',
    path: '/bookings',
    afterHandling: true,
  })

  await page.getByRole('button', { name: 'Confirm booking' }).click()

  const unknown = page.getByRole('dialog', { name: 'New booking' }).locator('.fd-unknown')
  await expect(unknown).toContainText('the time showed as taken')
  await expect(unknown).toContainText(CLOCK)
  await expect(unknown).not.toContainText(/try again|server had a problem/i)
  const journal = page.getByRole('region', { name: 'Today’s bookings from this desk' })
  await expect(journal).toContainText('Outcome unknown')
  await expect(journal).not.toContainText('Failed')
  expect(covers((await client.freeBusy(SCHEDULE, dayBounds(date, ZONE))).busy, slot)).toBe(true)
})

test.describe('a server that saves after the desk stopped waiting', () => {
  // Long enough for the board's own loads on a busy machine; the server saves 1.5 s after the desk gave up.
  test.use({ clientTimeoutMs: 2_500 })

  test('says when it saw the time free, then looks again by itself and the journal says it is taken', async ({
    desk,
  }) => {
    const { sandbox, client } = await desk.connectTo()
    const { date, slot } = await firstFreeSlot(client, SCHEDULE, ZONE, 15)
    await desk.open()
    const page = desk.page
    await openForm(page, date, slot.start)
    sandbox.injectFault({ kind: 'hang', method: 'POST', path: '/bookings', handleAfterMs: 4_000 })

    await page.getByRole('button', { name: 'Confirm booking' }).click()

    const unknown = page.getByRole('dialog', { name: 'New booking' }).locator('.fd-unknown')
    await expect(unknown).toContainText('the time still showed as free')
    await expect(unknown).toContainText(CLOCK)
    await expect(unknown).not.toContainText(/did not go through|try again/i)
    const journal = page.getByRole('region', { name: 'Today’s bookings from this desk' })
    await expect(journal).toContainText('Outcome unknown')
    await expect(journal).toContainText('the time showed as taken', { timeout: 20_000 })
  })
})
