import { contextBridge, ipcRenderer } from 'electron'
import { createApi } from '../shared/ipc-api'

// One method per contract channel; ipcRenderer itself never reaches the page. createApi only ever passes the
// contract's channel and event names to the transport.
const api = createApi({
  call: (channel, request) => ipcRenderer.invoke(channel, request),
  subscribe: (name, listener) => {
    const wrapped = (_event: unknown, payload: unknown): void => listener(payload)
    ipcRenderer.on(name, wrapped)
    return () => ipcRenderer.removeListener(name, wrapped)
  },
})

contextBridge.exposeInMainWorld('api', api)
