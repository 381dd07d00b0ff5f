import { test, expect } from './helpers/desk'

test('the demo clinic opens on today', async ({ desk }) => {
  await desk.open()

  await expect(desk.page.getByRole('region', { name: 'Demo clinic' })).toBeVisible()
  await desk.page.screenshot({ path: '/tmp/shot-board.png' })
})
