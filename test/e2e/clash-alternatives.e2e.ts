// After a clash the desk offers the nearest free starts on any schedule of the location that takes the type
// (src/main/booking/alternatives.ts); taking one books that time on that schedule, as the server then agrees.
import { DateTime } from 'luxon'
import { covers } from '../../src/shared/intervals'
import { dayBounds, isoDateOf } from '../../src/shared/time'
import { clickSlot, goToDay } from './helpers/board'
import { test, expect } from './helpers/desk'
import { firstFreeSlot } from './helpers/slots'

const ZONE = 'Australia/Sydney'
/** Branch Clinic's consult rooms of the seed: Short Consult (one 15-minute slot) is taken by rooms 1 and 2. */
const ROOMS: Readonly<Record<string, number>> = { 'Consult Room 1': 301, 'Consult Room 2': 302 }
const QUARTER = 15 * 60_000

test('a time taken from a stale board offers the nearest free starts; taking one books it there', async ({
  desk,
}) => {
  const { client } = await desk.connectTo()
  const { date, slot } = await firstFreeSlot(client, ROOMS['Consult Room 1']!, ZONE, 15)
  await desk.open()
  const page = desk.page
  await expect(page.getByLabel('Location')).toHaveValue('106')
  await goToDay(page, date)
  await clickSlot(page, ROOMS['Consult Room 1']!, slot.start, ZONE)
  await page.getByRole('button', { name: /Short Consult/ }).click()
  const dialog = page.getByRole('dialog', { name: 'New booking' })
  await dialog.getByLabel('First name').fill('Judith')
  await dialog.getByLabel('Last name').fill('Bourke')
  await dialog.getByLabel('Mobile').fill('0418 976 543')
  await dialog.getByLabel('Patient name').fill('Muffett')
  // Another desk books the same quarter while this board still shows it free.
  const other = await client.book({
    location: 106,
    schedule: ROOMS['Consult Room 1'],
    appointmentType: 79,
    start: new Date(slot.start).toISOString(),
    end: new Date(slot.end).toISOString(),
    firstName: 'Someone',
    lastName: 'Else',
  })
  expect(other.status).toBe(201)

  await dialog.getByRole('button', { name: 'Confirm booking' }).click()

  const offered = dialog.locator('.fd-alternatives button')
  await expect(offered.first()).toBeVisible()
  const texts = await offered.allTextContents()
  expect(texts.length).toBeGreaterThanOrEqual(1)
  expect(texts.length).toBeLessThanOrEqual(4)
  // Each names its day, time and a schedule that takes the type; none is the time just taken.
  const suggestions = texts.map((text) => {
    const [when = '', schedule = ''] = text.trim().split(' · ')
    const start = DateTime.fromFormat(when, 'ccc d LLL yyyy HH:mm', { zone: ZONE }).toMillis()
    return { text: text.trim(), start, schedule, scheduleId: ROOMS[schedule] }
  })
  for (const suggestion of suggestions) {
    expect(suggestion.scheduleId, suggestion.text).toBeDefined()
    expect(Number.isNaN(suggestion.start), suggestion.text).toBe(false)
    expect(
      suggestion.start === slot.start && suggestion.scheduleId === ROOMS['Consult Room 1'],
    ).toBe(false)
  }
  // The message says them too, each with its schedule when some are on another one.
  if (suggestions.some((suggestion) => suggestion.scheduleId !== ROOMS['Consult Room 1'])) {
    for (const suggestion of suggestions)
      await expect(dialog.locator('.fd-error > p').first()).toContainText(
        `${DateTime.fromMillis(suggestion.start, { zone: ZONE }).toFormat('HH:mm')} on ${suggestion.schedule}`,
      )
  }
  // The nearest comes first.
  const distances = suggestions.map((suggestion) => Math.abs(suggestion.start - slot.start))
  expect(distances).toEqual([...distances].sort((a, b) => a - b))
  // As the dialog comes back, with no scrolling by hand: its title, the refusal and the times offered all in view,
  // none of them under another (the title stays put while the form scrolls).
  const title = dialog.getByRole('heading', { name: 'New booking' })
  const refusal = dialog.locator('.fd-error > p').first()
  await expect(title).toBeInViewport({ ratio: 1 })
  await expect(refusal).toBeInViewport({ ratio: 1 })
  for (const button of await offered.all()) await expect(button).toBeInViewport({ ratio: 1 })
  const [titleBox, refusalBox] = [(await title.boundingBox())!, (await refusal.boundingBox())!]
  const header = (await dialog.locator('.fd-dialog-header').boundingBox())!
  expect(refusalBox.y).toBeGreaterThanOrEqual(header.y + header.height)
  expect(titleBox.y).toBeGreaterThanOrEqual((await dialog.boundingBox())!.y)
  await page.screenshot({ path: 'docs/screenshots/clash-alternatives.png' })
  await dialog.evaluate((element) => element.scrollTo(0, element.scrollHeight))
  await expect(dialog.getByRole('button', { name: 'Confirm booking' })).toBeInViewport()
  await expect(title).toBeInViewport({ ratio: 1 })

  // Another room at the same time, when offered, shows the desk looks beyond the schedule clicked.
  const chosen =
    suggestions.find((suggestion) => suggestion.scheduleId !== ROOMS['Consult Room 1']) ??
    suggestions[0]!
  await offered.filter({ hasText: chosen.text }).click()
  await expect(dialog).toContainText(chosen.schedule)
  await dialog.getByRole('button', { name: 'Confirm booking' }).click()

  const reference = (await page.getByTestId('booking-reference').textContent())?.trim() ?? ''
  expect(reference).toMatch(/^\d+:[0-9a-f-]{36}$/)
  await expect(page.getByRole('dialog', { name: 'Booked' })).toContainText(chosen.schedule)
  const taken = { start: chosen.start, end: chosen.start + QUARTER }
  const onServer = await client.freeBusy(
    chosen.scheduleId!,
    dayBounds(isoDateOf(chosen.start, ZONE), ZONE),
  )
  expect(covers(onServer.busy, taken)).toBe(true)
  const found = await desk.core.dispatch('booking:get', { reference })
  expect(found).toMatchObject({
    ok: true,
    data: { locationId: 106, scheduleId: chosen.scheduleId, start: taken.start, end: taken.end },
  })
})
