import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import type { BookingDraft, Range } from '../../src/shared/domain'
import { isoDateOf } from '../../src/shared/time'
import { goToDay } from './helpers/board'
import type { Desk } from './helpers/desk'
import { test, expect } from './helpers/desk'
import { freeSlotsOnDays } from './helpers/slots'

const ZONE = 'Australia/Sydney'
const SCHEDULE = 136 // Main Appointment Schedule, 15-minute slots (seed guide)

test.use({ viewport: { width: 1366, height: 768 } })

async function book(desk: Desk, slot: Range, customer: Partial<BookingDraft>): Promise<string> {
  const draft: BookingDraft = {
    locationId: 98,
    scheduleId: SCHEDULE,
    appointmentTypeId: 79, // Short Consult, one slot
    start: slot.start,
    end: slot.end,
    title: '',
    firstName: '',
    lastName: '',
    mobile: '',
    phone: '',
    email: '',
    patientName: '',
    notes: '',
    clinicianId: null,
    ...customer,
  }
  const result = await desk.core.dispatch('booking:create', { draft })
  if (!result.ok) throw new Error(`booking failed: ${result.error.message}`)
  return (result.data as { reference: string }).reference
}

const rowsOf = (text: string): Record<string, string>[] =>
  parse(text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[]

test('a day of this desk’s bookings exported as CSV and printed; the whole journal exported', async ({
  desk,
}, testInfo) => {
  const { client } = await desk.connectTo()
  const [day, other] = await freeSlotsOnDays(client, SCHEDULE, ZONE, 30, 2)
  const later = { start: day!.start + 15 * 60_000, end: day!.end }
  const first = { start: day!.start, end: day!.start + 15 * 60_000 }
  const laterRef = await book(desk, later, {
    firstName: 'Zoë',
    lastName: 'Hart',
    mobile: '0412 345 678',
    patientName: 'Rex',
    notes: 'Stitches out, then "recheck", in 10 days',
  })
  const firstRef = await book(desk, first, {
    firstName: 'Sam',
    lastName: '=HYPERLINK("http://example.com","click")',
    email: 'sam@example.com',
    patientName: 'Biscuit',
  })
  await book(
    desk,
    { start: other!.start, end: other!.start + 15 * 60_000 },
    {
      firstName: 'Judith',
      lastName: 'Bourke',
      mobile: '0418 976 543',
    },
  )
  const date = isoDateOf(first.start, ZONE)
  const page = desk.page
  // Electron's print opens the system's print dialog; here the page's print call is counted and the PDF is made
  // by Chromium below instead.
  await page.addInitScript(() => {
    const counted = globalThis as unknown as { print: () => void; __printed: number }
    counted.__printed = 0
    counted.print = () => void counted.__printed++
  })
  await desk.open()
  await page.getByLabel('Location').selectOption({ label: 'Main Clinic' })
  await goToDay(page, date)

  const dayDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Day as CSV' }).click()
  const dayFile = await dayDownload
  const dayRows = rowsOf(readFileSync((await dayFile.path())!, 'utf8'))
  const wholeDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Whole journal as CSV' }).click()
  const wholeRows = rowsOf(readFileSync((await (await wholeDownload).path())!, 'utf8'))

  expect(dayFile.suggestedFilename()).toBe(`front-desk-bookings-${date}.csv`)
  expect(dayRows.map((row) => row.Reference)).toEqual([firstRef, laterRef])
  expect(dayRows[0]).toMatchObject({
    Day: date,
    Location: 'Main Clinic',
    Schedule: 'Main Appointment Schedule',
    'Appointment type': 'Short Consult',
    Status: 'booked',
    'Last name': `'=HYPERLINK("http://example.com","click")`,
  })
  expect(dayRows[1]).toMatchObject({
    'First name': 'Zoë',
    Notes: 'Stitches out, then "recheck", in 10 days',
  })
  expect(wholeRows).toHaveLength(3)

  await page.getByRole('button', { name: 'Print day list' }).click()
  await expect(page.locator('.fd-print tbody tr')).toHaveCount(2)
  await expect
    .poll(() => page.evaluate(() => (globalThis as unknown as { __printed: number }).__printed))
    .toBe(1)
  await page.emulateMedia({ media: 'print' })
  const pdf = testInfo.outputPath('day-list.pdf')
  await page.pdf({ path: pdf, format: 'A4', landscape: true, printBackground: false })
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    pdf,
    'docs/screenshots/day-list-print',
  ])
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString()
  expect(text).toContain('Bookings made at this desk')
  expect(text).toContain('Zoë Hart')
  expect(text).toContain('Main Appointment Schedule')
  expect(text).not.toContain('Find a booking')
  await page.emulateMedia({ media: 'screen' })
  await page.screenshot({ path: 'docs/screenshots/journal-actions.png' })
})
