import {
  DEFAULT_CONFIRMATION_TEMPLATE,
  type ConfirmationTemplate,
} from '../../shared/confirmation-text'
import { DEFAULT_SHORTCUTS } from '../../shared/shortcut-keys'
import type { Handlers } from '../ipc/handle'
import {
  readConfirmationTemplate,
  readShortcuts,
  writeConfirmationTemplate,
  writeShortcuts,
} from './settings'

const answer = (template: string | null): ConfirmationTemplate =>
  template === null
    ? { template: DEFAULT_CONFIRMATION_TEMPLATE, custom: false }
    : { template, custom: true }

/** The settings:* channels: the practice's confirmation text template and the shortcuts, kept in settings.json. */
export const settingsHandlers = (
  settingsFile: string,
): Pick<
  Handlers,
  | 'settings:getConfirmationTemplate'
  | 'settings:setConfirmationTemplate'
  | 'settings:getShortcuts'
  | 'settings:setShortcuts'
> => ({
  'settings:getShortcuts': async () => (await readShortcuts(settingsFile)) ?? DEFAULT_SHORTCUTS,
  'settings:setShortcuts': async ({ shortcuts }) => {
    await writeShortcuts(settingsFile, shortcuts)
    return shortcuts ?? DEFAULT_SHORTCUTS
  },
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
