import {
  DEFAULT_CONFIRMATION_TEMPLATE,
  type ConfirmationTemplate,
} from '../../shared/confirmation-text'
import type { Handlers } from '../ipc/handle'
import { readConfirmationTemplate, writeConfirmationTemplate } from './settings'

const answer = (template: string | null): ConfirmationTemplate =>
  template === null
    ? { template: DEFAULT_CONFIRMATION_TEMPLATE, custom: false }
    : { template, custom: true }

/** The settings:* channels: the practice's confirmation text template, kept in settings.json. */
export const settingsHandlers = (
  settingsFile: string,
): Pick<Handlers, 'settings:getConfirmationTemplate' | 'settings:setConfirmationTemplate'> => ({
  'settings:getConfirmationTemplate': async () =>
    answer(await readConfirmationTemplate(settingsFile)),
  'settings:setConfirmationTemplate': async ({ template }) => {
    // An empty or default text is the default: nothing of the practice's to keep.
    const kept =
      template === null || template.trim() === '' || template === DEFAULT_CONFIRMATION_TEMPLATE
        ? null
        : template
    await writeConfirmationTemplate(settingsFile, kept)
    return answer(kept)
  },
})
