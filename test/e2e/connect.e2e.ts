import { wcagViolations } from './helpers/axe'
import { test, expect } from './helpers/desk'
import { seedCredentials } from './helpers/sandbox-client'

test('connects from the demo clinic to a clinic server, saying precisely what went wrong first', async ({
  desk,
}) => {
  const { sandbox } = await desk.startSandbox()
  await desk.open()
  const page = desk.page
  await page.getByRole('button', { name: 'Connect to your OpenVPMS' }).click()
  const dialog = page.getByRole('dialog', { name: 'Connect to your OpenVPMS' })
  await dialog.getByLabel('Server address').fill(sandbox.baseUrl)
  await dialog.getByLabel('Username').fill(seedCredentials.login)
  await dialog.locator('#connect-password').fill('not-the-password')
  await expect(dialog.getByText('send the password unencrypted anyway')).toHaveCount(0)

  await dialog.getByRole('button', { name: 'Connect' }).click()

  const refusal = dialog.getByRole('alert')
  await expect(refusal).toContainText('401')
  await page.screenshot({ path: 'docs/screenshots/connect.png' })
  expect(await wcagViolations(page)).toEqual([])
  await dialog.locator('#connect-password').fill(seedCredentials.password)
  await dialog.getByRole('button', { name: 'Connect' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('region', { name: 'Demo clinic' })).toHaveCount(0)
  await expect(page.locator('.fd-connection')).toContainText(`${seedCredentials.login} @`)
  await expect(page.locator('section[data-schedule-id]').first()).toBeVisible()

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.locator('.fd-connection')).not.toContainText(`${seedCredentials.login} @`)
})

test('a password refused mid-session is asked for again, with the address and username kept', async ({
  desk,
}) => {
  const { sandbox } = await desk.connectTo()
  await desk.open()
  const page = desk.page
  sandbox.injectFault({ kind: 'unauthorized', path: /freebusy/, times: 50 })

  // The desk refreshes the visible day on window focus: that request meets the refusal.
  await page.evaluate("window.dispatchEvent(new Event('focus'))")
  await expect(page.locator('.fd-connection')).toContainText('Password needed')
  sandbox.clearFaults()
  await page.getByRole('button', { name: 'Enter the password…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Connect to your OpenVPMS' })
  await expect(dialog.getByLabel('Server address')).toHaveValue(sandbox.baseUrl)
  await expect(dialog.getByLabel('Username')).toHaveValue(seedCredentials.login)
  await expect(dialog.locator('#connect-password')).toBeFocused()
  await page.keyboard.type(seedCredentials.password)
  await page.keyboard.press('Enter')

  await expect(dialog).toBeHidden()
  await expect(page.locator('.fd-connection')).toContainText(`${seedCredentials.login} @`)
  await expect(page.locator('.fd-columns[aria-busy="false"]')).toBeVisible()
})
