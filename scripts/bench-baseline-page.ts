// Bundled into the render benchmark's page (scripts/bench-render.ts): the baseline the board's render times are
// divided by. One FullCalendar timeGrid day, with the options the board used when it drew one calendar per schedule,
// drawing as many background events as the whole board does; timed the way the board is, from the data to the
// painted frame. FullCalendar is a dev dependency for this alone: the board draws its own columns.
import { Calendar, type CalendarOptions, type EventInput } from '@fullcalendar/core'
import luxonPlugin from '@fullcalendar/luxon3'
import timeGridPlugin from '@fullcalendar/timegrid'

/** What the page offers the benchmark. */
export interface BaselinePage {
  /** Mounts the one calendar (once) on `date`, drawing the hours the board draws. */
  mount(options: { zone: string; date: string; slotMinTime: string; slotMaxTime: string }): void
  /** Moves the calendar to `date` with `events` (one render batch); resolves with ms until painted. */
  show(date: string, events: EventInput[]): Promise<number>
}

interface PageDom {
  readonly document: {
    createElement(tag: string): { id: string; style: Record<string, string> }
    readonly body: { append(node: unknown): void }
  }
  requestAnimationFrame(callback: () => void): number
  __benchBaseline: BaselinePage
}

const page = globalThis as unknown as PageDom
let calendar: Calendar | null = null

page.__benchBaseline = {
  mount({ zone, date, slotMinTime, slotMaxTime }) {
    if (calendar) return
    const element = page.document.createElement('div')
    element.id = 'bench-baseline'
    // Over the side panel, as wide as one of the board's columns: painted, not hidden (hidden elements are not laid
    // out), and never over the board being timed.
    Object.assign(element.style, {
      position: 'fixed',
      top: '0',
      right: '0',
      width: '240px',
      zIndex: '1000',
      background: 'white',
    })
    page.document.body.append(element)
    // As the board's columns are configured (the timegrid options are typed by its plugin, not by core's types).
    const options = {
      plugins: [timeGridPlugin, luxonPlugin],
      initialView: 'timeGridDay',
      initialDate: date,
      timeZone: zone,
      headerToolbar: false,
      dayHeaders: false,
      allDaySlot: false,
      height: 'auto',
      expandRows: false,
      slotDuration: { minutes: 15 },
      snapDuration: { minutes: 15 },
      slotLabelInterval: { minutes: 60 },
      slotMinTime,
      slotMaxTime,
      nowIndicator: true,
      events: [],
    }
    calendar = new Calendar(element as never, options as CalendarOptions)
    calendar.render()
  },
  show(date, events) {
    const shown = calendar
    if (!shown) return Promise.reject(new Error('mount the baseline first'))
    return new Promise((done) => {
      const began = performance.now()
      shown.batchRendering(() => {
        shown.gotoDate(date)
        shown.removeAllEventSources()
        shown.addEventSource(events)
      })
      page.requestAnimationFrame(() =>
        page.requestAnimationFrame(() => done(performance.now() - began)),
      )
    })
  },
}
