// A caller with no time that suits goes on the waitlist; another caller cancels; the desk says so at its next refresh
// and books the waiting caller from the banner in one action.
import { DateTime } from 'luxon'
import type { Range } from '../../src/shared/domain'
import { clip } from '../../src/shared/intervals'
import { addDays, dayBounds, todayIn } from '../../src/shared/time'
import { goToDay } from './helpers/board'
import { test, expect } from './helpers/desk'
import type { SandboxClient } from './helpers/sandbox-client'

const ZONE = 'Australia/Sydney'
const SCHEDULE = 136 // Main Appointment Schedule, 15-minute slots, the only one at Main Clinic taking the types
const QUARTER = 15 * 60_000

const wire = (instant: number): string =>
  DateTime.fromMillis(instant, { zone: ZONE }).toISO({ suppressMilliseconds: false }) ?? ''

/** Books every free minute of a day's morning on the schedule; the first 15 minutes as a booking of their own. */
async function fillMorning(
  client: SandboxClient,
): Promise<{ date: string; first: Range; reference: string }> {
  for (let offset = 1; offset <= 14; offset++) {
    const date = addDays(todayIn(ZONE, Date.now()), offset)
    const bounds = dayBounds(date, ZONE)
    const noon = DateTime.fromISO(date, { zone: ZONE }).set({ hour: 12 }).toMillis()
    const { free } = await client.freeBusy(SCHEDULE, bounds)
    const morning = clip(free, { start: bounds.start, end: noon })
    const head = morning[0]
    if (!head || head.end - head.start < 2 * QUARTER) continue
    const first = { start: head.start, end: head.start + QUARTER }
    const pieces = [first, { start: first.end, end: head.end }, ...morning.slice(1)]
    const references: string[] = []
    for (const piece of pieces) {
      const answer = await client.book({
        location: 98,
        schedule: SCHEDULE,
        appointmentType: 66,
        start: wire(piece.start),
        end: wire(piece.end),
        firstName: 'Other',
        lastName: 'Caller',
      })
      expect(answer.status, answer.body).toBe(201)
      references.push(answer.body.trim())
    }
    return { date, first, reference: references[0] ?? '' }
  }
  throw new Error('no morning with free time in two weeks')
}

test('a cancellation fires a waitlist entry, and booking it from the banner marks the entry done', async ({
  desk,
}) => {
  const { client } = await desk.connectTo()
  const { date, first, reference } = await fillMorning(client)
  await desk.open()
  const page = desk.page
  await page.getByLabel('Location').selectOption({ label: 'Main Clinic' })
  await goToDay(page, date)

  // The caller wants a morning that day: next available offers none, so they go on the waitlist.
  const next = page.getByRole('region', { name: 'Next available' })
  await next.getByLabel('Type', { exact: true }).selectOption({ label: 'Standard Consult' })
  await next.getByLabel('From', { exact: true }).fill(date)
  await next.getByLabel('Part of day').selectOption('morning')
  await next.getByLabel('Search', { exact: true }).selectOption('7')
  await next.getByRole('button', { name: 'Find times' }).click()
  await next.getByRole('button', { name: /waitlist/i }).click()
  const editor = page.getByRole('dialog', { name: 'Add to waitlist' })
  await editor.getByLabel('First name').fill('Judith')
  await editor.getByLabel('Last name').fill('Bourke')
  await editor.getByLabel('Mobile').fill('0418 976 543')
  await editor.getByLabel('Patient').fill('Muffett')
  await editor.getByLabel('Until').fill(date)
  await editor.getByLabel('Note').fill('Can come at short notice')
  await expect(editor.getByLabel('Morning (before 12:00)')).toBeChecked()
  await expect(editor.getByLabel('Afternoon (12:00–17:00)')).not.toBeChecked()
  await page.screenshot({ path: 'docs/screenshots/waitlist-entry.png' })
  await editor.getByRole('button', { name: 'Add to waitlist' }).click()
  await expect(editor).toBeHidden()
  const panel = page.getByRole('region', { name: /Waitlist/ })
  await expect(panel).toContainText('Judith Bourke (Muffett)')
  await expect(panel).toContainText('Standard Consult · any clinician · Main Clinic')
  await expect(panel).toContainText('morning')
  const banner = page.locator('.fd-waitlist-banner')
  await expect(banner).toHaveCount(0)

  // Another caller cancels through the API; the board's next refresh (here: the window getting focus) tells the desk.
  expect(await client.cancel(reference)).toBe(204)
  await page.evaluate(() =>
    (globalThis as unknown as EventTarget).dispatchEvent(new Event('focus')),
  )
  const time = DateTime.fromMillis(first.start, { zone: ZONE }).toFormat('HH:mm')
  await expect(banner).toContainText('A time opened for Judith Bourke (Muffett)')
  await expect(banner).toContainText('Standard Consult with any clinician at Main Clinic')
  await expect(banner).toContainText(time)
  await panel.scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'docs/screenshots/waitlist.png' })

  await banner.getByRole('button', { name: 'Book this time' }).click()
  const form = page.getByRole('dialog', { name: 'New booking' })
  await expect(form.getByLabel('First name')).toHaveValue('Judith')
  await expect(form.getByLabel('Last name')).toHaveValue('Bourke')
  await expect(form.getByLabel('Patient name')).toHaveValue('Muffett')
  await expect(form).toContainText(time)
  await form.getByRole('button', { name: 'Confirm booking' }).click()
  await expect(page.getByTestId('booking-reference')).toBeVisible()
  await page.getByRole('button', { name: 'Done' }).click()

  await expect(banner).toHaveCount(0)
  await expect(panel.locator('li.fd-done')).toContainText('Booked')
  await expect(panel.locator('li.fd-done')).toContainText('Judith Bourke (Muffett)')
  const { busy } = await client.freeBusy(SCHEDULE, dayBounds(date, ZONE))
  expect(busy.some((range) => range.start <= first.start && range.end >= first.end)).toBe(true)
})
