// A 40-schedule clinic: natural order, a "schedules shown" chooser that is remembered, and only the
// shown schedules asked of the server.
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { DateTime } from 'luxon'
import { goToDay } from './helpers/board'
import { test, expect } from './helpers/desk'

const DAY = '2027-03-10'
const LONG_NAME = 'Consult Room 7 – Feline-Friendly Quiet Room (Upstairs, East Wing)'

const headings = (page: Page): Promise<string[]> =>
  page.locator('.fd-column-name').allTextContents()

/** Schedule ids whose free/busy was asked for the day, in the order asked. */
function scheduleRequests(paths: readonly string[]): number[] {
  const dayStart = DateTime.fromISO(`${DAY}T00:00`, { zone: 'Australia/Sydney' }).toMillis()
  return paths.flatMap((path) => {
    const url = new URL(path, 'http://sandbox')
    const id = /^\/schedules\/(\d+)\//.exec(url.pathname)?.[1]
    const from = Date.parse(url.searchParams.get('from') ?? '')
    return id !== undefined && from === dayStart ? [Number(id)] : []
  })
}

test('@wide a 40-schedule clinic: natural order, narrowed to 5 with the chooser, remembered', async ({
  desk,
}) => {
  const { sandbox } = await desk.connectTo({
    dataFile: resolve(__dirname, 'fixtures/big-clinic.json'),
  })
  await desk.open()
  const page = desk.page
  await page.getByLabel('Location').selectOption({ label: 'Harbour Animal Hospital' })
  await goToDay(page, DAY)
  await expect(page.locator('.fd-column')).toHaveCount(40)

  expect((await headings(page)).slice(0, 12)).toEqual([
    'After-Hours Emergency',
    'Consult Room 1',
    'Consult Room 2',
    'Consult Room 3',
    'Consult Room 4',
    'Consult Room 5',
    'Consult Room 6',
    LONG_NAME,
    'Consult Room 8',
    'Consult Room 9',
    'Consult Room 10',
    'Consult Room 11',
  ])
  const chooserButton = page.getByRole('button', { name: /^Schedules shown/ })
  await expect(chooserButton).toHaveText('Schedules shown: 40 of 40')
  await chooserButton.click()
  const chooser = page.getByRole('group', { name: 'Schedules shown' })
  await expect(page.getByLabel('Search schedules by name')).toBeFocused()
  if (test.info().project.name === '1366x768')
    await page.screenshot({ path: 'docs/screenshots/big-clinic-chooser.png' })

  const before = sandbox.recentPaths.length
  await chooser.getByRole('button', { name: 'Show none' }).click()
  await expect(page.getByText('No schedule is shown')).toBeVisible()
  for (const name of ['Consult Room 2', 'Consult Room 10', 'Dental 2', 'Imaging', 'Surgery 3']) {
    await page.getByLabel('Search schedules by name').fill(name)
    await chooser.getByRole('checkbox', { name, exact: true }).check()
  }
  await chooser.getByRole('button', { name: 'Move Surgery 3 left' }).click()
  await chooser.getByRole('button', { name: 'Done' }).click()
  await expect(page.locator('.fd-columns[aria-busy="false"]')).toBeVisible()

  const shown = ['Consult Room 2', 'Consult Room 10', 'Dental 2', 'Surgery 3', 'Imaging']
  await expect(page.locator('.fd-column-name')).toHaveText(shown)
  await expect(chooserButton).toHaveText('Schedules shown: 5 of 40')
  const asked = scheduleRequests(sandbox.recentPaths.slice(before))
  const shownIds = await page
    .locator('section.fd-column')
    .evaluateAll((columns) => columns.map((column) => Number(column.dataset.scheduleId)))
  // Each narrowing step asked only for what was then shown; the last day load asked for exactly the five.
  expect(new Set(asked).size).toBeLessThanOrEqual(5)
  expect(asked.slice(-5).sort()).toEqual([...shownIds].sort())
  // Hours follow the shown schedules: the hidden 24-hour emergency schedule no longer starts the board at 00:00.
  await expect(page.locator('.fd-time-axis-label').first()).toHaveText('06:00')

  await page.reload()
  await goToDay(page, DAY)
  await expect(page.locator('.fd-column-name')).toHaveText(shown)
})
