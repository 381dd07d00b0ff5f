import { afterEach, describe, expect, it } from 'vitest'
import { shortcutFor } from '../../../src/renderer/src/composables/shortcuts'

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
