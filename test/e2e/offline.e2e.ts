import { clickSlot, goToDay } from './helpers/board'
import { test, expect } from './helpers/desk'
import { seedCredentials } from './helpers/sandbox-client'
import { firstFreeSlot } from './helpers/slots'

const ZONE = 'Australia/Sydney'
const SCHEDULE = 136 // Main Appointment Schedule, 15-minute slots (seed guide)

test('opened while the server is down: the day as last loaded, read-only, saying so; then it recovers by itself', async ({
  desk,
}) => {
  const { sandbox, client } = await desk.startSandbox()
  const port = sandbox.port
  const connected = await desk.core.dispatch('session:connect', {
    serverUrl: sandbox.baseUrl,
    username: seedCredentials.login,
    password: seedCredentials.password,
    rememberPassword: true,
    allowInsecure: false,
  })
  expect(connected.ok).toBe(true)
  const { date, slot } = await firstFreeSlot(client, SCHEDULE, ZONE, 15)
  await desk.open()
  const page = desk.page
  await page.getByLabel('Location').selectOption({ label: 'Main Clinic' })
  await expect(page.locator(`section[data-schedule-id="${SCHEDULE}"]`)).toBeVisible()
  await goToDay(page, date)
  await page.keyboard.press('t')
  await page.locator('.fd-columns[aria-busy="false"]').waitFor()
  const liveFree = await page.locator('.fd-column .fd-free').count()

  // The clinic server goes away; the desk is closed and opened again the next morning, as it were.
  await sandbox.close()
  await desk.restart()
  await desk.open()

  const banner = page.getByRole('status').filter({ hasText: 'server unreachable' })
  await expect(banner).toContainText(/As of \d\d:\d\d, server unreachable/)
  await expect(banner).toContainText('booking is paused')
  await expect(banner).toContainText(`Could not reach the OpenVPMS server at 127.0.0.1:${port}`)
  await expect(page.locator('.fd-connection')).toHaveText(`Cannot reach 127.0.0.1:${port}`)
  await expect(page.getByRole('heading', { name: /Main Clinic/ })).toBeVisible()
  expect(await page.locator('.fd-column .fd-free').count()).toBe(liveFree)
  const legend = page.locator('.fd-board-legend')
  await expect(legend).toContainText('Nothing can be booked until the server answers')
  await expect(legend).not.toContainText('Click or drag')
  // The strip of coming days neither sits empty nor repeats the banner's reason: it says when it comes back.
  const strip = page.locator('.fd-strip')
  await expect(strip).toContainText('The coming days show here again when the server answers.')
  await expect(strip.getByRole('option')).toHaveCount(0)
  await page.screenshot({ path: 'docs/screenshots/offline.png' })

  // Free time on a kept day cannot be chosen: no booking from what may be out of date.
  await goToDay(page, date)
  await expect(banner).toBeVisible()
  await clickSlot(page, SCHEDULE, slot.start, ZONE)
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => setTimeout(done, 100)))')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(page.locator('.fd-highlight')).toHaveCount(0)

  // The server answers again on the same address: the desk notices without being touched.
  await desk.startSandbox({ port })
  await expect(banner).toBeHidden({ timeout: 15_000 })
  await expect(legend).toContainText('Click or drag on free time to book')
  await expect(strip.getByRole('option')).toHaveCount(14)
  await expect(strip).not.toContainText('when the server answers')
  await expect(page.locator('.fd-connection')).toHaveText(
    `${seedCredentials.login} @ 127.0.0.1:${port}`,
  )
  await clickSlot(page, SCHEDULE, slot.start, ZONE)
  await expect(page.getByRole('dialog', { name: 'Choose the appointment type' })).toBeVisible()
})
