import type {
  BookingConfirmation,
  BookingDetails,
  BookingDraft,
  DayView,
  Fortnight,
  Instant,
  IsoDate,
  JournalEntry,
  JournalSearchResult,
  SeriesCancelOutcome,
  SeriesOccurrenceCheck,
  SeriesOutcome,
  Location,
  LocationDetails,
  NextAvailableResult,
  SessionStatus,
} from './domain'
import type { ConfirmationTemplate } from './confirmation-text'
import type { ShortcutSettings } from './shortcut-keys'
import type { Result } from './result'
import type { SeriesRule } from './series'
import type { WaitlistEntry, WaitlistMatch, WaitlistRequest } from './waitlist'

/** A channel's request and response types. At run time only the key path exists. */
export interface Channel<Req, Res> {
  readonly request?: Req
  readonly response?: Res
}
const channel = <Req, Res>(): Channel<Req, Res> => ({})

/** A main→renderer event's payload type. */
export interface Event<Payload> {
  readonly payload?: Payload
}
const event = <Payload>(): Event<Payload> => ({})

/** A request with nothing to say. */
export type Empty = Record<string, never>

/** Connect to a clinic's OpenVPMS: tested (GET locations) before anything is saved. */
export interface ConnectRequest {
  /** `https://host:8443/openvpms`, the full `…/ws/booking/v2` URL, or a bare host. */
  readonly serverUrl: string
  readonly username: string
  readonly password: string
  readonly rememberPassword: boolean
  /** The user explicitly accepted plain http to a non-loopback host. */
  readonly allowInsecure: boolean
}

export interface LoadLocationRequest {
  readonly locationId: number
  /** Bypass main's metadata cache. */
  readonly refresh?: boolean
}

export interface LoadDayRequest {
  readonly locationId: number
  readonly date: IsoDate
  /** Schedules to load; empty = every schedule of the location. */
  readonly scheduleIds: readonly number[]
  /** Skip main's day cache (used by the periodic refresh and after writes). */
  readonly refresh?: boolean
}

/** Most days one fortnight-strip request covers (one ranged request per schedule, whatever the range). */
export const MAX_FORTNIGHT_DAYS = 62

export interface GetFortnightRequest {
  readonly locationId: number
  /** The first day (the strip asks from today in the location's zone). */
  readonly fromDate: IsoDate
  /** How many days, 1 to MAX_FORTNIGHT_DAYS. */
  readonly days: number
  /** Schedules to sum; empty = every schedule of the location. */
  readonly scheduleIds: readonly number[]
  /** null = the schedules' free time; else that clinician's real availability on them. */
  readonly clinicianId: number | null
  /** Ask the server again instead of reusing answers kept in main (the board's periodic refresh). */
  readonly refresh?: boolean
}

/** A part of the day in the location's wall clock, minutes from midnight: starts in [from, to). */
export interface DayWindow {
  readonly from: number
  readonly to: number
}

/** Most days one next-available search covers (one ranged request per schedule, whatever the range). */
export const MAX_SEARCH_DAYS = 90

export interface FindNextAvailableRequest {
  /** null = every location that takes online bookings (a group practice's central phone desk). */
  readonly locationId: number | null
  readonly appointmentTypeId: number
  /** null = any clinician. */
  readonly clinicianId: number | null
  /** First day to search (defaults to today in the location's zone). */
  readonly fromDate?: IsoDate
  /** How many days to search; default 14, at most MAX_SEARCH_DAYS. */
  readonly days?: number
  /** Only starts in this part of the day. */
  readonly window?: DayWindow
  /** Only these weekdays (ISO: 1 = Monday … 7 = Sunday); absent or empty = every day. */
  readonly weekdays?: readonly number[]
  /** A time asked for (minutes from midnight): each day's starts are ranked by closeness to it. */
  readonly near?: number
  /** Starts listed per day, best first; default 3 (the rest are counted). */
  readonly perDay?: number
}

/** The single-key shortcuts; null = back to the desk's own keys. */
export interface SetShortcutsRequest {
  readonly shortcuts: ShortcutSettings | null
}

/** The practice's confirmation text template; null = back to the desk's default. */
export interface SetConfirmationTemplateRequest {
  readonly template: string | null
}

export interface ReferenceRequest {
  readonly reference: string
}

export interface CreateBookingRequest {
  readonly draft: BookingDraft
}

export interface ListJournalRequest {
  /** Only entries submitted on this day (local to the computer); absent = all. */
  readonly date?: IsoDate
}

export interface CheckSeriesRequest {
  /** The first appointment of the course, with the customer's details. */
  readonly draft: BookingDraft
  readonly rule: SeriesRule
}

export interface CreateSeriesRequest {
  readonly draft: BookingDraft
  /** Each appointment's start, in date order (the rule's, with any nearest free times taken instead). */
  readonly starts: readonly Instant[]
}

export interface SearchJournalRequest {
  /** What the receptionist typed: part of a name, phone, email, patient name or reference. */
  readonly query: string
  /** How many entries at most (the answer's `total` counts them all). */
  readonly limit?: number
}

export interface JournalDayRequest {
  /** An appointment day, in each booking's location zone. */
  readonly date: IsoDate
}

export interface ExportJournalRequest {
  /** Only the bookings of this appointment day; absent = the whole journal. */
  readonly date?: IsoDate
}

/** What the journal panel must say about the journal file itself; null when nothing. */
export interface JournalNotice {
  readonly notice: string | null
}

/** A CSV file for the renderer to save: its suggested name and its text. */
export interface CsvFile {
  readonly fileName: string
  readonly text: string
}

export interface AddWaitlistEntryRequest {
  readonly entry: WaitlistRequest
}

export interface UpdateWaitlistEntryRequest {
  readonly id: string
  readonly entry: WaitlistRequest
}

export interface WaitlistEntryRequest {
  readonly id: string
}

export interface MarkWaitlistDoneRequest {
  readonly id: string
  /** The booking that settled it; null when booked without a reference to show. */
  readonly reference: string | null
}

/**
 * The one map of IPC channels: `domain:verbNoun` → request → Result<response>. The preload exposes exactly these
 * as `window.api.<domain>.<verbNoun>(request)`; main registers a handler and a request schema for each.
 */
export const ipcContract = {
  session: {
    getStatus: channel<Empty, SessionStatus>(),
    connect: channel<ConnectRequest, SessionStatus>(),
    signOut: channel<Empty, SessionStatus>(),
    useDemo: channel<Empty, SessionStatus>(),
  },
  clinic: {
    listLocations: channel<Empty, readonly Location[]>(),
    loadLocation: channel<LoadLocationRequest, LocationDetails>(),
  },
  calendar: {
    loadDay: channel<LoadDayRequest, DayView>(),
    findNextAvailable: channel<FindNextAvailableRequest, NextAvailableResult>(),
    /** Bookable time left on each day of a range: one ranged free/busy per schedule (and clinician), all at once. */
    getFortnight: channel<GetFortnightRequest, Fortnight>(),
  },
  booking: {
    create: channel<CreateBookingRequest, BookingConfirmation>(),
    get: channel<ReferenceRequest, BookingDetails>(),
    cancel: channel<ReferenceRequest, { readonly reference: string }>(),
    listJournal: channel<ListJournalRequest, readonly JournalEntry[]>(),
    /** A course's appointments, each checked against fresh free/busy; nothing is sent. */
    checkSeries: channel<CheckSeriesRequest, readonly SeriesOccurrenceCheck[]>(),
    /** Books a course one appointment at a time, stopping at the first not booked. */
    createSeries: channel<CreateSeriesRequest, SeriesOutcome>(),
    /** Cancels a booking and the later appointments of its course. */
    cancelSeries: channel<ReferenceRequest, SeriesCancelOutcome>(),
  },
  journal: {
    /** This desk's journal, searched as the receptionist types (bookings made elsewhere are not in it). */
    searchEntries: channel<SearchJournalRequest, JournalSearchResult>(),
    /** This desk's bookings for one appointment day, by time (the printed day list). */
    listDay: channel<JournalDayRequest, readonly JournalEntry[]>(),
    /** The journal, or one appointment day of it, as CSV. */
    exportCsv: channel<ExportJournalRequest, CsvFile>(),
    /** Whether a damaged journal file was set aside at start (its entries are not in this journal). */
    getNotice: channel<Empty, JournalNotice>(),
  },
  waitlist: {
    /** This connection's waitlist: waiting entries by the day their window closes, then those done. */
    listEntries: channel<Empty, readonly WaitlistEntry[]>(),
    addEntry: channel<AddWaitlistEntryRequest, WaitlistEntry>(),
    /** Replaces what an entry asks for (the times offered for the old wishes no longer count). */
    updateEntry: channel<UpdateWaitlistEntryRequest, WaitlistEntry>(),
    removeEntry: channel<WaitlistEntryRequest, { readonly id: string }>(),
    /** Booked from the waitlist: kept, marked done, until its window closes. */
    markDone: channel<MarkWaitlistDoneRequest, WaitlistEntry>(),
  },
  settings: {
    getConfirmationTemplate: channel<Empty, ConfirmationTemplate>(),
    setConfirmationTemplate: channel<SetConfirmationTemplateRequest, ConfirmationTemplate>(),
    getShortcuts: channel<Empty, ShortcutSettings>(),
    setShortcuts: channel<SetShortcutsRequest, ShortcutSettings>(),
  },
} as const

/** Main→renderer events: a state or a past fact. */
export const ipcEvents = {
  'session:changed': event<SessionStatus>(),
  'booking:journalChanged': event<readonly JournalEntry[]>(),
  /** A day main revalidated or refreshed in the background (prefetch, periodic refresh, after a write). */
  'calendar:dayUpdated': event<DayView>(),
  /** A time that fits a waitlist entry opened (told once per opening). */
  'waitlist:matched': event<WaitlistMatch>(),
  /** The waitlist shown changed (an edit, an expiry, another connection's list). */
  'waitlist:entriesChanged': event<readonly WaitlistEntry[]>(),
} as const

type Contract = typeof ipcContract
export type Domain = keyof Contract
type MethodOf<D extends Domain> = keyof Contract[D] & string

/** Every channel name, `domain:verbNoun`. */
export type ChannelName = { [D in Domain]: `${D}:${MethodOf<D>}` }[Domain]

type ChannelAt<C extends ChannelName> = C extends `${infer D extends Domain}:${infer M}`
  ? M extends keyof Contract[D]
    ? Contract[D][M]
    : never
  : never

/** The request type of a channel. */
export type RequestOf<C extends ChannelName> =
  ChannelAt<C> extends Channel<infer Req, unknown> ? Req : never
/** The success type of a channel. */
export type ResponseOf<C extends ChannelName> =
  ChannelAt<C> extends Channel<unknown, infer Res> ? Res : never

export type EventName = keyof typeof ipcEvents
export type PayloadOf<E extends EventName> =
  (typeof ipcEvents)[E] extends Event<infer P> ? P : never

/** The renderer's `window.api`: one method per channel, grouped by domain, plus event subscription. */
export type Api = {
  readonly [D in Domain]: {
    readonly [M in MethodOf<D>]: Contract[D][M] extends Channel<infer Req, infer Res>
      ? (request: Req) => Promise<Result<Res>>
      : never
  }
} & {
  /** Subscribe to a main→renderer event; returns the unsubscribe function. */
  readonly on: <E extends EventName>(
    name: E,
    listener: (payload: PayloadOf<E>) => void,
  ) => () => void
}

/** Every channel name, derived from the contract at run time. */
export const channelNames: readonly ChannelName[] = (Object.keys(ipcContract) as Domain[]).flatMap(
  (domain) =>
    Object.keys(ipcContract[domain]).map((method) => `${domain}:${method}` as ChannelName),
)

/** Every event name. */
export const eventNames = Object.keys(ipcEvents) as EventName[]
