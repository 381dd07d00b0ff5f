// This desk's own record of every booking it submitted. OpenVPMS never returns a booking's notes nor a new
// customer's name, and GET of a booking fails on the latest known server (spec §7.3, §11.1): the journal is what
// the desk can show instead. One JSON file, rewritten atomically, so a crash mid-write never loses it.
import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import { z } from 'zod'
import type {
  BookingDraft,
  Instant,
  IsoDate,
  JournalEntry,
  JournalLabels,
  JournalSearchResult,
  SeriesLink,
} from '../../shared/domain'
import { AppFailure, type AppError } from '../../shared/result'
import { isoDateOf } from '../../shared/time'
import { bookingDraftSchema } from '../../shared/booking-draft'
import type { Logger } from '../ipc/handle'
import type { Emit } from '../calendar/service'
import { readKeptFile, rejoinKept, writeFileAtomic } from '../atomic-file'
import { JournalIndex } from './journal-search'

/** The journal's collaborators. */
export interface JournalDeps {
  /** The JSON file in the user-data folder: one per clinic server and account, one for the demo. */
  readonly file: string
  readonly emit: Emit
  readonly log?: Logger
  /** The zone `list({ date })` counts days in: the computer's own by default (the desk's working day). */
  readonly zone?: string
  /** Days of history kept (default 400): older entries are dropped when the journal is read or written. */
  readonly retentionDays?: number
  /** The clock retention counts from (tests fix it). */
  readonly now?: () => Instant
  /** Reads the file as text (fs by default; tests make it fail the way a locked or busy file does). */
  readonly read?: (file: string) => Promise<string>
}

/** How long the journal keeps an entry by default: a year and a bit, so last year's visit can still be found. */
export const DEFAULT_RETENTION_DAYS = 400
const DAY_MS = 86_400_000

/** How a submission ended. */
export interface Settlement {
  readonly outcome: JournalEntry['outcome']
  readonly reference?: string | null
  readonly message: string | null
  /** The time showed as taken after no answer came: probably this desk's own booking (unconfirmed). */
  readonly seenTakenAt?: Instant
}

interface StoredEntry extends JournalEntry {
  readonly id: string
}

const labelsSchema = z.object({
  location: z.string(),
  timeZone: z.string(),
  schedule: z.string(),
  appointmentType: z.string(),
  clinician: z.string().nullable(),
})

const seriesSchema = z.object({
  id: z.string(),
  index: z.number().int(),
  count: z.number().int(),
})

const fileSchema = z.object({
  version: z.literal(1),
  entries: z.array(
    z.object({
      id: z.string(),
      reference: z.string().nullable(),
      draft: bookingDraftSchema,
      submittedAt: z.number(),
      outcome: z.enum(['booked', 'cancelled', 'failed', 'unknown']),
      message: z.string().nullable(),
      seenTakenAt: z.number().optional(),
      labels: labelsSchema.optional(),
      series: seriesSchema.optional(),
    }),
  ),
})

function unreadableError(reason: string): AppError {
  return {
    code: 'STORAGE',
    message: `The booking journal cannot be read just now (${reason}). Bookings made meanwhile are kept and will be added to it once it can be read; nothing in it is lost.`,
  }
}

const publicEntry = ({ id: _id, ...entry }: StoredEntry): JournalEntry => entry

/** The booking journal: every submission with its reference, draft, time, outcome and message. */
export class BookingJournal {
  readonly #deps: JournalDeps
  #entries: StoredEntry[] | null = null
  #loading: Promise<StoredEntry[]> | null = null
  /** Why the file cannot be read right now (an errno code), or null when it can. */
  #unreadable: string | null = null
  /** What the desk must be told about the file (a damaged one set aside), or null. */
  #notice: string | null = null
  #writing: Promise<void> = Promise.resolve()
  readonly #index = new JournalIndex<StoredEntry>()
  /** The index no longer reflects the entries: a change since it was last updated. */
  #stale = true

  constructor(deps: JournalDeps) {
    this.#deps = deps
  }

  /** Records a submission before it is sent (outcome `unknown` until settled), so a crash mid-request leaves a trace. */
  async record(
    draft: BookingDraft,
    submittedAt: Instant,
    labels?: JournalLabels,
    series?: SeriesLink,
  ): Promise<string> {
    const entries = await this.#load()
    const id = randomUUID()
    entries.push({
      id,
      reference: null,
      draft,
      submittedAt,
      outcome: 'unknown',
      message: null,
      ...(labels && { labels }),
      ...(series && { series }),
    })
    await this.#changed()
    return id
  }

  /** Records how a submission ended. */
  async settle(id: string, settlement: Settlement): Promise<void> {
    const entries = await this.#load()
    const index = entries.findIndex((entry) => entry.id === id)
    const entry = entries[index]
    if (!entry) return
    entries[index] = {
      ...entry,
      outcome: settlement.outcome,
      message: settlement.message,
      reference: settlement.reference === undefined ? entry.reference : settlement.reference,
      ...(settlement.outcome === 'unknown' &&
        settlement.seenTakenAt !== undefined && { seenTakenAt: settlement.seenTakenAt }),
    }
    await this.#changed()
  }

  /**
   * Replaces the message of a submission whose outcome is still unknown (what the desk saw when it looked again),
   * and marks it probably booked when the time was seen taken.
   */
  async revise(id: string, message: string, seenTakenAt?: Instant): Promise<void> {
    const entries = await this.#load()
    const index = entries.findIndex((entry) => entry.id === id && entry.outcome === 'unknown')
    const entry = entries[index]
    if (!entry) return
    entries[index] = {
      ...entry,
      message,
      ...(seenTakenAt !== undefined && { seenTakenAt: entry.seenTakenAt ?? seenTakenAt }),
    }
    await this.#changed()
  }

  /**
   * Marks the unanswered submissions whose time `isTaken` says is now taken, and not marked yet, as probably this
   * desk's booking (unconfirmed), with the message `messageOf` gives each. How many were marked.
   */
  async markSeenTaken(
    isTaken: (entry: JournalEntry) => boolean,
    seenTakenAt: Instant,
    messageOf: (entry: JournalEntry) => string,
  ): Promise<number> {
    const entries = await this.#load()
    let marked = 0
    entries.forEach((entry, index) => {
      if (entry.outcome !== 'unknown' || entry.seenTakenAt !== undefined) return
      if (!isTaken(publicEntry(entry))) return
      entries[index] = { ...entry, seenTakenAt, message: messageOf(publicEntry(entry)) }
      marked++
    })
    if (marked > 0) await this.#changed()
    return marked
  }

  /** The latest entry with this reference, if this desk made that booking. */
  async find(reference: string): Promise<JournalEntry | null> {
    const entries = await this.#load()
    const found = entries.findLast((entry) => entry.reference === reference)
    return found ? publicEntry(found) : null
  }

  /**
   * The booked appointments of the course the booking with this reference belongs to, from it on, in date order;
   * empty when it is not part of a course made at this desk.
   */
  async laterInSeries(reference: string): Promise<JournalEntry[]> {
    const entries = await this.#load()
    const from = entries.findLast((entry) => entry.reference === reference)
    if (!from?.series) return []
    const id = from.series.id
    return entries
      .filter(
        (entry) =>
          entry.series?.id === id &&
          entry.reference !== null &&
          entry.outcome === 'booked' &&
          entry.draft.start >= from.draft.start,
      )
      .sort((a, b) => a.draft.start - b.draft.start)
      .map(publicEntry)
  }

  /** Marks the booking with this reference cancelled; false when this desk did not make it. */
  async markCancelled(reference: string, message: string | null): Promise<boolean> {
    const entries = await this.#load()
    let found = false
    entries.forEach((entry, index) => {
      if (entry.reference !== reference) return
      found = true
      entries[index] = { ...entry, outcome: 'cancelled', message }
    })
    if (found) await this.#changed()
    return found
  }

  /**
   * Entries, newest first; with `date`, only those submitted on that day (in the desk's zone). STORAGE while the
   * file cannot be read: the panel says so, and what this desk records meanwhile is kept until it can be.
   */
  /** What the journal panel must say about the file itself (a damaged one set aside at start), or null. */
  async notice(): Promise<string | null> {
    await this.#load().catch(() => undefined)
    return this.#notice
  }

  async list(filter: { readonly date?: IsoDate } = {}): Promise<JournalEntry[]> {
    const entries = await this.#load()
    if (this.#unreadable !== null) throw new AppFailure(unreadableError(this.#unreadable))
    const zone = this.#deps.zone ?? 'system'
    return entries
      .filter(
        (entry) => filter.date === undefined || isoDateOf(entry.submittedAt, zone) === filter.date,
      )
      .sort((a, b) => b.submittedAt - a.submittedAt)
      .map(publicEntry)
  }

  /**
   * The bookings of one appointment day (in each booking's location zone, the desk's when it was not recorded), by
   * start time; failed submissions, which booked nothing, are left out.
   */
  async listDay(date: IsoDate): Promise<JournalEntry[]> {
    const entries = await this.#load()
    const deskZone = this.#deps.zone ?? 'system'
    return entries
      .filter(
        (entry) =>
          entry.outcome !== 'failed' &&
          isoDateOf(entry.draft.start, entry.labels?.timeZone ?? deskZone) === date,
      )
      .sort((a, b) => a.draft.start - b.draft.start || a.submittedAt - b.submittedAt)
      .map(publicEntry)
  }

  /** Entries whose customer, contact, patient or reference match the query, newest first (journal-search.ts). */
  async search(query: string, limit?: number): Promise<JournalSearchResult> {
    const entries = await this.#load()
    if (this.#stale) this.#index.update(entries)
    this.#stale = false
    const found = this.#index.search(query, limit)
    return { entries: found.entries.map(publicEntry), total: found.total }
  }

  /** Resolves when every write started so far is on disk. */
  flushed(): Promise<void> {
    return this.#writing
  }

  // The entries this desk knows. While the file cannot be read they are only the ones recorded since (never
  // written, which would replace the file's); each call tries the file again, and once it reads they join it.
  #load(): Promise<StoredEntry[]> {
    if (this.#entries && this.#unreadable === null) return Promise.resolve(this.#entries)
    this.#loading ??= this.#read()
      .then(async (read) => {
        if (read === 'unreadable') return (this.#entries ??= [])
        const wasUnreadable = this.#unreadable !== null
        this.#unreadable = null
        const entries = (this.#entries ??= [])
        const meanwhile = rejoinKept(entries, read)
        if (wasUnreadable) {
          this.#deps.log?.warn('journal: readable again; entries recorded meanwhile are saved', {
            file: this.#deps.file,
            kept: meanwhile,
          })
        }
        // The pruned journal replaces the file in one atomic write: it is either all old or all new.
        if (this.#prune() > 0 || meanwhile > 0) await this.#persist()
        // Built once here, so the first keystroke of a search does not pay for reading the whole journal.
        this.#index.update(entries)
        this.#stale = false
        return entries
      })
      .finally(() => (this.#loading = null))
    return this.#loading
  }

  /**
   * Drops entries past the retention period (submitted, and for a time, longer ago than it) and says how many. In
   * place: every method works on the one array #load handed out.
   */
  #prune(): number {
    const entries = this.#entries ?? []
    const days = this.#deps.retentionDays ?? DEFAULT_RETENTION_DAYS
    const cutoff = (this.#deps.now ?? Date.now)() - days * DAY_MS
    let kept = 0
    for (const entry of entries) {
      if (Math.max(entry.submittedAt, entry.draft.end) >= cutoff) entries[kept++] = entry
    }
    const dropped = entries.length - kept
    entries.length = kept
    return dropped
  }

  async #read(): Promise<StoredEntry[] | 'unreadable'> {
    const read = await readKeptFile(
      'journal',
      this.#deps,
      (text) => fileSchema.parse(JSON.parse(text)).entries,
      this.#unreadable !== null,
    )
    if ('unreadable' in read) {
      this.#unreadable = read.unreadable
      return 'unreadable'
    }
    if ('setAside' in read)
      this.#notice = `The booking journal file was damaged, so it was set aside as ${basename(read.setAside)} and a new one started: bookings made at this desk before now are not listed or found here (the old file is kept for your IT support).`
    return read.entries
  }

  async #changed(): Promise<void> {
    // Kept in memory, written with the file's entries once it reads again; the panel keeps showing why.
    if (this.#unreadable !== null) return
    this.#prune()
    await this.#persist()
    this.#deps.emit('booking:journalChanged', await this.list())
  }

  async #persist(): Promise<void> {
    this.#stale = true
    const snapshot = JSON.stringify({ version: 1, entries: this.#entries ?? [] }, null, 1)
    const write = this.#writing.then(() => this.#write(snapshot))
    this.#writing = write.catch((thrown: unknown) => {
      // A journal that cannot be written must not stop the desk from booking; the log says why.
      this.#deps.log?.error('journal: write failed', {
        file: this.#deps.file,
        error: String(thrown),
      })
    })
    await this.#writing
  }

  // The file on disk is always either the old journal or the new one, never half.
  async #write(text: string): Promise<void> {
    await writeFileAtomic(this.#deps.file, text)
  }
}
