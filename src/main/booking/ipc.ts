import type { Handlers } from '../ipc/handle'
import type { BookingService } from './service'

/** The booking:* channels. */
export const bookingHandlers = (
  booking: BookingService,
): Pick<
  Handlers,
  | 'booking:create'
  | 'booking:get'
  | 'booking:cancel'
  | 'booking:listJournal'
  | 'journal:searchEntries'
> => ({
  'booking:create': ({ draft }) => booking.create(draft),
  'booking:get': ({ reference }) => booking.get(reference),
  'booking:cancel': ({ reference }) => booking.cancel(reference),
  'booking:listJournal': (request) => booking.listJournal(request),
  'journal:searchEntries': ({ query, limit }) => booking.searchJournal(query, limit),
})
