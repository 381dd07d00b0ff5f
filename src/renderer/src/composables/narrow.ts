import { onBeforeUnmount, ref, type Ref } from 'vue'

/**
 * Narrower than two schedules side by side with the time axis (400 % zoom of a 1280-px-wide window is 320 CSS px,
 * WCAG 1.4.10): the board shows one schedule at a time with a switcher. The same width as the CSS media queries
 * that reflow the rest of the desk (styles.css).
 */
export const ONE_SCHEDULE_QUERY = '(max-width: 30em)'

/** Whether a media query matches now, kept up to date while the component lives. */
export function useMediaQuery(query: string): Ref<boolean> {
  const list = window.matchMedia(query)
  const matches = ref(list.matches)
  const onChange = (event: MediaQueryListEvent): void => {
    matches.value = event.matches
  }
  list.addEventListener('change', onChange)
  onBeforeUnmount(() => list.removeEventListener('change', onChange))
  return matches
}
