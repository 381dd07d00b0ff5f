import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { OpenVpmsClient } from '../../src/main/openvpms/client'
import { startSandbox, type RunningSandbox } from '../../src/main/sandbox'
import { createEvents, createServices } from '../../src/main/services'
import type { SessionStatus } from '../../src/shared/domain'

const status: SessionStatus = {
  mode: 'clinic',
  serverUrl: 'https://vets.example.com/openvpms/ws/booking/v2',
  username: 'frontdesk',
  connected: true,
  keychain: 'available',
  passwordRemembered: true,
  notice: null,
}

let sandbox: RunningSandbox
let dir: string
afterEach(async () => {
  await sandbox.close()
  await rm(dir, { recursive: true, force: true })
})

describe('createServices', () => {
  it('drops what it cached for the previous connection when the bus says the session changed', async () => {
    sandbox = await startSandbox({ port: 0, now: '2019-02-14T09:00:00+11:00' })
    dir = await mkdtemp(join(tmpdir(), 'services-'))
    const client = new OpenVpmsClient({
      baseUrl: sandbox.baseUrl,
      username: 'sample',
      password: 'changeit',
    })
    const events = createEvents()
    const services = createServices({
      getClient: () => client,
      events,
      now: Date.now,
      journalDir: dir,
    })
    await services.clinic.loadLocation(98)
    const cached = sandbox.requestCount
    await services.clinic.loadLocation(98)
    const afterCachedLoad = sandbox.requestCount

    events.emit('session:changed', status)
    await services.clinic.loadLocation(98)

    expect(afterCachedLoad).toBe(cached)
    expect(sandbox.requestCount).toBeGreaterThan(cached)
    await services.settle()
  })
})
