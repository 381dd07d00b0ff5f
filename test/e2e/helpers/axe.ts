// axe-core with the WCAG 2.1 A and AA rules, every impact counted: a "moderate" failure is still a failure of the
// criterion the desk claims (docs/wcag-2.1-aa.md).
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

/** The axe tags of WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** Every WCAG 2.1 A/AA violation on the whole page, one line per element ("rule: selector"), whatever its impact. */
export async function wcagViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze()
  return result.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
  )
}
