import type { ChannelName } from '../../shared/ipc-contract'
import type { Handlers } from '../ipc/handle'
import type { DemoServer, SessionService, TestableClient } from './service'

type SessionChannel = Extract<ChannelName, `session:${string}`>

/** The `session:*` slice of the IPC handlers. */
export type SessionHandlers = Pick<Handlers, SessionChannel>

/** Maps the session channels to the session service. */
export function sessionHandlers<C extends TestableClient, D extends DemoServer>(
  session: SessionService<C, D>,
): SessionHandlers {
  return {
    'session:getStatus': async () => session.status(),
    'session:connect': (request) => session.connect(request),
    'session:signOut': () => session.signOut(),
    'session:useDemo': () => session.useDemo(),
  }
}
