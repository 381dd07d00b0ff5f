import { defineStore } from 'pinia'
import { ref } from 'vue'
import {
  DEFAULT_CONFIRMATION_TEMPLATE,
  type ConfirmationTemplate,
} from '../../../shared/confirmation-text'
import type { AppError } from '../../../shared/result'
import { api } from '../api'
import { unreachable } from './request'

/** The practice's confirmation text template (settings.json, through main). */
export const useConfirmationTextStore = defineStore('confirmationText', () => {
  const current = ref<ConfirmationTemplate>({
    template: DEFAULT_CONFIRMATION_TEMPLATE,
    custom: false,
  })
  const error = ref<AppError | null>(null)
  let loaded = false

  async function load(): Promise<void> {
    if (loaded) return
    try {
      const result = await api.settings.getConfirmationTemplate({})
      if (result.ok) {
        current.value = result.data
        loaded = true
      } else error.value = result.error
    } catch (cause) {
      error.value = unreachable(cause)
    }
  }

  /** Keeps the practice's text; null goes back to the default. True when kept. */
  async function save(template: string | null): Promise<boolean> {
    try {
      const result = await api.settings.setConfirmationTemplate({ template })
      if (!result.ok) {
        error.value = result.error
        return false
      }
      current.value = result.data
      error.value = null
      loaded = true
      return true
    } catch (cause) {
      error.value = unreachable(cause)
      return false
    }
  }

  function $reset(): void {
    loaded = false
    error.value = null
    current.value = { template: DEFAULT_CONFIRMATION_TEMPLATE, custom: false }
  }

  return { current, error, load, save, $reset }
})
