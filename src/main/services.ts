// The services and the event bus they share, composed one way for the app core and for the service tests. They
// follow the connection through the bus's own `session:changed`: whoever changes the session only says so.
import { join } from 'node:path'
import type { DayView } from '../shared/domain'
import type { EventName, PayloadOf } from '../shared/ipc-contract'
import { bookingHandlers, journalHandlers, seriesHandlers } from './booking/ipc'
import { BookingJournal, type JournalDeps } from './booking/journal'
import { SeriesService } from './booking/series'
import { BookingService, type BookingDeps } from './booking/service'
import { OfflineBoard, type OfflineBoardDeps } from './calendar/offline-board'
import { CalendarService, type CalendarDeps } from './calendar/service'
import { ClinicService } from './clinic/service'
import type { Logger } from './ipc/handle'
import type { OpenVpmsClient } from './openvpms/client'
import { WaitlistService } from './waitlist/service'
import { WaitlistStore } from './waitlist/store'
import { WaitlistWatcher, type Notice } from './waitlist/watcher'

/** Main→renderer events inside main: services emit them, the window (and the services themselves) listen. */
export interface Events {
  emit<E extends EventName>(event: E, payload: PayloadOf<E>): void
  on<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void
}

/** An event bus whose failing listener (a closed window) never breaks the service that emitted. */
export function createEvents(log?: Logger): Events {
  const listeners = new Map<EventName, Set<(payload: never) => void>>()
  return {
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) {
        try {
          ;(listener as (payload: unknown) => void)(payload)
        } catch (error) {
          log?.error('event listener failed', { event, error: String(error) })
        }
      }
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(listener)
      return () => void set.delete(listener)
    },
  }
}

/** What the services are built from. */
export interface ServicesDeps {
  /** The client of the current connection (throws NOT_CONNECTED without one). */
  readonly getClient: () => OpenVpmsClient
  readonly events: Events
  readonly now: () => number
  readonly log?: Logger
  /** The folder the booking journals live in. */
  readonly journalDir: string
  readonly journal?: Pick<JournalDeps, 'retentionDays'>
  readonly booking?: Pick<BookingDeps, 'recheckDelaysMs'>
  /**
   * The file (in `journalDir`) the board as last loaded is kept in for the current connection, so it can be shown
   * while the server cannot be reached; null or absent: none is kept.
   */
  readonly offlineBoardFile?: () => string | null
  readonly offlineBoard?: Pick<OfflineBoardDeps, 'limits' | 'writeDelayMs' | 'rewriteAfterMs'>
  readonly calendar?: Pick<CalendarDeps, 'retryDelaysMs'>
  /** The waitlist file of the current connection, in `journalDir` (default `waitlist.json`). */
  readonly waitlistFile?: () => string
  /** Shows an operating-system notification (the app gives Electron's). */
  readonly notify?: (notice: Notice) => void
  /** How often the waitlist's whole window is scanned (default 3 minutes). */
  readonly waitlistScanEveryMs?: number
}

/** One booking journal with the booking and course services that write it, and their IPC handlers. */
export interface BookingDesk {
  readonly journal: BookingJournal
  readonly booking: BookingService
  readonly series: SeriesService
  readonly handlers: ReturnType<typeof bookingHandlers> &
    ReturnType<typeof seriesHandlers> &
    ReturnType<typeof journalHandlers>
}

/** The services of the app. */
export interface Services {
  readonly clinic: ClinicService
  readonly calendar: CalendarService
  /** The booking desk of one journal file (made on first use, then the same one). */
  deskFor(file: string): BookingDesk
  /** Every desk made so far. */
  desks(): readonly BookingDesk[]
  /** The kept board of the current connection (made on first use, then the same one), or null. */
  offlineBoard(): OfflineBoard | null
  /** Forgets the kept board in this file (in `journalDir`) and deletes the file: its account signed out. */
  forgetOfflineBoard(file: string): Promise<void>
  /** The waitlist of one file (made on first use, then the same one). */
  waitlistFor(file: string): WaitlistStore
  /** Watches the book for the current connection's waitlist. */
  readonly watcher: WaitlistWatcher
  readonly waitlist: WaitlistService
  /** Lets background loads and journal writes settle; the kept boards write what they hold and stop (app exit). */
  settle(): Promise<void>
}

/** Builds the services; a `session:changed` on the bus drops what they cached for the previous connection. */
export function createServices(deps: ServicesDeps): Services {
  const { getClient, events, now, log } = deps
  const boards = new Map<string, OfflineBoard>()
  function offlineBoard(): OfflineBoard | null {
    const file = deps.offlineBoardFile?.() ?? null
    if (file === null) return null
    const found = boards.get(file)
    if (found) return found
    const made = new OfflineBoard({
      file: join(deps.journalDir, file),
      now,
      log,
      ...deps.offlineBoard,
    })
    boards.set(file, made)
    return made
  }
  async function forgetOfflineBoard(file: string): Promise<void> {
    const board =
      boards.get(file) ?? new OfflineBoard({ file: join(deps.journalDir, file), now, log })
    boards.delete(file)
    await board.forget()
  }
  const clinic = new ClinicService({ getClient, log, offline: offlineBoard })
  // Every day read from the server: a busy block where this desk's unanswered booking would be makes its journal
  // entry say it is probably that booking (unconfirmed).
  const noticing = new Set<Promise<void>>()
  const onDayRead = (view: DayView): void => {
    for (const desk of desks.values()) {
      const work = desk.booking
        .noticeDay(view)
        .catch((error: unknown) =>
          log?.warn('booking: marking unconfirmed bookings failed', { error: String(error) }),
        )
        .finally(() => noticing.delete(work))
      noticing.add(work)
    }
  }
  const calendar = new CalendarService({
    getClient,
    clinic,
    emit: events.emit,
    now,
    log,
    offline: offlineBoard,
    ...deps.calendar,
    // Every day the board loads or refreshes is looked at for the waitlist, at no extra request.
    onDayLoaded: (view) => void watcher.checkDay(view),
    onDayRead,
  })
  const desks = new Map<string, BookingDesk>()
  const waitlists = new Map<string, WaitlistStore>()

  function waitlistFor(file: string): WaitlistStore {
    const found = waitlists.get(file)
    if (found) return found
    const made = new WaitlistStore({
      file: join(deps.journalDir, file),
      emit: events.emit,
      now,
      log,
    })
    waitlists.set(file, made)
    return made
  }
  const currentWaitlist = (): WaitlistStore => waitlistFor(deps.waitlistFile?.() ?? 'waitlist.json')
  const watcher: WaitlistWatcher = new WaitlistWatcher({
    waitlist: currentWaitlist,
    source: () => calendar.ranges,
    clinic,
    emit: events.emit,
    now,
    log,
    notify: deps.notify,
    scanEveryMs: deps.waitlistScanEveryMs,
  })
  const waitlist = new WaitlistService({ waitlist: currentWaitlist, clinic, watcher })

  function deskFor(file: string): BookingDesk {
    const found = desks.get(file)
    if (found) return found
    const journal = new BookingJournal({
      file: join(deps.journalDir, file),
      emit: events.emit,
      log,
      now,
      ...deps.journal,
    })
    const booking = new BookingService({
      getClient,
      clinic,
      calendar,
      journal,
      now,
      log,
      ...deps.booking,
    })
    const series = new SeriesService({ getClient, booking, journal, now, log })
    const made = {
      journal,
      booking,
      series,
      handlers: {
        ...bookingHandlers(booking),
        ...seriesHandlers(series),
        ...journalHandlers(journal),
      },
    }
    desks.set(file, made)
    return made
  }

  events.on('session:changed', () => {
    clinic.reset()
    calendar.reset()
    watcher.reset()
    for (const desk of desks.values()) desk.booking.reset()
  })

  return {
    clinic,
    calendar,
    deskFor,
    desks: () => [...desks.values()],
    offlineBoard,
    forgetOfflineBoard,
    waitlistFor,
    watcher,
    waitlist,
    settle: async () => {
      watcher.stop()
      calendar.reset()
      // Unanswered bookings' looks-again timers end with the app.
      for (const desk of desks.values()) desk.booking.reset()
      await calendar.whenIdle()
      await watcher.whenIdle()
      await Promise.all(noticing)
      await Promise.all([
        ...[...desks.values()].map((desk) => desk.journal.flushed()),
        ...[...boards.values()].map((board) => board.close()),
      ])
      await Promise.all([...waitlists.values()].map((list) => list.flushed()))
    },
  }
}
