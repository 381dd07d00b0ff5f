import type { Handlers } from '../ipc/handle'
import type { BookingJournal } from './journal'
import type { SeriesService } from './series'
import type { BookingService } from './service'

/** The booking:* and journal:* channels. */
export const bookingHandlers = (
  booking: BookingService,
): Pick<
  Handlers,
  | 'booking:create'
  | 'booking:get'
  | 'booking:cancel'
  | 'booking:listJournal'
  | 'journal:searchEntries'
  | 'journal:listDay'
  | 'journal:exportCsv'
> => ({
  'booking:create': ({ draft }) => booking.create(draft),
  'booking:get': ({ reference }) => booking.get(reference),
  'booking:cancel': ({ reference }) => booking.cancel(reference),
  'booking:listJournal': (request) => booking.listJournal(request),
  'journal:searchEntries': ({ query, limit }) => booking.searchJournal(query, limit),
  'journal:listDay': ({ date }) => booking.listJournalDay(date),
  'journal:exportCsv': ({ date }) => booking.exportJournal(date),
})

/** The journal:* channels about the journal file itself. */
export const journalHandlers = (
  journal: Pick<BookingJournal, 'notice'>,
): Pick<Handlers, 'journal:getNotice'> => ({
  'journal:getNotice': async () => ({ notice: await journal.notice() }),
})

/** The booking:*Series channels: courses of appointments. */
export const seriesHandlers = (
  series: SeriesService,
): Pick<Handlers, 'booking:checkSeries' | 'booking:createSeries' | 'booking:cancelSeries'> => ({
  'booking:checkSeries': ({ draft, rule }) => series.check(draft, rule),
  'booking:createSeries': ({ draft, starts }) => series.create(draft, starts),
  'booking:cancelSeries': ({ reference }) => series.cancelFrom(reference),
})
