import type { Handlers } from '../ipc/handle'
import type { WaitlistService } from './service'

/** The waitlist:* channels. */
export const waitlistHandlers = (
  waitlist: WaitlistService,
): Pick<
  Handlers,
  | 'waitlist:listEntries'
  | 'waitlist:addEntry'
  | 'waitlist:updateEntry'
  | 'waitlist:removeEntry'
  | 'waitlist:markDone'
> => ({
  'waitlist:listEntries': () => waitlist.list(),
  'waitlist:addEntry': ({ entry }) => waitlist.add(entry),
  'waitlist:updateEntry': ({ id, entry }) => waitlist.update(id, entry),
  'waitlist:removeEntry': ({ id }) => waitlist.remove(id),
  'waitlist:markDone': ({ id, reference }) => waitlist.markDone(id, reference),
})
