// Reading the board as drawn, and acting on it as a receptionist would.
import type { Page } from '@playwright/test'
import { DateTime, Duration } from 'luxon'
import type { Range } from '../../../src/shared/domain'

/** The ranges one column draws as free, busy, or a clinician's availability (from the drawn elements). */
export async function drawnRanges(
  page: Page,
  scheduleId: number,
  kind: 'free' | 'busy' | 'clinician',
): Promise<Range[]> {
  const ranges = await page
    .locator(`section[data-schedule-id="${scheduleId}"] .fc-bg-event.fd-${kind}`)
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
 * Clicks a schedule's column at an instant (its slot row), as a receptionist clicks free time. The board lays a
 * day out by time elapsed since local midnight (so a 25-hour day has 25 hours of rows), and FullCalendar's
 * `data-time` wraps past 24:00: the row is found by the elapsed time, the later one past midnight.
 */
export async function clickSlot(
  page: Page,
  scheduleId: number,
  instant: number,
  zone: string,
): Promise<void> {
  const midnight = DateTime.fromMillis(instant, { zone }).startOf('day')
  const elapsed = Duration.fromMillis(instant - midnight.toMillis())
  const time = elapsed
    .toFormat('hh:mm:ss')
    .replace(/^\d+/, (hours) => String(Number(hours) % 24).padStart(2, '0'))
  const lanes = page.locator(
    `section[data-schedule-id="${scheduleId}"] td.fc-timegrid-slot-lane[data-time="${time}"]`,
  )
  const lane = elapsed.as('hours') >= 24 ? lanes.last() : lanes.first()
  await lane.scrollIntoViewIfNeeded()
  const box = await lane.boundingBox()
  if (!box) throw new Error(`no slot row at ${time}`)
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
}
