import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fail, ok } from '../../../src/shared/result'
import TheConnectDialog from '../../../src/renderer/src/components/TheConnectDialog.vue'
import { useSessionStore } from '../../../src/renderer/src/stores/session'
import { createFakeApi, type FakeApi } from '../helpers/fake-api'
import { installApi } from '../helpers/api-module'
import { clinicStatus, demoStatus } from '../helpers/fixtures'

vi.mock(
  '../../../src/renderer/src/api',
  async () => (await import('../helpers/api-module')).apiModule,
)

let fake: FakeApi

async function mountDialog() {
  const pinia = createPinia()
  setActivePinia(pinia)
  await useSessionStore().load()
  return mount(TheConnectDialog, { props: { open: true }, global: { plugins: [pinia] } })
}

beforeEach(() => {
  fake = createFakeApi({ 'session:getStatus': () => ok(demoStatus) })
  installApi(fake.api)
})

describe('TheConnectDialog', () => {
  it('asks about plain http only for another machine', async () => {
    const wrapper = await mountDialog()
    const url = wrapper.find('#connect-url')

    await url.setValue('https://vets.example.com/openvpms')
    const forHttps = wrapper.text().includes('plain http')
    await url.setValue('http://127.0.0.1:8080/openvpms')
    const forLoopback = wrapper.text().includes('plain http')
    await url.setValue('http://192.168.1.20:8080/openvpms')

    expect([forHttps, forLoopback]).toEqual([false, false])
    expect(wrapper.text()).toContain('send the password unencrypted anyway')
  })

  it('sends what was typed and shows the server’s refusal precisely', async () => {
    fake.answer({
      'session:connect': () =>
        fail('AUTH', 'vets.example.com refused the username or password (401).'),
    })
    const wrapper = await mountDialog()
    await wrapper.find('#connect-url').setValue(' https://vets.example.com/openvpms ')
    await wrapper.find('#connect-username').setValue('frontdesk')
    await wrapper.find('#connect-password').setValue('secret')

    await wrapper.find('form').trigger('submit')
    await flushPromises()

    expect(fake.callsTo('session:connect')).toEqual([
      {
        serverUrl: 'https://vets.example.com/openvpms',
        username: 'frontdesk',
        password: 'secret',
        rememberPassword: true,
        allowInsecure: false,
      },
    ])
    expect(wrapper.find('[role="alert"]').text()).toBe(
      'vets.example.com refused the username or password (401).',
    )
    expect((wrapper.find('#connect-password').element as HTMLInputElement).value).toBe('')
    expect(wrapper.emitted('close')).toBeUndefined()
  })

  it('closes once connected', async () => {
    fake.answer({ 'session:connect': () => ok(clinicStatus) })
    const wrapper = await mountDialog()
    await wrapper.find('#connect-url').setValue('https://vets.example.com/openvpms')

    await wrapper.find('form').trigger('submit')
    await flushPromises()

    expect(wrapper.emitted('close')).toHaveLength(1)
  })

  it('opens filled with the clinic’s address and username, ready for the password', async () => {
    fake.answer({ 'session:getStatus': () => ok({ ...clinicStatus, connected: false }) })
    const pinia = createPinia()
    setActivePinia(pinia)
    const wrapper = mount(TheConnectDialog, {
      props: { open: false },
      global: { plugins: [pinia] },
    })
    await useSessionStore().load()

    await wrapper.setProps({ open: true })

    expect((wrapper.find('#connect-url').element as HTMLInputElement).value).toBe(
      clinicStatus.serverUrl,
    )
    expect((wrapper.find('#connect-username').element as HTMLInputElement).value).toBe('frontdesk')
    expect(wrapper.find('#connect-password').attributes('autofocus')).toBeDefined()
    expect(wrapper.find('#connect-url').attributes('autofocus')).toBeUndefined()
  })

  it('shows each refused field beside it', async () => {
    fake.answer({
      'session:connect': () =>
        fail('VALIDATION', 'Enter the OpenVPMS username.', {
          fieldErrors: [{ field: 'username', message: 'Enter the OpenVPMS username.' }],
        }),
    })
    const wrapper = await mountDialog()

    await wrapper.find('form').trigger('submit')
    await flushPromises()

    expect(wrapper.find('#connect-username').attributes('aria-invalid')).toBe('true')
    expect(wrapper.find('#connect-username-error').text()).toBe('Enter the OpenVPMS username.')
  })
})
