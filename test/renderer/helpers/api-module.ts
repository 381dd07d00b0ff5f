// Stands in for src/renderer/src/api.ts (the one module tests replace): `api` reads whichever fake is installed.
import type { Api } from '../../../src/shared/ipc-contract'

let current: Api | null = null

/** Installs the fake the stores will call. */
export function installApi(api: Api): void {
  current = api
}

/** The replaced module's export. */
export const apiModule = {
  get api(): Api {
    if (!current) throw new Error('installApi() first')
    return current
  },
}
