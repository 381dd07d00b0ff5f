// A reference read over the phone is found however it was typed; "not found" never says
// "cancelled" on a guess, and its message goes away as soon as the receptionist edits the box.
import { test, expect } from './helpers/desk'

const GUIDE = '603:be08f3c6-1afb-11e6-be41-3dbaef689d97'

test('the guide’s older 3-part reference, typed in capitals with spaces, finds the booking', async ({
  desk,
}) => {
  await desk.connectTo()
  await desk.open()
  const page = desk.page
  const box = page.getByLabel('Booking reference')

  await box.fill('603 : 3 : BE08F3C6-1AFB-11E6-BE41-3DBAEF689D97')
  await page.getByRole('button', { name: 'Find', exact: true }).click()

  const found = page.getByTestId('lookup-details')
  await expect(found).toContainText('Fri 15 Feb 2019 10:45–11:30')
  await expect(found).toContainText('Judith Bourke')
  await expect(found).toContainText('Muffett')
  await expect(box).toHaveValue(GUIDE)
  await expect(page.locator('#lookup-error')).toHaveCount(0)
  // Made at the Main Clinic while the board shows the Branch Clinic: named from that location's own schedules.
  await expect(page.getByLabel('Location')).toHaveValue('106')
  await expect(found).toContainText('Main Appointment Schedule')
  await expect(found).toContainText('Main Clinic')
  await expect(found).not.toContainText(/Schedule 136|Type \d+|Clinician \d+/)
  await page.screenshot({ path: 'docs/screenshots/lookup-elsewhere.png' })
})

test('a reference not found says it may be misread and what was searched; the message clears on edit', async ({
  desk,
}) => {
  await desk.connectTo()
  await desk.open()
  const page = desk.page
  const box = page.getByLabel('Booking reference')
  const error = page.locator('#lookup-error')

  await page.getByRole('button', { name: 'Find', exact: true }).click()
  await expect(error).toHaveText('Type or paste a booking reference.')

  await box.fill('999999: BE08F3C6-1AFB-11E6-BE41-3DBAEF689D97')
  await expect(error).toHaveCount(0)
  await page.getByRole('button', { name: 'Find', exact: true }).click()

  await expect(error).toContainText('may have been misread')
  await expect(error).toContainText('999999:be08f3c6-1afb-11e6-be41-3dbaef689d97')
  await expect(error).not.toContainText(/cancel/i)
  await page.screenshot({ path: 'docs/screenshots/lookup-not-found.png' })
  await box.press('End')
  await box.press('Backspace')
  await expect(box).toHaveValue('999999:be08f3c6-1afb-11e6-be41-3dbaef689d9')
  await expect(error).toHaveCount(0)
})
