// Bundled to an IIFE and installed with addInitScript: window.api built by the same createApi the preload uses,
// its transport a Playwright binding (calls) and a page function the test drives (events).
import { createApi } from '../../../src/shared/ipc-api'
import type { ChannelName, EventName } from '../../../src/shared/ipc-contract'

interface HarnessWindow {
  __frontDeskCall: (channel: ChannelName, request: unknown) => Promise<unknown>
  __frontDeskEmit: (event: EventName, payload: unknown) => void
  api: unknown
}

const page = globalThis as unknown as HarnessWindow
const listeners = new Map<EventName, Set<(payload: unknown) => void>>()

page.__frontDeskEmit = (event, payload) => {
  for (const listener of listeners.get(event) ?? []) listener(payload)
}

page.api = createApi({
  // ipcRenderer.invoke structured-clones its argument, and fails on what cannot be cloned (a Vue proxy): so here too.
  call: (channel, request) => page.__frontDeskCall(channel, structuredClone(request)),
  subscribe: (event, listener) => {
    const set = listeners.get(event) ?? new Set()
    set.add(listener)
    listeners.set(event, set)
    return () => set.delete(listener)
  },
})
