import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { SessionStatus } from '../../../shared/domain'
import type { ConnectRequest } from '../../../shared/ipc-contract'
import type { Result } from '../../../shared/result'
import { api } from '../api'
import { useRequest } from './request'

/** The connection: demo clinic or the clinic's own OpenVPMS, and the connect / sign-out / demo actions. */
export const useSessionStore = defineStore('session', () => {
  const current = ref<SessionStatus | null>(null)
  const request = useRequest()
  /** The connect dialog's own call, so its error shows in the dialog, not in the top bar. */
  const connecting = useRequest()
  let unsubscribe: (() => void) | null = null

  const isDemo = computed(() => current.value?.mode === 'demo')
  const connected = computed(() => current.value?.connected === true)

  function show(next: SessionStatus): void {
    current.value = next
  }

  function run(call: () => Promise<Result<SessionStatus>>): Promise<boolean> {
    return request.run(call, show)
  }

  /** Loads the status once and follows `session:changed` from then on. */
  async function load(): Promise<void> {
    unsubscribe ??= api.on('session:changed', show)
    await run(() => api.session.getStatus({}))
  }

  /** Tests the address and credentials in main; the dialog shows `connectError` when it fails. */
  function connect(details: ConnectRequest): Promise<boolean> {
    return connecting.run(() => api.session.connect(details), show)
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
    request.reset()
    connecting.reset()
  }

  return {
    current,
    status: request.status,
    error: request.error,
    connectStatus: connecting.status,
    connectError: connecting.error,
    isDemo,
    connected,
    load,
    connect,
    signOut,
    useDemo,
    $reset,
  }
})
