// Finding a client's bookings in this desk's journal: "I booked for Rex last week, when is it?" OpenVPMS finds a
// booking only by its reference (spec §7.3), so the journal, which holds what was sent, is searched instead. Each
// entry's searchable text is built once per journal change; a keystroke is then one pass of substring tests.
import type { JournalEntry } from '../../shared/domain'

/** Bounds of one search: they keep a keystroke's work and answer small whatever the renderer sends. */
export const journalSearchLimits = {
  /** Characters of the query (longer is refused at the IPC boundary). */
  queryLength: 100,
  /** Entries in one answer; `total` still counts every match. */
  results: 100,
  /** The answer's size when the caller does not say. */
  defaultResults: 30,
} as const

/** The fewest digits that make a query a phone-number search. */
const PHONE_DIGITS = 3

interface Indexed<T extends JournalEntry> {
  readonly entry: T
  /** Names, patient, email and reference, lower case, accents removed, one per line. */
  readonly text: string
  /** Mobile and phone, digits only, one per line: "0418 976 543" and "0418-976543" read the same. */
  readonly digits: string
}

/** Lower case without accents, so "Zoë" is found by "zoe" (plain ASCII, most names, skips the normalising). */
function fold(text: string): string {
  const lower = text.toLowerCase()
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}/gu, '')
}

const digitsOf = (text: string): string => text.replace(/\D/g, '')

function indexed<T extends JournalEntry>(entry: T): Indexed<T> {
  const { draft } = entry
  return {
    entry,
    text: fold(
      [
        `${draft.firstName} ${draft.lastName}`,
        `${draft.title} ${draft.firstName} ${draft.lastName}`,
        draft.patientName,
        draft.email,
        entry.reference ?? '',
      ].join('\n'),
    ),
    digits: [digitsOf(draft.mobile), digitsOf(draft.phone)].join('\n'),
  }
}

/**
 * The journal made searchable. `update` after a change of the journal reuses what it built for entries it has seen
 * (entries are replaced, never changed in place), so only a new or settled entry is read again; a keystroke is then
 * one pass of substring tests.
 */
export class JournalIndex<T extends JournalEntry = JournalEntry> {
  #rows: readonly Indexed<T>[] = []
  #seen = new WeakMap<T, Indexed<T>>()

  constructor(entries: readonly T[] = []) {
    this.update(entries)
  }

  /** Takes the journal as it is now. Failed submissions are left out: the server refused them, so they are nobody's booking. */
  update(entries: readonly T[]): void {
    const rows: Indexed<T>[] = []
    for (const entry of entries) {
      if (entry.outcome === 'failed') continue
      let row = this.#seen.get(entry)
      if (!row) this.#seen.set(entry, (row = indexed(entry)))
      rows.push(row)
    }
    this.#rows = rows.sort(
      (a, b) =>
        b.entry.submittedAt - a.entry.submittedAt || a.entry.draft.start - b.entry.draft.start,
    )
  }

  /**
   * Entries matching the query, newest first. A query of digits (with any spaces, dashes, dots, brackets or a
   * leading +) is a phone number matched digit for digit, or part of a reference; otherwise every word of it must
   * appear in the customer's name, the patient's name, the email or the reference.
   */
  search(
    query: string,
    limit: number = journalSearchLimits.defaultResults,
  ): { entries: T[]; total: number } {
    const folded = fold(query.slice(0, journalSearchLimits.queryLength)).trim()
    if (folded === '') return { entries: [], total: 0 }
    const matches = matcher(folded)
    const max = Math.min(Math.max(limit, 0), journalSearchLimits.results)
    const entries: T[] = []
    let total = 0
    for (const row of this.#rows) {
      if (!matches(row)) continue
      total++
      if (entries.length < max) entries.push(row.entry)
    }
    return { entries, total }
  }
}

function matcher(folded: string): (row: Indexed<JournalEntry>) => boolean {
  const phone = /^\+?[\d\s\-().]+$/.test(folded) ? digitsOf(folded) : ''
  if (phone.length >= PHONE_DIGITS) {
    const compact = folded.replace(/\s+/g, '')
    return (row) => row.digits.includes(phone) || row.text.includes(compact)
  }
  const words = folded.split(/\s+/)
  return (row) => words.every((word) => row.text.includes(word))
}
