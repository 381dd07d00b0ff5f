// After a booking got no answer the form offers "Check again" and, after a second confirmation
// that names the risk, "Book anyway"; a second booking for the same customer and patient that day is shown first.
import type { Page } from '@playwright/test'
import { covers } from '../../src/shared/intervals'
import { clickSlot, drawnRanges, goToDay } from './helpers/board'
import { test, expect } from './helpers/desk'
import { firstFreeSlot } from './helpers/slots'

const ZONE = 'Australia/Sydney'
const SCHEDULE = 136

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

test('after a booking got no answer, Confirm gives way to Check again and a Book anyway that asks first', async ({
  desk,
}) => {
  const { sandbox, client } = await desk.connectTo()
  const { date, slot } = await firstFreeSlot(client, SCHEDULE, ZONE, 15)
  await desk.open()
  const page = desk.page
  await openForm(page, date, slot.start)
  sandbox.injectFault({ kind: 'reset', method: 'POST', path: '/bookings', afterHandling: true })
  const dialog = page.getByRole('dialog', { name: 'New booking' })

  await dialog.getByRole('button', { name: 'Confirm booking' }).click()
  await expect(dialog.locator('.fd-unknown')).toContainText('the time showed as taken')

  await expect(dialog.getByRole('button', { name: 'Confirm booking' })).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Check again' }).click()
  await expect(dialog.getByRole('status')).toContainText(
    'the time now shows as taken — most likely this desk’s booking went through',
  )
  await dialog.getByRole('button', { name: 'Book anyway…' }).click()
  const anyway = dialog.getByRole('group', { name: 'Book anyway' })
  await expect(anyway).toContainText('Judith Bourke will be booked twice')
  await page.screenshot({ path: 'docs/screenshots/booking-unconfirmed.png' })
  await anyway.getByRole('button', { name: 'Yes, book anyway' }).click()

  // The time is taken (by this desk's own booking): main says so, never "another booking".
  await expect(dialog.locator('.fd-error').first()).toContainText(
    'probably by this desk’s own booking for Judith Bourke',
  )
  await expect(dialog).not.toContainText(/another booking|someone/i)
})

test('a second booking for the same customer and patient that day shows the first, and books only when confirmed', async ({
  desk,
}) => {
  const { client } = await desk.connectTo()
  const { date, slot } = await firstFreeSlot(client, SCHEDULE, ZONE, 60)
  await desk.open()
  const page = desk.page
  await openForm(page, date, slot.start)
  await page.getByRole('button', { name: 'Confirm booking' }).click()
  const reference = (await page.getByTestId('booking-reference').textContent())?.trim() ?? ''
  await page.keyboard.press('Escape')

  await openForm(page, date, slot.start + 30 * 60_000)
  const dialog = page.getByRole('dialog', { name: 'New booking' })
  await dialog.getByRole('button', { name: 'Confirm booking' }).click()

  const warning = dialog.getByTestId('booking-duplicate')
  await expect(warning).toContainText('This desk already has a booking for Judith Bourke (Muffett)')
  await expect(warning).toContainText(`(reference ${reference})`)
  await warning.getByRole('button', { name: 'Yes, book this one as well' }).click()
  await expect(page.getByTestId('booking-reference')).not.toHaveText(reference)
})

test('the board marks the busy block where this desk’s unanswered booking would be, and the journal entry says so', async ({
  desk,
}) => {
  const { sandbox, client } = await desk.connectTo()
  const { date, slot } = await firstFreeSlot(client, SCHEDULE, ZONE, 15)
  await desk.open()
  const page = desk.page
  await openForm(page, date, slot.start)
  const withoutMarks = await page.locator('.fd-board-legend').textContent()
  sandbox.injectFault({ kind: 'reset', method: 'POST', path: '/bookings', afterHandling: true })
  const dialog = page.getByRole('dialog', { name: 'New booking' })
  await dialog.getByRole('button', { name: 'Confirm booking' }).click()
  await expect(dialog.locator('.fd-unknown')).toContainText('the time showed as taken')

  await page.keyboard.press('Escape')

  await expect(page.locator('.fd-resume')).toContainText(
    'The booking for Judith Bourke got no answer (probably booked, unconfirmed); its form is kept.',
  )
  const column = page.locator(`section[data-schedule-id="${SCHEDULE}"]`)
  const mark = column.locator('.fd-block.fd-unconfirmed')
  await expect(mark).toHaveCount(1)
  await expect(mark).toHaveAttribute('data-start', String(slot.start))
  await expect(mark).toHaveAttribute('data-end', String(slot.end))
  await expect(mark).toContainText('Probably this desk’s booking (unconfirmed)')
  await expect(mark).toHaveAttribute('title', /Judith Bourke$/)
  await expect(column.locator('.fd-block.fd-busy[data-start="' + slot.start + '"]')).toHaveCount(1)
  const journal = page.getByRole('region', { name: 'Today’s bookings from this desk' })
  const entry = journal.getByRole('listitem').filter({ hasText: 'Judith Bourke' })
  await expect(entry).toContainText('Outcome unknown')
  await expect(entry.getByTestId('journal-probable')).toHaveText(
    'Probably this desk’s booking (unconfirmed)',
  )
  const key = page.locator('.fd-board-legend')
  expect(withoutMarks).not.toContain('probably this desk')
  await expect(key).toContainText('probably this desk’s (unconfirmed)')
  await expect(key).toContainText('Australia/Sydney time')
  // The key stays one line at 1366 px with the mark in it: its first and last words on the same line.
  const [first, last] = await key.evaluate((element) => {
    const texts: Text[] = []
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
    while (walker.nextNode())
      if (walker.currentNode.textContent?.trim()) texts.push(walker.currentNode as Text)
    const glyph = (node: Text, at: number): number => {
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + 1)
      return range.getBoundingClientRect().bottom
    }
    const end = texts.at(-1)!
    const start = texts[0]!
    return [
      glyph(start, start.textContent!.search(/\S/)),
      glyph(end, end.textContent!.trimEnd().length - 1),
    ]
  })
  expect(Math.abs(last! - first!)).toBeLessThanOrEqual(2)
  const swatch = key.locator('.fd-legend-unconfirmed')
  expect(await swatch.evaluate((element) => getComputedStyle(element).borderStyle)).toBe(
    await mark.evaluate((element) => getComputedStyle(element).borderStyle),
  )
  expect(await swatch.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(
    await mark.evaluate((element) => getComputedStyle(element).backgroundColor),
  )
  await mark.scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'docs/screenshots/board-unconfirmed.png' })

  // Nothing marks a time this desk booked with an answer.
  await openForm(page, date, slot.end)
  await dialog.getByLabel('Patient name').fill('Rex')
  await page.getByRole('button', { name: 'Confirm booking' }).click()
  await expect(page.getByTestId('booking-reference')).toBeVisible()
  await page.keyboard.press('Escape')
  // The two quarters are drawn as one busy block; only the unanswered one's quarter is marked.
  const both = { start: slot.start, end: slot.end + 15 * 60_000 }
  await expect.poll(async () => covers(await drawnRanges(page, SCHEDULE, 'busy'), both)).toBe(true)
  await expect(mark).toHaveCount(1)
  await expect(mark).toHaveAttribute('data-end', String(slot.end))
})
