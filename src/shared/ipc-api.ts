import {
  channelNames,
  eventNames,
  type Api,
  type ChannelName,
  type EventName,
} from './ipc-contract'

/** How the api object reaches main: ipcRenderer in the preload, a Playwright binding in end-to-end tests. */
export interface ApiTransport {
  readonly call: (channel: ChannelName, request: unknown) => Promise<unknown>
  readonly subscribe: (event: EventName, listener: (payload: unknown) => void) => () => void
}

/**
 * Builds `window.api` from the contract: one method per channel, grouped by domain. The transport stays
 * private to the closure, so the page never gets a generic way to reach an arbitrary channel.
 */
export function createApi(transport: ApiTransport): Api {
  const api: Record<string, Record<string, (request: unknown) => Promise<unknown>>> = {}
  for (const name of channelNames) {
    const [domain, method] = name.split(':') as [string, string]
    api[domain] ??= {}
    api[domain][method] = (request: unknown) => transport.call(name, request ?? {})
  }
  const on = (name: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!eventNames.includes(name)) throw new Error(`Unknown event: ${String(name)}`)
    return transport.subscribe(name, listener)
  }
  return Object.freeze({ ...api, on }) as unknown as Api
}
