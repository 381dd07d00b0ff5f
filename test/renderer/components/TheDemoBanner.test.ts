import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ok } from '../../../src/shared/result'
import TheDemoBanner from '../../../src/renderer/src/components/TheDemoBanner.vue'
import { useSessionStore } from '../../../src/renderer/src/stores/session'
import { createFakeApi, type FakeApi } from '../helpers/fake-api'
import { installApi } from '../helpers/api-module'
import { clinicStatus, demoStatus } from '../helpers/fixtures'

vi.mock(
  '../../../src/renderer/src/api',
  async () => (await import('../helpers/api-module')).apiModule,
)

let fake: FakeApi

async function mountBanner() {
  const pinia = createPinia()
  setActivePinia(pinia)
  await useSessionStore().load()
  return mount(TheDemoBanner, { global: { plugins: [pinia] } })
}

beforeEach(() => {
  fake = createFakeApi({ 'session:getStatus': () => ok(demoStatus) })
  installApi(fake.api)
})

describe('TheDemoBanner', () => {
  it('says clearly that this is the demo clinic and offers to connect', async () => {
    const wrapper = await mountBanner()

    await wrapper.get('button').trigger('click')

    expect(wrapper.get('[aria-label="Demo clinic"]').text()).toContain('Demo clinic.')
    expect(wrapper.emitted('connect')).toHaveLength(1)
  })

  it('disappears once connected to the clinic, leaving only a notice main sends', async () => {
    const wrapper = await mountBanner()

    fake.emit('session:changed', {
      ...clinicStatus,
      notice: 'No keychain: the password is kept for this run only.',
    })
    await flushPromises()

    expect(wrapper.find('[aria-label="Demo clinic"]').exists()).toBe(false)
    expect(wrapper.get('[role="status"]').text()).toBe(
      'No keychain: the password is kept for this run only.',
    )
  })

  it('offers both ways out when not connected at all', async () => {
    fake.answer({ 'session:useDemo': () => ok(demoStatus) })
    const wrapper = await mountBanner()
    fake.emit('session:changed', { ...demoStatus, mode: 'none', connected: false })
    await flushPromises()

    await wrapper.get('[aria-label="Not connected"] button:not(.fd-primary)').trigger('click')
    await flushPromises()

    expect(fake.callsTo('session:useDemo')).toHaveLength(1)
    expect(wrapper.find('[aria-label="Demo clinic"]').exists()).toBe(true)
  })

  it('asks for the password again when the server refused it mid-session', async () => {
    const wrapper = await mountBanner()
    fake.emit('session:changed', {
      ...clinicStatus,
      connected: false,
      notice: 'The server refused the password for frontdesk (it may have been changed).',
    })
    await flushPromises()

    await wrapper.get('button').trigger('click')

    expect(wrapper.get('[role="status"]').text()).toContain('refused the password')
    expect(wrapper.get('button').text()).toBe('Enter the password…')
    expect(wrapper.emitted('connect')).toHaveLength(1)
  })
})
