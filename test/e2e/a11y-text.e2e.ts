// WCAG 1.4.4 Resize text and 1.4.12 Text spacing, on the board and the booking form. Text is made bigger in the desk
// the way Electron offers it, by zooming the window (Ctrl +): 200 % on a 1366×768 screen lays the page out in
// 683×384 CSS px at two device pixels each. Text spacing is the WCAG bookmarklet's: line height 1.5, paragraphs
// 2 em apart, letters 0.12 em and words 0.16 em, on every element, at the reception PC's 1366×768.
import type { Locator, Page } from '@playwright/test'
import { clickSlot, goToDay } from './helpers/board'
import { clippedText, pageOverflow } from './helpers/overflow'
import { test, expect, type Desk } from './helpers/desk'
import { firstFreeSlot } from './helpers/slots'

const ZONE = 'Australia/Sydney'
const SCHEDULE = 136 // Main Appointment Schedule, 15-minute slots (seed guide)

type Box = { x: number; y: number; width: number; height: number }

/** The board's controls a receptionist needs to reach, by name. */
function boardControls(page: Page): Record<string, Locator> {
  return {
    location: page.getByLabel('Location'),
    previousDay: page.getByRole('button', { name: 'Previous day' }),
    today: page.getByRole('button', { name: 'Today', exact: true }),
    nextDay: page.getByRole('button', { name: 'Next day' }),
    date: page.getByLabel('Date', { exact: true }),
    shortcuts: page.getByRole('button', { name: 'Keyboard shortcuts' }),
    chooser: page.getByRole('button', { name: /^Schedules shown/ }),
    bookWith: page.getByLabel('Book with'),
    firstSchedule: page.locator('section.fd-column h2').first(),
    lastSchedule: page.locator('section.fd-column h2').last(),
    lookup: page.getByLabel('Booking reference'),
    find: page.getByRole('button', { name: 'Find', exact: true }),
  }
}

/** The booking form's fields and buttons. */
function formControls(page: Page): Record<string, Locator> {
  const form = page.getByRole('dialog', { name: 'New booking' })
  return {
    close: form.getByRole('button', { name: 'Close' }),
    firstName: form.getByLabel('First name'),
    lastName: form.getByLabel('Last name'),
    mobile: form.getByLabel('Mobile'),
    phone: form.getByLabel('Phone'),
    email: form.getByLabel('Email'),
    patient: form.getByLabel('Patient name'),
    clinician: form.getByLabel('Clinician'),
    notes: form.getByLabel('Notes'),
    discard: form.getByRole('button', { name: 'Discard' }),
    waitlist: form.getByRole('button', { name: 'Add to waitlist' }),
    confirm: form.getByRole('button', { name: 'Confirm booking' }),
  }
}

const overlap = (a: Box, b: Box): boolean =>
  Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 1 &&
  Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 1

/**
 * What is wrong with the controls as laid out: one missing or of no size when scrolled to, reaching outside the
 * window's width, or lying over another. Overlaps are measured with every scroll back at its start, where the
 * boxes are the layout's own.
 */
async function layoutProblems(page: Page, controls: Record<string, Locator>): Promise<string[]> {
  const width = page.viewportSize()!.width
  const problems: string[] = []
  for (const [name, control] of Object.entries(controls)) {
    await control.scrollIntoViewIfNeeded()
    const box = await control.boundingBox()
    if (!box || box.width < 4 || box.height < 4 || !(await control.isVisible()))
      problems.push(`${name} cannot be seen`)
    else if (box.x < -1 || box.x + box.width > width + 1)
      problems.push(`${name} reaches outside the window`)
  }
  await page.evaluate(() => {
    for (const element of document.querySelectorAll('*')) element.scrollTo(0, 0)
    window.scrollTo(0, 0)
  })
  const boxes: [string, Box][] = []
  for (const [name, control] of Object.entries(controls)) {
    const box = await control.boundingBox()
    if (box) boxes.push([name, box])
  }
  for (const [index, [name, box]] of boxes.entries())
    for (const [other, otherBox] of boxes.slice(index + 1))
      if (overlap(box, otherBox)) problems.push(`${name} lies over ${other}`)
  return problems
}

/** The board of a day with free time at Main Clinic, and its booking form opened on a free slot. */
async function openBoardAndForm(
  desk: Desk,
  screenshots: string,
): Promise<{ board: string[]; form: string[] }> {
  const { client } = await desk.connectTo()
  const { date, slot } = await firstFreeSlot(client, SCHEDULE, ZONE, 15)
  await desk.open()
  const page = desk.page
  await page.getByLabel('Location').selectOption({ label: 'Main Clinic' })
  await goToDay(page, date)
  const board = [
    ...(await layoutProblems(page, boardControls(page))),
    ...(await clippedText(page, 'body')),
  ]
  await page.screenshot({ path: `docs/screenshots/${screenshots}-board.png` })
  await clickSlot(page, SCHEDULE, slot.start, ZONE)
  await page.getByRole('button', { name: /Short Consult/ }).click()
  await page.getByRole('dialog', { name: 'New booking' }).getByLabel('First name').fill('Judith')
  const form = [
    ...(await layoutProblems(page, formControls(page))),
    ...(await clippedText(page, 'dialog[open]')),
  ]
  await page.screenshot({ path: `docs/screenshots/${screenshots}-form.png` })
  return { board, form }
}

test.describe('text at 200 % (the window zoomed, Ctrl +)', () => {
  test.use({ viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 })

  test('the board and the booking form keep every control whole, apart and inside the window', async ({
    desk,
  }) => {
    const { board, form } = await openBoardAndForm(desk, 'text-200')

    expect(board).toEqual([])
    expect(form).toEqual([])
    expect(await pageOverflow(desk.page)).toEqual({ overflow: 0, outside: [] })
  })
})

test.describe('text spacing (WCAG 1.4.12)', () => {
  test('line, paragraph, letter and word spacing widened lose no text on the board or the booking form', async ({
    desk,
  }) => {
    // The bookmarklet's rules, through the CSSOM: the page's policy refuses a <style> element, not a sheet built in script.
    await desk.page.addInitScript(() => {
      const sheet = new CSSStyleSheet()
      sheet.replaceSync(
        `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
         p { margin-bottom: 2em !important; }`,
      )
      document.addEventListener('DOMContentLoaded', () => {
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
      })
    })

    const { board, form } = await openBoardAndForm(desk, 'text-spacing')

    expect(board).toEqual([])
    expect(form).toEqual([])
  })
})
