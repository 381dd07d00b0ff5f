import { onBeforeUnmount, onMounted } from 'vue'
import {
  actionFor,
  DEFAULT_SHORTCUTS,
  type ShortcutAction as SingleKeyAction,
  type ShortcutSettings,
} from '../../../shared/shortcut-keys'
import { useShortcutsStore } from '../stores/shortcuts'

/** What a shortcut does: a single-key one (settings can change or turn them off), or Ctrl+K's search. */
export type ShortcutAction = SingleKeyAction | 'search'

const TEXT_ROLES = new Set(['textbox', 'combobox', 'searchbox', 'spinbutton'])

/** Where typing must stay typing: fields (native or by role), and anything inside an open dialog. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.closest('dialog[open]')) return true
  if (TEXT_ROLES.has(target.getAttribute('role') ?? '')) return true
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/**
 * The shortcut a key press means under the receptionist's settings, or null when it is ordinary typing, carries a
 * modifier, or single-key shortcuts are off.
 */
export function shortcutFor(
  event: KeyboardEvent,
  settings: ShortcutSettings = DEFAULT_SHORTCUTS,
): ShortcutAction | null {
  if (event.defaultPrevented) return null
  // Ctrl+K (⌘K) reaches next-available from anywhere, a field included: the call starts wherever the focus was.
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
    return document.querySelector('dialog[open]') ? null : 'search'
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return null
  if (isTypingTarget(event.target)) return null
  if (document.querySelector('dialog[open]')) return null
  return actionFor(settings, event.key)
}

/** Listens for the desk's shortcuts while the component is mounted. */
export function useShortcuts(run: (action: ShortcutAction) => void): void {
  const shortcuts = useShortcutsStore()
  const onKey = (event: KeyboardEvent): void => {
    const action = shortcutFor(event, shortcuts.current)
    if (!action) return
    event.preventDefault()
    run(action)
  }
  onMounted(() => {
    window.addEventListener('keydown', onKey)
    void shortcuts.load()
  })
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey))
}
