// A fake window.api built with the real createApi, so it has the contract's exact shape; each channel answers
// from a handler the test gives, and every call is recorded.
import { createApi } from '../../../src/shared/ipc-api'
import type {
  Api,
  ChannelName,
  EventName,
  PayloadOf,
  RequestOf,
  ResponseOf,
} from '../../../src/shared/ipc-contract'
import { fail, type Result } from '../../../src/shared/result'

/** How a fake channel answers: a Result, or a promise of one (to control timing). */
export type Handler<C extends ChannelName> = (
  request: RequestOf<C>,
) => Result<ResponseOf<C>> | Promise<Result<ResponseOf<C>>>

/** Handlers by channel name. */
export type Handlers = { [C in ChannelName]?: Handler<C> }

/** The fake and its controls. */
export interface FakeApi {
  readonly api: Api
  readonly calls: { channel: ChannelName; request: unknown }[]
  /** Replaces or adds handlers. */
  readonly answer: (handlers: Handlers) => void
  /** Sends a main→renderer event. */
  readonly emit: <E extends EventName>(event: E, payload: PayloadOf<E>) => void
  readonly callsTo: <C extends ChannelName>(channel: C) => RequestOf<C>[]
}

/** Builds a fake api; unanswered channels fail with UNEXPECTED, so a surprising call shows up in assertions. */
export function createFakeApi(initial: Handlers = {}): FakeApi {
  const handlers: Handlers = { ...initial }
  const calls: { channel: ChannelName; request: unknown }[] = []
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const api = createApi({
    call: async (channel, request) => {
      calls.push({ channel, request })
      const handler = handlers[channel] as ((request: unknown) => unknown) | undefined
      if (!handler) return fail('UNEXPECTED', `no fake answer for ${channel}`)
      return handler(request)
    },
    subscribe: (event, listener) => {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    },
  })
  return {
    api,
    calls,
    answer: (more) => Object.assign(handlers, more),
    emit: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)),
    callsTo: (channel) =>
      calls.filter((call) => call.channel === channel).map((call) => call.request) as never,
  }
}

/** A promise the test resolves when it wants: to hold an answer back and release it later. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((done) => {
    resolve = done
  })
  return { promise, resolve }
}
