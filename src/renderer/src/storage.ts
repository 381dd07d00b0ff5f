// A thin, failure-tolerant wrapper over localStorage: a full or disabled storage must never break the desk.

/** Reads a JSON value, or null when absent or unreadable. */
export function readStored<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key)
    return raw === null ? null : (JSON.parse(raw) as T)
  } catch {
    return null
  }
}

/** Writes a JSON value; null removes it. */
export function writeStored(key: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(key)
    else localStorage.setItem(key, JSON.stringify(value))
  } catch {
    // Storage full or disabled: the value just is not remembered.
  }
}

/** Keys this app keeps in localStorage. */
export const storageKeys = {
  locationId: 'frontdesk.locationId',
  bookingDraft: 'frontdesk.bookingDraft',
  shownClinicians: 'frontdesk.shownClinicians',
  scheduleChoices: 'frontdesk.scheduleChoices',
} as const

/** A value read back with `readChecked`: `setAside` says one was there but failed the check. */
export interface ReadBack<T> {
  readonly value: T | null
  readonly setAside: boolean
}

/**
 * Reads a JSON value and checks it with `check` (null = not acceptable). A value that is there but unreadable or
 * refused (damaged, or saved by an older version) is moved to `<key>.setAside` for a person to look at, never thrown.
 */
export function readChecked<T>(key: string, check: (value: unknown) => T | null): ReadBack<T> {
  let raw: string | null
  try {
    raw = localStorage.getItem(key)
  } catch {
    return { value: null, setAside: false }
  }
  if (raw === null) return { value: null, setAside: false }
  try {
    const value = check(JSON.parse(raw))
    if (value !== null) return { value, setAside: false }
  } catch {
    // Not JSON: set aside below, like any other value the check refuses.
  }
  try {
    localStorage.setItem(`${key}.setAside`, raw)
    localStorage.removeItem(key)
  } catch {
    // Storage full or disabled: the value stays where it was, and is refused again next time.
  }
  return { value: null, setAside: true }
}
