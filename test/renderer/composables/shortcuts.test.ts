import { afterEach, describe, expect, it } from 'vitest'
import { shortcutFor } from '../../../src/renderer/src/composables/shortcuts'
import { DEFAULT_SHORTCUT_KEYS, DEFAULT_SHORTCUTS } from '../../../src/shared/shortcut-keys'

function press(
  key: string,
  target: EventTarget = document.body,
  init: KeyboardEventInit = {},
): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, ...init })
  Object.defineProperty(event, 'target', { value: target })
  return event
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('shortcutFor', () => {
  it('maps the desk keys to their actions', () => {
    expect(
      ['n', 'L', '/', 't', 'ArrowLeft', '[', ']', 'ArrowRight', '?'].map((key) =>
        shortcutFor(press(key)),
      ),
    ).toEqual([
      'newBooking',
      'lookup',
      'lookup',
      'today',
      'previousDay',
      'previousDay',
      'nextDay',
      'nextDay',
      'help',
    ])
  })

  it('leaves typing alone: in fields, with modifiers, and while a dialog is open', () => {
    const input = document.createElement('input')
    document.body.append(input)
    const dialog = document.createElement('dialog')
    dialog.setAttribute('open', '')

    const inField = shortcutFor(press('n', input))
    const withCtrl = shortcutFor(press('t', document.body, { ctrlKey: true }))
    document.body.append(dialog)
    const underDialog = shortcutFor(press('t'))

    expect([inField, withCtrl, underDialog]).toEqual([null, null, null])
  })
})

describe('Ctrl+K', () => {
  it('reaches next-available from anywhere, a field included, but not from under a dialog', () => {
    const input = document.createElement('input')
    document.body.append(input)

    const fromField = shortcutFor(press('k', input, { ctrlKey: true }))
    const fromMac = shortcutFor(press('k', document.body, { metaKey: true }))
    const plainK = shortcutFor(press('k', input))
    const dialog = document.createElement('dialog')
    dialog.setAttribute('open', '')
    document.body.append(dialog)
    const underDialog = shortcutFor(press('k', document.body, { ctrlKey: true }))

    expect([fromField, fromMac, plainK, underDialog]).toEqual(['search', 'search', null, null])
  })
})

describe('shortcutFor under the receptionist’s settings (WCAG 2.1.4)', () => {
  it('does nothing for single keys once they are turned off; Ctrl+K still searches', () => {
    const off = { ...DEFAULT_SHORTCUTS, enabled: false }

    const single = ['n', 't', ']', '?', 's'].map((key) => shortcutFor(press(key), off))
    const search = shortcutFor(press('k', document.body, { ctrlKey: true }), off)

    expect(single).toEqual([null, null, null, null, null])
    expect(search).toBe('search')
  })

  it('follows a remapped key, and the old key stops acting', () => {
    const remapped = {
      enabled: true,
      keys: { ...DEFAULT_SHORTCUT_KEYS, today: ['h'] },
    }

    expect(shortcutFor(press('H'), remapped)).toBe('today')
    expect(shortcutFor(press('t'), remapped)).toBeNull()
  })

  it('leaves typing alone in anything that takes text by its role', () => {
    const box = document.createElement('div')
    box.setAttribute('role', 'combobox')
    document.body.append(box)

    expect(shortcutFor(press('n', box))).toBeNull()
  })
})
