// Every screen a receptionist meets, reached as they reach it (board, chooser, booking form, confirmation, an
// unknown outcome, lookup, cancel, next available, waitlist, journal, shortcuts, connection, offline), with a check
// run on each: the accessibility and reflow suites walk the same screens at their own window sizes.
import type { Page } from '@playwright/test'
import { clickSlot, goToDay } from './board'
import { expect, type Desk } from './desk'
import { firstFreeSlot } from './slots'

const ZONE = 'Australia/Sydney'
const SCHEDULE = 136 // Main Appointment Schedule, 15-minute slots (seed guide)

/** The screens a walk shows, in its order. */
export const EVERY_SCREEN = [
  'board',
  'board-chooser',
  'booking-form',
  'booking-confirmation',
  'lookup',
  'cancel-confirmation',
  'booking-outcome',
  'next-available',
  'waitlist-dialog',
  'waitlist-panel',
  'journal',
  'shortcuts',
  'connect',
  'offline',
]

/** What a walk calls on each screen, with the screen's name (also the name of its screenshot). */
export type ScreenCheck = (screen: string) => Promise<void>

async function fillCustomer(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'New booking' })
  await dialog.getByLabel('First name').fill('Judith')
  await dialog.getByLabel('Last name').fill('Bourke')
  await dialog.getByLabel('Mobile').fill('0418 976 543')
  await dialog.getByLabel('Patient name').fill('Muffett')
}

/** Walks every screen on a fresh sandbox, calling `check` once each screen is fully shown. */
export async function walkEveryScreen(desk: Desk, check: ScreenCheck): Promise<void> {
  const { sandbox, client } = await desk.connectTo()
  const { date, slot } = await firstFreeSlot(client, SCHEDULE, ZONE, 15)
  await desk.open()
  const page = desk.page
  await page.getByLabel('Location').selectOption({ label: 'Main Clinic' })
  await goToDay(page, date)
  await check('board')

  await page.getByRole('button', { name: /^Schedules shown/ }).click()
  const chooser = page.getByRole('group', { name: 'Schedules shown' })
  await expect(chooser).toBeVisible()
  await check('board-chooser')
  await chooser.getByRole('button', { name: 'Done' }).click()

  await clickSlot(page, SCHEDULE, slot.start, ZONE)
  await page.getByRole('button', { name: /Short Consult/ }).click()
  await fillCustomer(page)
  await check('booking-form')
  await page.getByRole('button', { name: 'Confirm booking' }).click()
  const reference = (await page.getByTestId('booking-reference').textContent())?.trim() ?? ''
  await expect(page.getByRole('dialog', { name: 'Booked' })).toContainText('Short Consult')
  await check('booking-confirmation')
  await page.getByRole('button', { name: 'Done' }).click()

  await page.getByLabel('Booking reference').fill(reference)
  await page.getByRole('button', { name: 'Find', exact: true }).click()
  await expect(page.getByTestId('lookup-details')).toContainText('Short Consult')
  await check('lookup')
  await page.getByRole('button', { name: 'Cancel this booking…' }).click()
  await expect(page.getByRole('button', { name: 'Yes, cancel it' })).toBeVisible()
  await check('cancel-confirmation')
  await page.getByRole('button', { name: 'Yes, cancel it' }).click()
  await expect(
    page
      .getByRole('region', { name: 'Find a booking' })
      .getByText(`Booking ${reference} is cancelled`),
  ).toBeVisible()

  // The same time again, and the server saves it but answers 503: the outcome is unknown, never "failed".
  await goToDay(page, date)
  await clickSlot(page, SCHEDULE, slot.start, ZONE)
  await page.getByRole('button', { name: /Short Consult/ }).click()
  await fillCustomer(page)
  sandbox.injectFault({
    kind: 'status',
    status: 503,
    method: 'POST',
    path: '/bookings',
    afterHandling: true,
  })
  await page.getByRole('button', { name: 'Confirm booking' }).click()
  const form = page.getByRole('dialog', { name: 'New booking' })
  await expect(form.locator('.fd-unknown')).toContainText('the time showed as taken')
  await check('booking-outcome')
  await form.getByRole('button', { name: 'Discard' }).click()
  await expect(form).toBeHidden()

  const next = page.getByRole('region', { name: 'Next available' })
  await next.getByLabel('Type', { exact: true }).selectOption({ label: 'Standard Consult' })
  await next.getByRole('button', { name: 'Find times' }).click()
  await expect(next.getByRole('button', { name: /\d\d:\d\d/ }).first()).toBeVisible()
  await check('next-available')

  await next.getByRole('button', { name: /waitlist/i }).click()
  const editor = page.getByRole('dialog', { name: 'Add to waitlist' })
  await editor.getByLabel('First name').fill('Judith')
  await editor.getByLabel('Last name').fill('Bourke')
  await editor.getByLabel('Mobile').fill('0418 976 543')
  await editor.getByLabel('Patient').fill('Muffett')
  await editor.getByLabel('Note').fill('Can come at short notice')
  await check('waitlist-dialog')
  await editor.getByRole('button', { name: 'Add to waitlist' }).click()
  await expect(editor).toBeHidden()
  const waitlist = page.getByRole('region', { name: /Waitlist/ })
  await expect(waitlist).toContainText('Judith Bourke (Muffett)')
  await waitlist.scrollIntoViewIfNeeded()
  await check('waitlist-panel')

  const journal = page.getByRole('region', { name: 'Today’s bookings from this desk' })
  await expect(journal).toContainText('Judith Bourke (Muffett)')
  await journal.scrollIntoViewIfNeeded()
  await check('journal')

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click()
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(help).toBeVisible()
  await check('shortcuts')
  await page.keyboard.press('Escape')
  await expect(help).toBeHidden()

  await page.getByRole('button', { name: 'Connection…' }).click()
  const connect = page.getByRole('dialog', { name: /Connect/ })
  await expect(connect).toBeVisible()
  await check('connect')
  await page.keyboard.press('Escape')
  await expect(connect).toBeHidden()

  // The server goes away; the board's next refresh keeps the day, read-only, and says so.
  await sandbox.close()
  await page.evaluate(() =>
    (globalThis as unknown as EventTarget).dispatchEvent(new Event('focus')),
  )
  await expect(page.getByRole('status').filter({ hasText: 'server unreachable' })).toBeVisible({
    timeout: 20_000,
  })
  await check('offline')
}
