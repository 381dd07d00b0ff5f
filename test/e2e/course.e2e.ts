import type { Page } from '@playwright/test'
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

/** Opens the booking form at `first` for Zoë Hart and her dog Rex, with Repeat weekly, `count` times, checked. */
async function checkWeeklyCourse(page: Page, first: Range, count: number): Promise<void> {
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
  await dialog.getByLabel('Appointments in all').fill(String(count))
  await dialog.getByRole('button', { name: 'Check the dates', exact: true }).click()
  await expect(
    dialog.getByRole('list', { name: 'The course’s appointments' }).getByRole('listitem'),
  ).toHaveCount(count)
}

/** Week `week` of a weekly course starting at `first` (0 = the first). */
const weekOf = (first: Range, week: number): Range => ({
  start: first.start + week * WEEK,
  end: first.end + week * WEEK,
})

/** Whether the sandbox shows that time booked on the schedule. */
async function isBooked(client: SandboxClient, slot: Range): Promise<boolean> {
  const { busy } = await client.freeBusy(SCHEDULE, dayBounds(isoDateOf(slot.start, ZONE), ZONE))
  return covers(busy, slot)
}

test('a 6-week course with one clash: each week checked, the clash moved to the nearest free time, all six booked', async ({
  desk,
}) => {
  const { client } = await desk.connectTo()
  const first = await freeSixWeeksRunning(client)
  const third = weekOf(first, 2)
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
  await checkWeeklyCourse(page, first, 6)
  const dialog = page.getByRole('dialog', { name: 'New booking' })

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
  // One text for the caller covers the whole course: the practice's template for the first, then the other five.
  await desk.page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await dialog.getByRole('button', { name: 'Copy confirmation' }).click()
  await expect(dialog.getByText('Copied.')).toBeVisible()
  const copied = await page.evaluate(() =>
    (
      globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
    ).navigator.clipboard.readText(),
  )
  const lines = copied.split('\n')
  const all = await references.allTextContents()
  expect(lines[0]).toContain(`Reference: ${all[0]}`)
  expect(lines[1]).toBe('The other 5 appointments of the course:')
  for (const [i, reference] of all.slice(1).entries()) expect(lines[i + 2]).toContain(reference)
  for (const week of [0, 1, 3, 4, 5]) {
    expect(await isBooked(client, weekOf(first, week)), `week ${week + 1} is booked`).toBe(true)
  }
})

test('no answer to the 3rd appointment of a course: sending stops and says which are booked, which unknown, which not sent', async ({
  desk,
}) => {
  const { sandbox, client } = await desk.connectTo()
  const first = await freeSixWeeksRunning(client)
  await desk.open()
  const page = desk.page
  await checkWeeklyCourse(page, first, 6)
  const dialog = page.getByRole('dialog', { name: 'New booking' })
  // The server saves the 3rd booking but the desk gets a 503 page instead of its answer.
  sandbox.injectFault({
    kind: 'status',
    status: 503,
    method: 'POST',
    path: '/bookings',
    after: 2,
    afterHandling: true,
  })

  await dialog.getByRole('button', { name: 'Book 6 appointments' }).click()

  await expect(dialog).toContainText(
    'Sending stopped: 2 of 6 booked. Nothing after the stop was sent, and nothing is sent again by itself.',
  )
  const sent = dialog.getByRole('list', { name: 'The course as sent' }).getByRole('listitem')
  await expect(sent).toHaveCount(6)
  const statuses = await sent.locator('.fd-status').allTextContents()
  expect(statuses).toEqual([
    'Booked',
    'Booked',
    'Outcome unknown',
    'Not sent',
    'Not sent',
    'Not sent',
  ])
  await expect(dialog.getByTestId('series-reference')).toHaveCount(2)
  await expect(sent.nth(2)).not.toContainText(/failed|not booked/i)
  await page.screenshot({ path: 'docs/screenshots/course-stopped.png' })
  const journal = page.getByRole('region', { name: 'Today’s bookings from this desk' })
  await expect(journal).toContainText('Outcome unknown')
  await expect(journal).not.toContainText('Failed')
  // The server has what was sent (the 3rd saved without an answer) and nothing after it.
  const booked = await Promise.all(
    [0, 1, 2, 3, 4, 5].map((week) => isBooked(client, weekOf(first, week))),
  )
  expect(booked).toEqual([true, true, true, false, false, false])
})

test('cancelling a course from the lookup: "this one" cancels only it, "this and all later ones" the rest from there', async ({
  desk,
}) => {
  const { client } = await desk.connectTo()
  const first = await freeSixWeeksRunning(client)
  await desk.open()
  const page = desk.page
  await checkWeeklyCourse(page, first, 4)
  const dialog = page.getByRole('dialog', { name: 'New booking' })
  await dialog.getByRole('button', { name: 'Book 4 appointments' }).click()
  await expect(dialog).toContainText('All 4 appointments of the course are booked.')
  const references = await dialog.getByTestId('series-reference').allTextContents()
  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect(dialog).toBeHidden()
  const lookup = page.getByRole('region', { name: 'Find a booking' })
  const box = lookup.getByRole('combobox')
  const details = lookup.getByTestId('lookup-details')

  await box.fill(references[2] ?? '')
  await box.press('Enter')
  await expect(details).toContainText('Appointment 3 of 4, booked together at this desk')
  await details.getByRole('button', { name: 'Cancel this booking…' }).click()
  await details.getByRole('button', { name: 'Cancel this one' }).click()
  await expect(lookup).toContainText(`Booking ${references[2]} is cancelled`)

  await box.fill(references[1] ?? '')
  await box.press('Enter')
  await expect(details).toContainText('Appointment 2 of 4, booked together at this desk')
  await details.getByRole('button', { name: 'Cancel this booking…' }).click()
  await expect(details).toContainText('Cancel appointment 2 of 4 of this course?')
  await page.screenshot({ path: 'docs/screenshots/course-cancel-question.png' })
  await details.getByRole('button', { name: 'Cancel this and all later ones' }).click()

  const outcome = lookup.getByTestId('series-cancelled')
  await expect(outcome).toContainText(
    '2 appointments of the course are cancelled; the times are free again.',
  )
  expect(await outcome.locator('.fd-ref').allTextContents()).toEqual([references[1], references[3]])
  await expect(details).toBeHidden()
  await page.screenshot({ path: 'docs/screenshots/course-cancel-rest.png' })
  const booked = await Promise.all(
    [0, 1, 2, 3].map((week) => isBooked(client, weekOf(first, week))),
  )
  expect(booked).toEqual([true, false, false, false])
  const journal = page.getByRole('region', { name: 'Today’s bookings from this desk' })
  await expect(journal.getByText('Cancelled', { exact: true })).toHaveCount(3)
})
