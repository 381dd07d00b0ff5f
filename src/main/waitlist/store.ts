// The waitlist of one clinic server and account (or of the demo clinic): one JSON file in the user-data folder,
// kept exactly as the booking journal is kept — rewritten atomically, never replaced while it cannot be read (an
// entry added meanwhile waits in memory), and a damaged file set aside for a person to look at, with a notice.
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { Instant } from '../../shared/domain'
import { AppFailure, type AppError } from '../../shared/result'
import { todayIn } from '../../shared/time'
import {
  waitlistLimits,
  waitlistRequestSchema,
  type WaitlistEntry,
  type WaitlistLabels,
  type WaitlistRequest,
} from '../../shared/waitlist'
import { readKeptFile, rejoinKept, writeFileAtomic } from '../atomic-file'
import type { Emit } from '../calendar/service'
import type { Logger } from '../ipc/handle'

/** The store's collaborators. */
export interface WaitlistStoreDeps {
  /** The JSON file in the user-data folder: one per clinic server and account, one for the demo. */
  readonly file: string
  readonly emit: Emit
  readonly now: () => Instant
  readonly log?: Logger
  /** Reads the file as text (fs by default; tests make it fail the way a locked or busy file does). */
  readonly read?: (file: string) => Promise<string>
}

/** A time already offered for an entry: never offered again. */
export interface Offered {
  readonly scheduleId: number
  readonly start: Instant
}

/** An entry as the store keeps it: with the times already offered for it. */
export interface StoredWaitlistEntry extends WaitlistEntry {
  readonly offered: readonly Offered[]
}

/** Offered times kept per entry (the latest): enough to never repeat one, bounded whatever the clinic. */
const MAX_OFFERED = 100

const labelsSchema = z.object({
  appointmentType: z.string(),
  clinician: z.string().nullable(),
  location: z.string().nullable(),
  timeZone: z.string(),
})

const fileSchema = z.object({
  version: z.literal(1),
  entries: z.array(
    z.object({
      // The request's own rules (dates, parts, lengths) apply to what was saved too.
      ...waitlistRequestSchema.shape,
      id: z.string(),
      createdAt: z.number(),
      labels: labelsSchema,
      status: z.enum(['waiting', 'done']),
      doneReference: z.string().nullable(),
      offered: z.array(z.object({ scheduleId: z.number(), start: z.number() })),
    }),
  ),
})

function unreadableError(reason: string): AppError {
  return {
    code: 'STORAGE',
    message: `The waitlist cannot be read just now (${reason}). Entries added meanwhile are kept and will be added to it once it can be read; nothing in it is lost.`,
  }
}

const notFound = (): AppFailure =>
  new AppFailure({
    code: 'NOT_FOUND',
    message: 'That waitlist entry is no longer on the list (it was removed, or its window closed).',
  })

const publicEntry = ({ offered: _offered, ...entry }: StoredWaitlistEntry): WaitlistEntry => entry

/** One waitlist: its entries, their times already offered, and expiry once their window has closed. */
export class WaitlistStore {
  readonly #deps: WaitlistStoreDeps
  #entries: StoredWaitlistEntry[] | null = null
  #loading: Promise<StoredWaitlistEntry[]> | null = null
  #unreadable: string | null = null
  #writing: Promise<void> = Promise.resolve()

  constructor(deps: WaitlistStoreDeps) {
    this.#deps = deps
  }

  /** Every entry still in its window, the one closing soonest first. STORAGE while the file cannot be read. */
  async list(): Promise<WaitlistEntry[]> {
    const entries = await this.#load()
    if (this.#unreadable !== null) throw new AppFailure(unreadableError(this.#unreadable))
    if (this.#expire() > 0) await this.#changed()
    return sorted(entries).map(publicEntry)
  }

  /** The entries the watcher looks for, with the times already offered for each. */
  async waiting(): Promise<StoredWaitlistEntry[]> {
    const entries = await this.#load()
    if (this.#expire() > 0) await this.#changed()
    return entries.filter((entry) => entry.status === 'waiting')
  }

  /** Adds an entry; VALIDATION when the list is full. */
  async add(request: WaitlistRequest, labels: WaitlistLabels): Promise<WaitlistEntry> {
    const entries = await this.#load()
    this.#expire()
    if (entries.length >= waitlistLimits.entries) {
      throw new AppFailure({
        code: 'VALIDATION',
        message: `The waitlist holds at most ${waitlistLimits.entries} entries: remove some that are no longer wanted first.`,
      })
    }
    const entry: StoredWaitlistEntry = {
      ...request,
      id: randomUUID(),
      createdAt: this.#deps.now(),
      labels,
      status: 'waiting',
      doneReference: null,
      offered: [],
    }
    entries.push(entry)
    await this.#changed()
    return publicEntry(entry)
  }

  /** Replaces what an entry asks for; the times offered for the old wishes no longer count. */
  async update(
    id: string,
    request: WaitlistRequest,
    labels: WaitlistLabels,
  ): Promise<WaitlistEntry> {
    return this.#replace(id, (entry) => ({ ...entry, ...request, labels, offered: [] }))
  }

  /** Removes an entry; NOT_FOUND when it is not there. */
  async remove(id: string): Promise<void> {
    const entries = await this.#load()
    const index = entries.findIndex((entry) => entry.id === id)
    if (index === -1) throw notFound()
    entries.splice(index, 1)
    await this.#changed()
  }

  /** Marks an entry booked (kept, marked done, until its window closes). */
  markDone(id: string, reference: string | null): Promise<WaitlistEntry> {
    return this.#replace(id, (entry) => ({ ...entry, status: 'done', doneReference: reference }))
  }

  /** Records times just offered for an entry, so they are never offered again (past ones are forgotten). */
  async recordOffered(id: string, offered: readonly Offered[]): Promise<void> {
    const entries = await this.#load()
    const index = entries.findIndex((entry) => entry.id === id)
    const entry = entries[index]
    if (!entry || offered.length === 0) return
    const now = this.#deps.now()
    const kept = [...entry.offered, ...offered].filter((o) => o.start > now).slice(-MAX_OFFERED)
    entries[index] = { ...entry, offered: kept }
    await this.#persist()
  }

  /** Resolves when every write started so far is on disk. */
  flushed(): Promise<void> {
    return this.#writing
  }

  async #replace(
    id: string,
    change: (entry: StoredWaitlistEntry) => StoredWaitlistEntry,
  ): Promise<WaitlistEntry> {
    const entries = await this.#load()
    const index = entries.findIndex((entry) => entry.id === id)
    const entry = entries[index]
    if (!entry) throw notFound()
    const changed = change(entry)
    entries[index] = changed
    await this.#changed()
    return publicEntry(changed)
  }

  /** Drops entries whose last day is over in their zone, in place; says how many. */
  #expire(): number {
    const entries = this.#entries ?? []
    const now = this.#deps.now()
    let kept = 0
    for (const entry of entries) {
      if (entry.toDate >= todayIn(entry.labels.timeZone, now)) entries[kept++] = entry
    }
    const dropped = entries.length - kept
    entries.length = kept
    return dropped
  }

  // As the journal: while the file cannot be read, only entries added since are held (never written, which would
  // replace the file's); each call tries the file again, and once it reads they join it.
  #load(): Promise<StoredWaitlistEntry[]> {
    if (this.#entries && this.#unreadable === null) return Promise.resolve(this.#entries)
    this.#loading ??= this.#read()
      .then(async (read) => {
        if (read === 'unreadable') return (this.#entries ??= [])
        const wasUnreadable = this.#unreadable !== null
        this.#unreadable = null
        const entries = (this.#entries ??= [])
        const meanwhile = rejoinKept(entries, read)
        if (wasUnreadable) {
          this.#deps.log?.warn('waitlist: readable again; entries added meanwhile are saved', {
            file: this.#deps.file,
            kept: meanwhile,
          })
        }
        if (this.#expire() > 0 || meanwhile > 0) await this.#persist()
        return entries
      })
      .finally(() => (this.#loading = null))
    return this.#loading
  }

  async #read(): Promise<StoredWaitlistEntry[] | 'unreadable'> {
    const read = await readKeptFile(
      'waitlist',
      this.#deps,
      (text) => fileSchema.parse(JSON.parse(text)).entries,
      this.#unreadable !== null,
    )
    if ('unreadable' in read) {
      this.#unreadable = read.unreadable
      return 'unreadable'
    }
    return read.entries
  }

  async #changed(): Promise<void> {
    if (this.#unreadable !== null) return
    await this.#persist()
    this.#deps.emit('waitlist:entriesChanged', sorted(this.#entries ?? []).map(publicEntry))
  }

  async #persist(): Promise<void> {
    if (this.#unreadable !== null) return
    const snapshot = JSON.stringify({ version: 1, entries: this.#entries ?? [] }, null, 1)
    const write = this.#writing.then(() => writeFileAtomic(this.#deps.file, snapshot))
    this.#writing = write.catch((thrown: unknown) => {
      // A list that cannot be written must not stop the desk; the log says why.
      this.#deps.log?.error('waitlist: write failed', {
        file: this.#deps.file,
        error: String(thrown),
      })
    })
    await this.#writing
  }
}

/** Waiting entries first, each group by the day its window closes (soonest first), then oldest first. */
function sorted(entries: readonly StoredWaitlistEntry[]): StoredWaitlistEntry[] {
  return [...entries].sort(
    (a, b) =>
      (a.status === b.status ? 0 : a.status === 'waiting' ? -1 : 1) ||
      (a.toDate < b.toDate ? -1 : a.toDate > b.toDate ? 1 : 0) ||
      a.createdAt - b.createdAt,
  )
}
