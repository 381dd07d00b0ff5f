// What reaches past the window's edges, what scrolls sideways (the board's grid is the one part allowed to), and
// text cut off by its box.
import type { Locator, Page } from '@playwright/test'

/**
 * How far the page reaches past the window's right edge (0 when nothing needs sideways scrolling), and the
 * outermost elements that reach past either edge (a row pushed to the right runs off the left edge, where no
 * scrolling reaches it). The board's grid is left out: it may scroll both ways.
 */
export const pageOverflow = (page: Page): Promise<{ overflow: number; outside: string[] }> =>
  page.evaluate(() => {
    const width = window.innerWidth
    const out = (element: Element): boolean => {
      const box = element.getBoundingClientRect()
      return box.width > 1 && (box.right > width + 1 || box.left < -1)
    }
    const name = (element: Element): string =>
      `${element.tagName.toLowerCase()}${[...element.classList].map((c) => `.${c}`).join('')}`
    const outside = [...document.querySelectorAll('body *')]
      .filter((element) => out(element) && !element.closest('.fd-columns'))
      .filter((element) => !element.parentElement || !out(element.parentElement))
      .map(name)
    return { overflow: (document.scrollingElement?.scrollWidth ?? 0) - width, outside }
  })

/** Every box that scrolls sideways and needs to, other than the board's grid: each one is two-way scrolling. */
export const sidewaysScrollers = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((element) => {
        const overflow = getComputedStyle(element).overflowX
        return (
          (overflow === 'auto' || overflow === 'scroll') &&
          element.scrollWidth > element.clientWidth + 1 &&
          element.getClientRects().length > 0 &&
          !element.closest('.fd-columns')
        )
      })
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`),
  )

/**
 * Text cut off: an element that clips its overflow (hidden or clip, not a scroll box) while its text needs more room
 * than it has. The board's drawing is left out: it is hidden from assistive technology and its words ("Booked")
 * are repeated in the schedule's listbox and the board's key.
 */
export const clippedText = (page: Page, within: string): Promise<string[]> =>
  page.evaluate((selector) => {
    const clips = (value: string): boolean => value === 'hidden' || value === 'clip'
    return [...document.querySelectorAll<HTMLElement>(`${selector} *`)]
      .filter((element) => {
        if (
          element.closest('.fd-column-body, .fd-visually-hidden') ||
          element.getClientRects().length === 0
        )
          return false
        if (
          ![...element.childNodes].some((node) => node.nodeType === 3 && node.textContent?.trim())
        )
          return false
        const style = getComputedStyle(element)
        return (
          (clips(style.overflowX) && element.scrollWidth > element.clientWidth + 1) ||
          (clips(style.overflowY) && element.scrollHeight > element.clientHeight + 1)
        )
      })
      .map((element) => `${element.tagName.toLowerCase()} “${element.textContent?.trim()}”`)
  }, within)

/** How many lines an element's text takes as laid out (its text's line boxes, told apart by their height). */
export const textLines = (locator: Locator): Promise<number> =>
  locator.evaluate((element) => {
    const lines: { top: number; bottom: number }[] = []
    const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT)
    while (walker.nextNode()) {
      const range = element.ownerDocument.createRange()
      range.selectNodeContents(walker.currentNode)
      for (const box of range.getClientRects()) {
        if (box.width === 0) continue
        const middle = box.top + box.height / 2
        if (!lines.some((line) => middle > line.top && middle < line.bottom))
          lines.push({ top: box.top, bottom: box.bottom })
      }
    }
    return lines.length
  })

/** Whether an input's placeholder fits inside it, measured in the placeholder's own font. */
export const placeholderFits = (locator: Locator): Promise<boolean> =>
  locator.evaluate((input: HTMLInputElement) => {
    const style = getComputedStyle(input, '::placeholder')
    const box = getComputedStyle(input)
    const context = document.createElement('canvas').getContext('2d')!
    context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
    const room = input.clientWidth - parseFloat(box.paddingLeft) - parseFloat(box.paddingRight)
    return context.measureText(input.placeholder).width <= room
  })
