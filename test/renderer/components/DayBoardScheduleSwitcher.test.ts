import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import DayBoardScheduleSwitcher from '../../../src/renderer/src/components/DayBoardScheduleSwitcher.vue'
import { mainDetails } from '../helpers/fixtures'

const [appointments, surgery] = mainDetails.schedules

function mountSwitcher(shown: number) {
  return mount(DayBoardScheduleSwitcher, {
    props: { schedules: mainDetails.schedules, modelValue: shown },
  })
}

describe('DayBoardScheduleSwitcher', () => {
  it('names the schedule shown, where it stands, and the neighbours its buttons go to', () => {
    const wrapper = mountSwitcher(surgery!.id)

    expect(wrapper.get('label').text()).toBe(`Schedule shown (2 of 2)`)
    expect(wrapper.get('select').element.value).toBe(String(surgery!.id))
    expect(wrapper.findAll('button').map((button) => button.attributes('aria-label'))).toEqual([
      `Previous schedule: ${appointments!.name}`,
      `Next schedule: ${appointments!.name}`,
    ])
  })

  it('goes round past the last schedule, so its buttons never turn disabled under the focus', async () => {
    const wrapper = mountSwitcher(surgery!.id)

    await wrapper.findAll('button')[1]!.trigger('click')

    expect(wrapper.emitted('update:modelValue')).toEqual([[appointments!.id]])
    expect(wrapper.findAll('button').every((button) => !button.attributes('disabled'))).toBe(true)
  })

  it('shows the schedule chosen by name', async () => {
    const wrapper = mountSwitcher(appointments!.id)

    await wrapper.get('select').setValue(String(surgery!.id))

    expect(wrapper.emitted('update:modelValue')).toEqual([[surgery!.id]])
  })
})
