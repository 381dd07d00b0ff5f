// What reaches past the window's edges, and what scrolls sideways: the board's grid is the one part allowed to.
import type { Page } from '@playwright/test'

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
