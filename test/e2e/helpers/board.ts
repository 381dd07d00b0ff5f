// Reading the board as drawn, and acting on it as a receptionist would.
import type { Page } from '@playwright/test'
import { DateTime, Duration } from 'luxon'
import { resolve } from 'node:path'
import type { Range } from '../../../src/shared/domain'
import type { Desk } from './desk'

/** The ranges one column draws as free, busy, or a clinician's availability (from the drawn elements). */
export async function drawnRanges(
  page: Page,
  scheduleId: number,
  kind: 'free' | 'busy' | 'clinician',
): Promise<Range[]> {
  const ranges = await page
    .locator(`section[data-schedule-id="${scheduleId}"] .fd-block.fd-${kind}`)
    .evaluateAll((elements) =>
      elements.map((element) => ({
        start: Number(element.getAttribute('data-start')),
        end: Number(element.getAttribute('data-end')),
      })),
    )
  return ranges.sort((a, b) => a.start - b.start)
}

/** Busy as the board draws it: spec §5.4's zero-length ranges have nothing to draw. */
export const drawable = (ranges: readonly Range[]): Range[] =>
  ranges.filter((range) => range.end > range.start)

/** Shows a day through the date box, once the desk knows today (the box's range; before it a date is not taken). */
export async function goToDay(page: Page, date: string): Promise<void> {
  const box = page.getByLabel('Date', { exact: true })
  await page.locator('input[type="date"][min]').waitFor()
  await box.fill(date)
  await page
    .locator('.fd-board-date')
    .filter({ hasText: DateTime.fromISO(date).toFormat('d LLL yyyy') })
    .waitFor()
  await page.locator('.fd-columns[aria-busy="false"]').waitFor()
}

/**
 * The 40-schedule fixture clinic (fixtures/big-clinic.json: long names, a 24-hour schedule, a closed one) open on a
 * location and, when given, a day, with the focus out of the date field (where keys are typing).
 */
export async function openBigClinic(desk: Desk, location: string, date?: string): Promise<Page> {
  await desk.connectTo({ dataFile: resolve(__dirname, '../fixtures/big-clinic.json') })
  await desk.open()
  const page = desk.page
  await page.getByLabel('Location').selectOption({ label: location })
  if (date !== undefined) {
    await goToDay(page, date)
    await page.getByLabel('Date', { exact: true }).blur()
  }
  return page
}

/**
 * The slot row of a schedule's column that starts at an instant, scrolled into view. The board lays a day out by
 * time elapsed since local midnight (so a 25-hour day has 25 hours of rows): each row's `data-time` is that elapsed
 * time (24:00:00 and on for the 25th hour).
 */
async function slotRowBox(
  page: Page,
  scheduleId: number,
  instant: number,
  zone: string,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const midnight = DateTime.fromMillis(instant, { zone }).startOf('day')
  const time = Duration.fromMillis(instant - midnight.toMillis()).toFormat('hh:mm:ss')
  const row = page.locator(
    `section[data-schedule-id="${scheduleId}"] .fd-slot[data-time="${time}"]`,
  )
  await row.scrollIntoViewIfNeeded()
  const box = await row.boundingBox()
  if (!box) throw new Error(`no slot row at ${time}`)
  return box
}

/** Clicks a schedule's column at an instant (its slot row), as a receptionist clicks free time. */
export async function clickSlot(
  page: Page,
  scheduleId: number,
  instant: number,
  zone: string,
): Promise<void> {
  const box = await slotRowBox(page, scheduleId, instant, zone)
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
}

/**
 * Drags with the mouse from the slot row starting at `from` to the one starting at `to` (either way up), and lets
 * go there, as a receptionist drags over free time for a longer appointment.
 */
export async function dragSlots(
  page: Page,
  scheduleId: number,
  from: number,
  to: number,
  zone: string,
): Promise<void> {
  const first = await slotRowBox(page, scheduleId, from, zone)
  const last = await slotRowBox(page, scheduleId, to, zone)
  await page.mouse.move(first.x + first.width / 2, first.y + first.height / 2)
  await page.mouse.down()
  await page.mouse.move(last.x + last.width / 2, last.y + last.height / 2, { steps: 4 })
  await page.mouse.up()
}
