import { resolve } from 'node:path'
import { DateTime } from 'luxon'
import { clickSlot, drawnRanges, goToDay } from './helpers/board'
import { test, expect } from './helpers/desk'

const ZONE = 'Australia/Sydney'
const DAY = '2030-03-04'
const wall = (time: string): number => DateTime.fromISO(`${DAY}T${time}`, { zone: ZONE }).toMillis()

test('booking for a clinician allows only the times they are really available, and fills them in', async ({
  desk,
}) => {
  await desk.connectTo({ dataFile: resolve(__dirname, 'fixtures/clinician-clinic.json') })
  await desk.open()
  const page = desk.page
  await goToDay(page, DAY)
  await page.getByRole('button', { name: 'Dana Morning' }).click()
  await page.getByLabel('Book with').selectOption({ label: 'Dana Morning (only when available)' })
  const types = page.getByRole('dialog', { name: 'Choose the appointment type' })

  await clickSlot(page, 11, wall('09:00'), ZONE)
  const openedOutsideRoster = await types.isVisible()
  await clickSlot(page, 11, wall('10:30'), ZONE)
  await types.getByRole('button', { name: /Consult/ }).click()

  expect(openedOutsideRoster).toBe(false)
  expect(await drawnRanges(page, 11, 'clinician')).toEqual([
    { start: wall('10:00'), end: wall('12:00') },
  ])
  const form = page.getByRole('dialog', { name: 'New booking' })
  await expect(form.getByLabel('Clinician')).toHaveValue('10')
  await expect(form.locator('.fd-summary')).toContainText('10:30–10:45')
})
