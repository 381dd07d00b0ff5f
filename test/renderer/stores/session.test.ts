import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fail, ok } from '../../../src/shared/result'
import { useSessionStore } from '../../../src/renderer/src/stores/session'
import { createFakeApi, type FakeApi } from '../helpers/fake-api'
import { installApi } from '../helpers/api-module'
import { clinicStatus, demoStatus } from '../helpers/fixtures'

vi.mock(
  '../../../src/renderer/src/api',
  async () => (await import('../helpers/api-module')).apiModule,
)

let fake: FakeApi

beforeEach(() => {
  setActivePinia(createPinia())
  fake = createFakeApi({ 'session:getStatus': () => ok(demoStatus) })
  installApi(fake.api)
})

describe('session store', () => {
  it('knows it is on the demo clinic and follows later changes from main', async () => {
    const session = useSessionStore()
    await session.load()
    const wasDemo = session.isDemo

    fake.emit('session:changed', clinicStatus)

    expect(wasDemo).toBe(true)
    expect(session.isDemo).toBe(false)
    expect(session.current?.username).toBe('frontdesk')
  })

  it('keeps the connect error for the dialog and never stores the password', async () => {
    const session = useSessionStore()
    await session.load()
    fake.answer({
      'session:connect': () => fail('AUTH', 'The username or password is not right.'),
    })

    const connected = await session.connect({
      serverUrl: 'https://vets.example.com/openvpms',
      username: 'frontdesk',
      password: 'secret',
      rememberPassword: true,
      allowInsecure: false,
    })

    expect(connected).toBe(false)
    expect(session.connectError?.message).toBe('The username or password is not right.')
    expect(session.status).toBe('ready')
    expect(JSON.stringify(session.$state)).not.toContain('secret')
  })

  it('switches back to the demo clinic', async () => {
    const session = useSessionStore()
    fake.answer({
      'session:getStatus': () => ok(clinicStatus),
      'session:useDemo': () => ok(demoStatus),
    })
    await session.load()

    await session.useDemo()

    expect(session.isDemo).toBe(true)
  })
})
