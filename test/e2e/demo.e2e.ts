import { startSandbox } from '../../src/main/sandbox'
import { dayBounds } from '../../src/shared/time'
import { drawable, drawnRanges } from './helpers/board'
import { wcagViolations } from './helpers/axe'
import { test, expect } from './helpers/desk'
import { sandboxClient } from './helpers/sandbox-client'

test('the demo clinic shows exactly the free and busy time its server reports', async ({
  desk,
}) => {
  await desk.open()
  const page = desk.page
  const date = await page.getByLabel('Date', { exact: true }).inputValue()
  const scheduleIds = await page
    .locator('section.fd-column')
    .evaluateAll((columns) =>
      columns.map((column) => Number(column.getAttribute('data-schedule-id'))),
    )
  // The seed clinic is generated from the date alone (sandbox-dataset.md), so a twin answers as the demo does.
  const twin = await startSandbox({ port: 0 })
  const client = sandboxClient(twin.baseUrl)
  const bounds = dayBounds(date, 'Australia/Sydney')

  try {
    expect(scheduleIds.length).toBeGreaterThan(0)
    for (const scheduleId of scheduleIds) {
      const expected = await client.freeBusy(scheduleId, bounds)
      expect(await drawnRanges(page, scheduleId, 'free'), `free of ${scheduleId}`).toEqual(
        expected.free,
      )
      expect(await drawnRanges(page, scheduleId, 'busy'), `busy of ${scheduleId}`).toEqual(
        drawable(expected.busy),
      )
    }
  } finally {
    await twin.close()
  }
  await expect(page.getByRole('region', { name: 'Demo clinic' })).toContainText('Demo clinic.')
  await expect(page.getByRole('button', { name: 'Connect to your OpenVPMS' })).toBeVisible()
})

test('clinician overlays draw each clinician’s availability in their colour', async ({ desk }) => {
  await desk.open()
  const page = desk.page
  const chips = page.getByRole('group', { name: 'Show clinician availability' }).getByRole('button')

  await page.getByLabel('Location').selectOption({ label: 'Main Clinic' })
  await expect(page.locator('section[data-schedule-id="136"]')).toBeVisible()
  // Rosters change day by day: move on until someone is rostered (the generated clinic has a day off a week).
  for (let tries = 0; tries < 7; tries++) {
    const bands = page.locator('.fd-block.fd-clinician')
    if ((await chips.first().getAttribute('aria-pressed')) === 'false')
      for (const chip of await chips.all()) await chip.click()
    if ((await bands.count()) > 0) break
    await page.getByRole('button', { name: 'Next day' }).click()
    await page.locator('.fd-columns[aria-busy="false"]').waitFor()
  }

  await expect(chips.first()).toHaveAttribute('aria-pressed', 'true')
  await expect(page.locator('.fd-block.fd-clinician').first()).toBeVisible()
  await page.screenshot({ path: 'docs/screenshots/board.png' })
  expect(await wcagViolations(page)).toEqual([])
})
