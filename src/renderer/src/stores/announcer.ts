import { defineStore } from 'pinia'
import { ref } from 'vue'

/**
 * What a screen reader hears about outcomes: two live regions present from page load (TheLiveRegions), one polite
 * for results and one assertive for failures. A live region inserted with its text already in it is often not
 * read, so the regions stay and only their text changes.
 */
export const useAnnouncerStore = defineStore('announcer', () => {
  const polite = ref('')
  const assertive = ref('')
  let count = 0
  const pending = { polite: 0, assertive: 0 }

  /**
   * Says a sentence. The same sentence twice in a row is still read: the region is emptied first and the text
   * comes back a moment later (a timer, not a frame: frames stop in a hidden window), which screen readers take as
   * a change. A trailing no-break space on every other announcement makes the text itself differ as well.
   */
  function say(text: string, urgency: 'polite' | 'assertive' = 'polite'): void {
    const region = urgency === 'assertive' ? assertive : polite
    const sentence = count++ % 2 === 0 ? text : `${text}\u00a0`
    region.value = ''
    clearTimeout(pending[urgency])
    // A failure replaces what was last said politely (an old "Sending…" is never heard after the failure).
    if (urgency === 'assertive') {
      clearTimeout(pending.polite)
      polite.value = ''
    }
    pending[urgency] = window.setTimeout(() => {
      region.value = sentence
    }, 50)
  }

  function $reset(): void {
    clearTimeout(pending.polite)
    clearTimeout(pending.assertive)
    polite.value = ''
    assertive.value = ''
  }

  return { polite, assertive, say, $reset }
})
