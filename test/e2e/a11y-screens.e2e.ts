// WCAG 2.1 A/AA through axe on every screen, at the reception PC's 1366×768, with no impact filtered out.
import { wcagViolations } from './helpers/axe'
import { test, expect } from './helpers/desk'
import { EVERY_SCREEN, walkEveryScreen } from './helpers/screens'

test('axe finds no WCAG 2.1 A/AA violation on any screen', async ({ desk }) => {
  // Fourteen screens, each with a whole-page axe run: longer than one test's usual minute on a loaded machine.
  test.setTimeout(240_000)
  const found: string[] = []
  const checked: string[] = []

  await walkEveryScreen(desk, async (screen) => {
    checked.push(screen)
    for (const violation of await wcagViolations(desk.page)) found.push(`${screen}: ${violation}`)
  })

  expect(checked).toEqual(EVERY_SCREEN)
  expect(found).toEqual([])
})
