import { onBeforeUnmount, onMounted } from 'vue'

/** What a shortcut does. */
export type ShortcutAction =
  | 'newBooking'
  | 'search'
  | 'lookup'
  | 'today'
  | 'previousDay'
  | 'nextDay'
  | 'board'
  | 'bookWith'
  | 'help'

const keys: Readonly<Record<string, ShortcutAction>> = {
  n: 'newBooking',
  N: 'newBooking',
  l: 'lookup',
  L: 'lookup',
  '/': 'lookup',
  t: 'today',
  T: 'today',
  ArrowLeft: 'previousDay',
  '[': 'previousDay',
  ArrowRight: 'nextDay',
  ']': 'nextDay',
  s: 'board',
  S: 'board',
  b: 'bookWith',
  B: 'bookWith',
  '?': 'help',
}

/** Where typing must stay typing: fields, and anything inside an open dialog. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.closest('dialog[open]')) return true
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/** The shortcut a key press means, or null when it is ordinary typing or carries a modifier. */
export function shortcutFor(event: KeyboardEvent): ShortcutAction | null {
  if (event.defaultPrevented) return null
  // Ctrl+K (⌘K) reaches next-available from anywhere, a field included: the call starts wherever the focus was.
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
    return document.querySelector('dialog[open]') ? null : 'search'
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return null
  if (isTypingTarget(event.target)) return null
  if (document.querySelector('dialog[open]')) return null
  return keys[event.key] ?? null
}

/** Listens for the desk's shortcuts while the component is mounted. */
export function useShortcuts(run: (action: ShortcutAction) => void): void {
  const onKey = (event: KeyboardEvent): void => {
    const action = shortcutFor(event)
    if (!action) return
    event.preventDefault()
    run(action)
  }
  onMounted(() => window.addEventListener('keydown', onKey))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey))
}
