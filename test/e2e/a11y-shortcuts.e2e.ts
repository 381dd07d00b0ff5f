// WCAG 2.1.4: single-key shortcuts can be turned off or given other keys, kept in settings.json across restarts.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { addDays } from '../../src/shared/time'
import { wcagViolations } from './helpers/axe'
import { test, expect } from './helpers/desk'

test('single-key shortcuts turned off stay off after a restart; a remapped key acts instead of the old one', async ({
  desk,
}) => {
  await desk.open()
  const page = desk.page
  const dateBox = page.getByLabel('Date', { exact: true })
  const today = await dateBox.inputValue()
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })

  await page.keyboard.press('?')
  await expect(help).toBeVisible()
  await page.screenshot({ path: 'docs/screenshots/shortcuts.png' })
  expect(await wcagViolations(page)).toEqual([])
  await help.getByLabel('Single-key shortcuts').uncheck()
  await help.getByRole('button', { name: 'Save shortcuts' }).click()
  await expect(help).toContainText('Kept.')
  await page.keyboard.press('Escape')
  await page.keyboard.press(']')
  await page.keyboard.press('?')

  await expect(help).toBeHidden()
  await expect(dateBox).toHaveValue(today)
  const kept = JSON.parse(readFileSync(join(desk.userDataDir, 'settings.json'), 'utf8'))
  expect(kept.shortcuts.enabled).toBe(false)

  await page.reload()
  await expect(page.locator('.fd-column').first()).toBeVisible()
  await page.keyboard.press(']')
  await expect(dateBox).toHaveValue(today)

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click()
  await expect(help).toBeVisible()
  await help.getByLabel('Single-key shortcuts').check()
  await help.getByLabel('Key for: Today').press('h')
  await expect(help.getByLabel('Key for: Today')).toHaveValue('H')
  await help.getByRole('button', { name: 'Save shortcuts' }).click()
  await expect(help).toContainText('Kept.')
  await page.keyboard.press('Escape')
  await page.keyboard.press(']')
  await expect(dateBox).toHaveValue(addDays(today, 1))
  await page.keyboard.press('t')
  await expect(dateBox).toHaveValue(addDays(today, 1))
  await page.keyboard.press('h')
  await expect(dateBox).toHaveValue(today)
})
