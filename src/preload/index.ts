import { contextBridge, ipcRenderer } from 'electron'
import { createApi } from '../shared/ipc-api'
import { eventNames, type EventName } from '../shared/ipc-contract'

// One method per contract channel; ipcRenderer itself never reaches the page.
const api = createApi({
  call: (channel, request) => ipcRenderer.invoke(channel, request),
  subscribe: (name: EventName, listener) => {
    if (!eventNames.includes(name)) throw new Error(`Unknown event: ${name}`)
    const wrapped = (_event: unknown, payload: unknown): void => listener(payload)
    ipcRenderer.on(name, wrapped)
    return () => ipcRenderer.removeListener(name, wrapped)
  },
})

contextBridge.exposeInMainWorld('api', api)
