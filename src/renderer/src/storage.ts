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
} as const
