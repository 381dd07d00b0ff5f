import { defineStore } from 'pinia'
import { ref } from 'vue'
import { DEFAULT_SHORTCUTS, type ShortcutSettings } from '../../../shared/shortcut-keys'
import type { AppError } from '../../../shared/result'
import { api } from '../api'
import { unreachable } from './request'

/** The single-key shortcuts as the receptionist set them (settings.json, through main). */
export const useShortcutsStore = defineStore('shortcuts', () => {
  const current = ref<ShortcutSettings>(DEFAULT_SHORTCUTS)
  const error = ref<AppError | null>(null)

  async function load(): Promise<void> {
    try {
      const result = await api.settings.getShortcuts({})
      if (result.ok) current.value = result.data
      else error.value = result.error
    } catch (cause) {
      error.value = unreachable(cause)
    }
  }

  /** Keeps the settings; null goes back to the desk's keys. True when kept. */
  async function save(settings: ShortcutSettings | null): Promise<boolean> {
    try {
      const result = await api.settings.setShortcuts({ shortcuts: settings })
      if (!result.ok) {
        error.value = result.error
        return false
      }
      current.value = result.data
      error.value = null
      return true
    } catch (cause) {
      error.value = unreachable(cause)
      return false
    }
  }

  function $reset(): void {
    error.value = null
    current.value = DEFAULT_SHORTCUTS
  }

  return { current, error, load, save, $reset }
})
