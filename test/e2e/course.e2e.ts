import type { Range } from '../../src/shared/domain'
import { covers } from '../../src/shared/intervals'
import { addDays, dayBounds, isoDateOf, todayIn } from '../../src/shared/time'
import { clickSlot, goToDay } from './helpers/board'
import { test, expect } from './helpers/desk'
import type { SandboxClient } from './helpers/sandbox-client'

const ZONE = 'Australia/Sydney'
const SCHEDULE = 136 // Main Appointment Schedule, 15-minute slots (seed guide)
const WEEK = 7 * 86_400_000

test.use({ viewport: { width: 1366, height: 768 } })

/** A 15-minute time free on the schedule on the same weekday six weeks running, from the first days ahead. */
async function freeSixWeeksRunning(client: SandboxClient): Promise<Range> {
  for (let offset = 1; offset <= 7; offset++) {
    const date = addDays(todayIn(ZONE, Date.now()), offset)
    const weeks = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((week) =>
        client.freeBusy(SCHEDULE, dayBounds(addDays(date, week * 7), ZONE)),
      ),
    )
    for (const range of weeks[0]?.free ?? []) {
      for (let start = range.start; start + 15 * 60_000 <= range.end; start += 15 * 60_000) {
        const slot = (week: number) => ({
          start: start + week * WEEK,
          end: start + week * WEEK + 15 * 60_000,
        })
        if (weeks.every((day, week) => covers(day.free, slot(week)))) return slot(0)
      }
    }
  }
  throw new Error('no time free six weeks running')
}

test('a 6-week course with one clash: each week checked, the clash moved to the nearest free time, all six booked', async ({
  desk,
}) => {
  const { client } = await desk.connectTo()
  const first = await freeSixWeeksRunning(client)
  const third = { start: first.start + 2 * WEEK, end: first.end + 2 * WEEK }
  const taken = await client.book({
    location: 98,
    schedule: SCHEDULE,
    appointmentType: 79,
    start: new Date(third.start).toISOString(),
    end: new Date(third.end).toISOString(),
    firstName: 'Someone',
    lastName: 'Else',
  })
  expect(taken.status).toBe(201)
  await desk.open()
  const page = desk.page
  await page.getByLabel('Location').selectOption({ label: 'Main Clinic' })
  await goToDay(page, isoDateOf(first.start, ZONE))
  await clickSlot(page, SCHEDULE, first.start, ZONE)
  await page.getByRole('button', { name: /Short Consult/ }).click()
  const dialog = page.getByRole('dialog', { name: 'New booking' })
  await dialog.getByLabel('First name').fill('Zoë')
  await dialog.getByLabel('Last name').fill('Hart')
  await dialog.getByLabel('Mobile').fill('0412 345 678')
  await dialog.getByLabel('Patient name').fill('Rex')

  await dialog.getByLabel('Repeat: book a course at this time').check()
  await dialog.getByLabel('Every').fill('1')
  await dialog.getByLabel('Appointments in all').fill('6')
  await dialog.getByRole('button', { name: 'Check the dates', exact: true }).click()

  const list = dialog.getByRole('list', { name: 'The course’s appointments' })
  await expect(list.getByRole('listitem')).toHaveCount(6)
  await expect(list.getByRole('listitem').nth(2)).toContainText('Taken on this schedule.')
  await expect(list.getByText('free', { exact: true })).toHaveCount(5)
  await expect(dialog.getByRole('button', { name: 'Check the dates first' })).toBeDisabled()
  await page.screenshot({ path: 'docs/screenshots/course-check.png' })
  await list
    .getByRole('listitem')
    .nth(2)
    .getByRole('button', { name: /instead/ })
    .click()
  await dialog.getByRole('button', { name: 'Book 6 appointments' }).click()

  await expect(dialog).toContainText('All 6 appointments of the course are booked.')
  const references = dialog.getByTestId('series-reference')
  await expect(references).toHaveCount(6)
  await page.screenshot({ path: 'docs/screenshots/course-booked.png' })
  for (let week = 0; week < 6; week++) {
    if (week === 2) continue
    const slot = { start: first.start + week * WEEK, end: first.end + week * WEEK }
    const { busy } = await client.freeBusy(SCHEDULE, dayBounds(isoDateOf(slot.start, ZONE), ZONE))
    expect(covers(busy, slot), `week ${week + 1} is booked`).toBe(true)
  }
})
