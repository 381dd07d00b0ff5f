// The desk's single-key shortcuts as the receptionist set them (kept in settings.json by main): WCAG 2.1.4 asks that
// character-key shortcuts can be turned off or remapped, and act only where typing is not going on.
import { z } from 'zod'

/** What a single-key shortcut does (Ctrl+K for next available is not one: it needs a modifier). */
export const shortcutActions = [
  'newBooking',
  'lookup',
  'today',
  'previousDay',
  'nextDay',
  'board',
  'bookWith',
  'help',
] as const
export type ShortcutAction = (typeof shortcutActions)[number]

/** The keys of each action; the first is the one shown and changed in settings, the rest are aliases. */
export type ShortcutKeys = Readonly<Record<ShortcutAction, readonly string[]>>

/** Whether single-key shortcuts act at all, and which key does what. */
export interface ShortcutSettings {
  readonly enabled: boolean
  readonly keys: ShortcutKeys
}

export const DEFAULT_SHORTCUT_KEYS: ShortcutKeys = {
  newBooking: ['n'],
  lookup: ['l', '/'],
  today: ['t'],
  previousDay: ['[', 'ArrowLeft'],
  nextDay: [']', 'ArrowRight'],
  board: ['s'],
  bookWith: ['b'],
  help: ['?'],
}

export const DEFAULT_SHORTCUTS: ShortcutSettings = { enabled: true, keys: DEFAULT_SHORTCUT_KEYS }

/** Named keys a shortcut may use besides one printable character. */
const NAMED_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'])

/** One printable character (not a space) or an arrow key. */
export const isShortcutKey = (key: string): boolean =>
  NAMED_KEYS.has(key) || (key.length === 1 && key.trim() === key && key !== '')

/** The same key whatever the Shift or Caps Lock state for letters ('N' is 'n'). */
export const normaliseKey = (key: string): string => (key.length === 1 ? key.toLowerCase() : key)

const keyList = z
  .array(z.string().max(12).refine(isShortcutKey, 'A shortcut is one character or an arrow key.'))
  .max(3)
  .readonly()

/** Shortcut settings as sent and stored: every action present, no key used twice. */
export const shortcutSettingsSchema = z
  .strictObject({
    enabled: z.boolean(),
    keys: z.strictObject(
      Object.fromEntries(shortcutActions.map((action) => [action, keyList])) as Record<
        ShortcutAction,
        typeof keyList
      >,
    ),
  })
  .superRefine((value, context) => {
    const duplicate = duplicateKey(value.keys)
    if (duplicate)
      context.addIssue({ code: 'custom', message: `“${duplicate}” is used by two shortcuts.` })
  })

/** A key bound to two actions, or null. */
export function duplicateKey(keys: ShortcutKeys): string | null {
  const seen = new Set<string>()
  for (const action of shortcutActions)
    for (const key of keys[action]) {
      const normal = normaliseKey(key)
      if (seen.has(normal)) return key
      seen.add(normal)
    }
  return null
}

/** The action a key means under these settings, or null. */
export function actionFor(settings: ShortcutSettings, key: string): ShortcutAction | null {
  if (!settings.enabled) return null
  const normal = normaliseKey(key)
  return (
    shortcutActions.find((action) =>
      settings.keys[action].some((candidate) => normaliseKey(candidate) === normal),
    ) ?? null
  )
}
