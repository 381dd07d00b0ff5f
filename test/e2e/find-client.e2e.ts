import type { BookingDraft, Range } from '../../src/shared/domain'
import type { Desk } from './helpers/desk'
import { wcagViolations } from './helpers/axe'
import { test, expect } from './helpers/desk'
import { freeSlotsOnDays } from './helpers/slots'

const ZONE = 'Australia/Sydney'
const SCHEDULE = 136 // Main Appointment Schedule, 15-minute slots (seed guide)
const SHORT_CONSULT = 79

test.use({ viewport: { width: 1366, height: 768 } })

/** Books through the desk's own main process, as the booking form does; returns the reference. */
async function book(desk: Desk, slot: Range, customer: Partial<BookingDraft>): Promise<string> {
  const draft: BookingDraft = {
    locationId: 98,
    scheduleId: SCHEDULE,
    appointmentTypeId: SHORT_CONSULT,
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

const zoe = {
  firstName: 'Zoë',
  lastName: 'Hart',
  mobile: '0412345678',
  patientName: 'Rex',
  notes: 'Post-op check, stitches out',
}
const judith = {
  firstName: 'Judith',
  lastName: 'Bourke',
  mobile: '0418 976 543',
  patientName: 'Muffett',
}

test('a caller without a reference: found by phone in another spacing, newest first, Enter opens it live', async ({
  desk,
}) => {
  const { client } = await desk.connectTo()
  const [first, second, third] = await freeSlotsOnDays(client, SCHEDULE, ZONE, 15, 3)
  const rexFirst = await book(desk, first!, zoe)
  await book(desk, second!, judith)
  const rexAgain = await book(desk, third!, zoe)
  const cancelled = await desk.core.dispatch('booking:cancel', { reference: rexFirst })
  expect(cancelled.ok).toBe(true)
  await desk.open()
  const page = desk.page

  await page
    .getByLabel('Customer, phone, email, patient or booking reference')
    .pressSequentially('0412 345 6')

  const matches = page.getByRole('listbox', { name: 'Bookings made at this desk' })
  await expect(page.getByText('2 bookings made at this desk')).toBeVisible()
  const options = matches.getByRole('option')
  await expect(options).toHaveCount(2)
  await expect(options.nth(0)).toContainText('Zoë Hart (Rex)')
  await expect(options.nth(0)).toContainText('Booked')
  await expect(options.nth(0)).toContainText(rexAgain)
  await expect(options.nth(0)).toContainText('Main Clinic · Main Appointment Schedule')
  await expect(options.nth(1)).toContainText('Cancelled')
  await expect(options.nth(1)).toContainText(rexFirst)
  await expect(
    page.getByText('Finds bookings made at this desk by name, phone, email or patient'),
  ).toBeVisible()
  await page.screenshot({ path: 'docs/screenshots/find-client.png' })
  expect(await wcagViolations(page)).toEqual([])

  await page.keyboard.press('Enter')

  const details = page.getByTestId('lookup-details')
  await expect(details).toContainText('Zoë Hart')
  await expect(details).toContainText('Short Consult')
  await expect(details).toContainText('Post-op check, stitches out')
  await expect(details).not.toContainText('own record')
  await expect(page.getByLabel('Customer, phone, email, patient or booking reference')).toHaveValue(
    rexAgain,
  )
  await expect(matches).toHaveCount(0)
  await page.screenshot({ path: 'docs/screenshots/find-client-opened.png' })
})

test('where the server cannot show a booking, Enter opens this desk’s copy; nothing found says so plainly', async ({
  desk,
}) => {
  const { client } = await desk.connectTo({ emulateGetDefect: true })
  const [slot] = await freeSlotsOnDays(client, SCHEDULE, ZONE, 15, 1)
  await book(desk, slot!, judith)
  await desk.open()
  const page = desk.page
  const box = page.getByLabel('Customer, phone, email, patient or booking reference')

  await box.pressSequentially('rex')
  await expect(page.getByText('No booking made at this desk matches “rex”')).toBeVisible()
  await box.fill('')
  await box.pressSequentially('muff')
  await expect(
    page.getByRole('listbox', { name: 'Bookings made at this desk' }).getByRole('option'),
  ).toHaveCount(1)
  await page.keyboard.press('Enter')

  const details = page.getByTestId('lookup-details')
  await expect(details).toContainText('this desk’s own record of what was sent')
  await expect(details).toContainText('Judith Bourke')
  await expect(details).toContainText('Muffett')
})
