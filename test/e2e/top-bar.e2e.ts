// The top bar at the reception PC's 1366×768: one row of controls, however long the name of the server and the day.
import { goToDay, openBigClinic } from './helpers/board'
import { test, expect } from './helpers/desk'

/** A clinic's own login and a server named in words: a label of 37 characters. */
const LOGIN = 'reception.frontdesk'
const PASSWORD = 'front-desk-2027'
/** The longest day in words (Wednesday, September, two-digit day). */
const LONGEST_DAY = '2027-09-29'

test('a long connection label ends in an ellipsis and keeps the bar one row; its whole text is kept for readers', async ({
  desk,
}) => {
  const { sandbox } = await desk.startSandbox({ credentials: { login: LOGIN, password: PASSWORD } })
  const serverUrl = sandbox.baseUrl.replace('//127.0.0.1:', '//localhost:')
  const connected = await desk.core.dispatch('session:connect', {
    serverUrl,
    username: LOGIN,
    password: PASSWORD,
    rememberPassword: false,
    allowInsecure: false,
  })
  expect(connected.ok).toBe(true)
  await desk.open()
  const page = desk.page
  await goToDay(page, LONGEST_DAY)
  const bar = page.locator('header.fd-topbar')
  const label = bar.getByRole('status')
  const host = new URL(serverUrl).host

  await expect(bar).toContainText('Wednesday 29 September 2027')
  const barBox = (await bar.boundingBox())!
  const location = (await page.getByLabel('Location').boundingBox())!
  const children = await bar.locator(':scope > *').evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect()
      return { name: element.textContent?.trim() ?? '', middle: box.top + box.height / 2 }
    }),
  )
  const cut = await label.evaluate((element) => element.scrollWidth > element.clientWidth)

  // One row: the bar is as tall as its tallest control and its padding, and every part sits on that row.
  expect(barBox.height).toBeLessThanOrEqual(location.height + 2 * 8 + 1)
  for (const child of children)
    expect(Math.abs(child.middle - (barBox.y + barBox.height / 2)), child.name).toBeLessThanOrEqual(
      2,
    )
  expect(cut).toBe(true)
  await expect(label).toHaveText(`${LOGIN} @ ${host}`)
  await expect(label).toHaveAttribute('title', `Connected to ${host} as ${LOGIN}`)
  await expect(bar.locator('.fd-brand')).toHaveText('OpenVPMS Front Desk')
  await page.screenshot({
    path: 'docs/screenshots/top-bar-long-connection.png',
    clip: { x: 0, y: 0, width: 1366, height: 120 },
  })
})

test('a long location name gives way too: the bar stays one row on a big clinic', async ({
  desk,
}) => {
  const page = await openBigClinic(desk, 'Harbour Animal Hospital', LONGEST_DAY)
  const bar = page.locator('header.fd-topbar')
  const location = page.getByLabel('Location')

  await expect(bar).toContainText('Wednesday 29 September 2027')
  const barBox = (await bar.boundingBox())!
  const help = (await bar.getByRole('button', { name: 'Keyboard shortcuts' }).boundingBox())!
  expect(barBox.height).toBeLessThanOrEqual((await location.boundingBox())!.height + 2 * 8 + 1)
  expect(Math.abs(help.y + help.height / 2 - (barBox.y + barBox.height / 2))).toBeLessThanOrEqual(2)
  await expect(location).toHaveAttribute('title', 'Harbour Animal Hospital')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Harbour Animal Hospital')
})
