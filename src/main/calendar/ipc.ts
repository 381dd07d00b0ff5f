import type { Handlers } from '../ipc/handle'
import type { CalendarService } from './service'

/** The calendar:* channels. */
export const calendarHandlers = (
  calendar: CalendarService,
): Pick<Handlers, 'calendar:loadDay' | 'calendar:findNextAvailable' | 'calendar:getFortnight'> => ({
  'calendar:loadDay': (request) => calendar.loadDay(request),
  'calendar:findNextAvailable': (request) => calendar.findNextAvailable(request),
  'calendar:getFortnight': (request) => calendar.getFortnight(request),
})
