// A booking call from the keyboard only, from the board with the focus anywhere (here: in the lookup box, the
// worst place — a letter would be typed there) to the reference on screen. Every key that is not typed text is
// counted; the typed text is the customer's details and the caller's words. The counts are written for `npm run bench`.
import { mkdirSync, writeFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { DateTime } from 'luxon'
import { test, expect } from './helpers/desk'

test.use({ viewport: { width: 1366, height: 768 } })

const ZONE = 'Australia/Sydney'
const counts: Record<string, { keys: number; words: number; customer: number }> = {}

/** A keyboard that counts what it presses: navigation keys, the caller's words, the customer's details. */
function countingKeyboard(page: Page) {
  const tally = { keys: 0, words: 0, customer: 0 }
  return {
    tally,
    press: async (key: string) => {
      tally.keys++
      await page.keyboard.press(key)
    },
    words: async (text: string) => {
      tally.words += text.length
      await page.keyboard.type(text)
    },
    customer: async (text: string) => {
      tally.customer += text.length
      await page.keyboard.type(text)
    },
  }
}

/** The label of the focused field, read in the page. */
const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const doc = (
      globalThis as unknown as {
        document: {
          activeElement: { id: string } | null
          querySelector(s: string): { textContent: string | null } | null
        }
      }
    ).document
    const id = doc.activeElement?.id
    return id ? (doc.querySelector(`label[for="${id}"]`)?.textContent ?? '') : ''
  })

/** The customer's details, from the first field of the form: title, names, mobile, patient; Enter books. */
async function typeCustomer(page: Page, keyboard: ReturnType<typeof countingKeyboard>) {
  await expect.poll(() => focusedLabel(page)).toContain('First name')
  await keyboard.press('Shift+Tab')
  await expect.poll(() => focusedLabel(page)).toContain('Title')
  await keyboard.customer('Mrs')
  await keyboard.press('Tab')
  await keyboard.customer('Mary')
  await keyboard.press('Tab')
  await keyboard.customer('Jones')
  await keyboard.press('Tab')
  await keyboard.customer('0412 345 678')
  await keyboard.press('Tab') // phone
  await keyboard.press('Tab') // email
  await keyboard.press('Tab')
  await expect.poll(() => focusedLabel(page)).toContain('Patient name')
  await keyboard.customer('Rex')
  await keyboard.press('Enter')
}

async function startOnTheBoard(page: Page) {
  // Focus anywhere: in the lookup box, where a plain N would only type a letter.
  await page.getByLabel('Booking reference').focus()
}

test.afterAll(() => {
  mkdirSync('.test-reports', { recursive: true })
  writeFileSync('.test-reports/phone-keys.json', JSON.stringify(counts, null, 2))
})

test('phone call: "Mrs Jones, her dog Rex, needs a vaccination tomorrow afternoon with Dr Turner"', async ({
  desk,
}) => {
  await desk.open()
  const page = desk.page
  await startOnTheBoard(page)
  const keyboard = countingKeyboard(page)
  const tomorrow = DateTime.now().setZone(ZONE).plus({ days: 1 }).toISODate() ?? ''

  await keyboard.press('Control+k')
  await expect(page.getByLabel('What the caller asks')).toBeFocused()
  await keyboard.words('vacc tomorrow pm turner')
  await keyboard.press('Enter')

  const first = page.locator('.fd-suggestion').first()
  await expect(first).toBeFocused()
  // The filters it chose are on screen, not guessed silently.
  await expect(page.locator('#next-type option:checked')).toHaveText('Vaccination')
  await expect(page.locator('#next-clinician option:checked')).toHaveText('Andrew Turner')
  await expect(page.locator('#next-part option:checked')).toHaveText(/Afternoon/)
  await expect(page.locator('#next-from')).toHaveValue(tomorrow)
  const suggestion = (await first.textContent()) ?? ''
  expect(suggestion).toContain('Vaccination · Andrew Turner')
  const startsAt = /(\d\d):(\d\d)–/.exec(suggestion)
  expect(Number(startsAt?.[1])).toBeGreaterThanOrEqual(12)
  expect(Number(startsAt?.[1])).toBeLessThan(17)
  await page.screenshot({ path: 'docs/screenshots/phone-next-available.png' })
  await keyboard.press('Enter')

  const form = page.getByRole('dialog', { name: 'New booking' })
  await expect(form).toBeVisible()
  await typeCustomer(page, keyboard)

  const reference = page.getByTestId('booking-reference')
  await expect(reference).toHaveText(/^\d+:[0-9a-f-]{36}$/)
  const booked = page.getByRole('dialog', { name: 'Booked' })
  await expect(booked).toContainText('Vaccination')
  await expect(booked).toContainText('Andrew Turner')
  await expect(booked).toContainText('Branch Clinic')
  await expect(booked).toContainText('Rex')
  await page.screenshot({ path: 'docs/screenshots/phone-confirmation.png' })

  counts['vaccination tomorrow afternoon with Dr Turner'] = keyboard.tally
  expect(keyboard.tally.keys).toBeLessThanOrEqual(12)
})

test('phone call: "Mrs Jones wants the first Friday morning with any vet at any location"', async ({
  desk,
}) => {
  await desk.open()
  const page = desk.page
  await startOnTheBoard(page)
  const keyboard = countingKeyboard(page)

  await keyboard.press('Control+k')
  await keyboard.words('fri morning any vet any location')
  await keyboard.press('Enter')

  const first = page.locator('.fd-suggestion').first()
  await expect(first).toBeFocused()
  await expect(page.locator('#next-location option:checked')).toHaveText('All locations')
  await expect(page.locator('#next-clinician option:checked')).toHaveText('Any clinician')
  await expect(page.locator('#next-part option:checked')).toHaveText(/Morning/)
  await expect(page.locator('#next-weekday option:checked')).toHaveText('Fridays')
  await expect(page.locator('.fd-result-day h3').first()).toContainText(/^\s*Fri /)
  expect(await first.textContent()).toContain('any clinician')
  await page.screenshot({ path: 'docs/screenshots/phone-any-location.png' })
  await keyboard.press('Enter')

  await expect(page.getByRole('dialog', { name: 'New booking' })).toBeVisible()
  await typeCustomer(page, keyboard)

  await expect(page.getByTestId('booking-reference')).toHaveText(/^\d+:[0-9a-f-]{36}$/)
  await expect(page.getByRole('dialog', { name: 'Booked' })).toContainText(/Fri \d/)

  counts['first Friday morning with any vet at any location'] = keyboard.tally
  expect(keyboard.tally.keys).toBeLessThanOrEqual(12)
})

test('the confirmation reads back the location and the grouped reference, and copies the practice’s text', async ({
  desk,
}) => {
  await desk.open()
  const page = desk.page
  await page.getByLabel('What the caller asks').fill('vacc')
  await page.keyboard.press('Enter')
  await page.locator('.fd-suggestion').first().press('Enter')
  await page.getByLabel('Title').fill('Mrs')
  await page.getByLabel('First name').fill('Mary')
  await page.getByLabel('Last name').fill('Jones')
  await page.getByLabel('Mobile').fill('0412 345 678')
  await page.getByLabel('Patient name').fill('Rex')
  await page.getByRole('button', { name: 'Confirm booking' }).click()

  const booked = page.getByRole('dialog', { name: 'Booked' })
  const reference = (await page.getByTestId('booking-reference').textContent())?.trim() ?? ''
  const spoken = (await page.getByTestId('booking-reference-spoken').textContent()) ?? ''
  expect(spoken.replace(/\s/g, '')).toBe(reference)
  expect(spoken).toMatch(/^\d+ : [0-9a-f]{4} [0-9a-f]{4} - /)
  await expect(booked.getByLabel('Booked appointment')).toContainText('LocationBranch Clinic')

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  const clipboard = () =>
    page.evaluate(() =>
      (
        globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
      ).navigator.clipboard.readText(),
    )
  await booked.getByRole('button', { name: 'Copy confirmation' }).click()
  await expect(booked).toContainText('Confirmation text copied.')
  const text = await clipboard()
  expect(text).toContain('Hello Mrs Jones, Rex is booked for Vaccination on ')
  expect(text).toContain('Branch Clinic')
  expect(text).toContain(`Reference: ${reference}.`)

  await booked.locator('summary').click()
  await booked.getByRole('button', { name: 'Edit the text…' }).click()
  await booked
    .getByLabel('The practice’s text')
    .fill('{patient} on {day} {time} at {location}. Ref {reference}')
  await booked.getByRole('button', { name: 'Save text' }).click()
  await page.screenshot({ path: 'docs/screenshots/confirmation-text.png' })
  await booked.getByRole('button', { name: 'Copy confirmation' }).click()
  expect(await clipboard()).toMatch(
    new RegExp(`^Rex on \\w{3} .* at Branch Clinic\\. Ref ${reference}$`),
  )
  const saved = await desk.core.dispatch('settings:getConfirmationTemplate', {})
  expect(saved).toMatchObject({ ok: true, data: { custom: true } })
})
