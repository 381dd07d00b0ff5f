import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { SessionStatus } from '../../../shared/domain'
import type { ConnectRequest } from '../../../shared/ipc-contract'
import type { AppError, Result } from '../../../shared/result'
import { api } from '../api'
import { unreachable, type Status } from './status'

/** The connection: demo clinic or the clinic's own OpenVPMS, and the connect / sign-out / demo actions. */
export const useSessionStore = defineStore('session', () => {
  const current = ref<SessionStatus | null>(null)
  const status = ref<Status>('idle')
  const error = ref<AppError | null>(null)
  /** The connect dialog's own call, so its error shows in the dialog, not in the top bar. */
  const connectStatus = ref<Status>('idle')
  const connectError = ref<AppError | null>(null)
  let unsubscribe: (() => void) | null = null

  const isDemo = computed(() => current.value?.mode === 'demo')
  const connected = computed(() => current.value?.connected === true)

  async function run(call: () => Promise<Result<SessionStatus>>): Promise<boolean> {
    status.value = 'loading'
    try {
      const result = await call()
      if (!result.ok) {
        error.value = result.error
        status.value = 'error'
        return false
      }
      current.value = result.data
      error.value = null
      status.value = 'ready'
      return true
    } catch (cause) {
      error.value = unreachable(cause)
      status.value = 'error'
      return false
    }
  }

  /** Loads the status once and follows `session:changed` from then on. */
  async function load(): Promise<void> {
    unsubscribe ??= api.on('session:changed', (next) => {
      current.value = next
    })
    await run(() => api.session.getStatus({}))
  }

  /** Tests the address and credentials in main; the dialog shows `connectError` when it fails. */
  async function connect(request: ConnectRequest): Promise<boolean> {
    connectStatus.value = 'loading'
    connectError.value = null
    try {
      const result = await api.session.connect(request)
      if (!result.ok) {
        connectError.value = result.error
        connectStatus.value = 'error'
        return false
      }
      current.value = result.data
      connectStatus.value = 'ready'
      return true
    } catch (cause) {
      connectError.value = unreachable(cause)
      connectStatus.value = 'error'
      return false
    }
  }

  /** Forgets the clinic's credentials. */
  function signOut(): Promise<boolean> {
    return run(() => api.session.signOut({}))
  }

  /** Switches to the built-in demo clinic. */
  function useDemo(): Promise<boolean> {
    return run(() => api.session.useDemo({}))
  }

  function $reset(): void {
    unsubscribe?.()
    unsubscribe = null
    current.value = null
    status.value = 'idle'
    error.value = null
    connectStatus.value = 'idle'
    connectError.value = null
  }

  return {
    current,
    status,
    error,
    connectStatus,
    connectError,
    isDemo,
    connected,
    load,
    connect,
    signOut,
    useDemo,
    $reset,
  }
})
