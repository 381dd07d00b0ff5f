// The built-in demo clinic. Its 2019-02-15 reproduces every example of the seed API guide
// (seed/online-booking-api-v2.txt); the days around today come from the generator.
import type { DatasetInput } from './dataset'
import { mulberry32 } from './random'

/** The seed clinic's server zone. */
export const SEED_TIME_ZONE = 'Australia/Sydney'

/** Login of the seed API user that holds the Online Booking role. */
export const SEED_LOGIN = 'sample'

const weekdays = (start: string, end: string) => ({
  mon: { open: true, start, end },
  tue: { open: true, start, end },
  wed: { open: true, start, end },
  thu: { open: true, start, end },
  fri: { open: true, start, end },
})
const closed = { open: false }

const FIRST_NAMES = [
  'Olivia',
  'Jack',
  'Charlotte',
  'William',
  'Amelia',
  'Noah',
  'Isla',
  'Oliver',
  'Mia',
  'Thomas',
  'Grace',
  'James',
  'Chloe',
  'Lucas',
  'Ruby',
  'Henry',
  'Zoe',
  'Ethan',
  'Ella',
  'Liam',
]
const LAST_NAMES = [
  'Smith',
  'Jones',
  'Williams',
  'Brown',
  'Wilson',
  'Taylor',
  'Nguyen',
  'Martin',
  'Anderson',
  'White',
  'Thompson',
  'Walker',
  'Harris',
  'Lee',
  'Ryan',
  'Robinson',
  'Kelly',
  'King',
  'Campbell',
  'Clarke',
]
const PET_NAMES = [
  'Max',
  'Bella',
  'Charlie',
  'Coco',
  'Milo',
  'Luna',
  'Buddy',
  'Daisy',
  'Rocky',
  'Molly',
  'Oscar',
  'Rosie',
  'Teddy',
  'Lola',
  'Archie',
  'Ruby',
  'Toby',
  'Sasha',
  'Ziggy',
  'Pepper',
]
const TITLES = ['MR', 'MRS', 'MS', 'MISS', 'DR']

/** First id of the generated customer pool (the generator picks owners from it). */
export const POOL_FIRST_CUSTOMER = 2001

/** Number of customers in the generated pool. */
export const POOL_SIZE = 60

function customerPool(): NonNullable<DatasetInput['customers']> {
  const random = mulberry32(20190215)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  return Array.from({ length: POOL_SIZE }, (_, index) => {
    const id = POOL_FIRST_CUSTOMER + index
    const firstName = pick(FIRST_NAMES)
    const lastName = pick(LAST_NAMES)
    const mobile = `04${String(10_000_000 + Math.floor(random() * 89_999_999)).slice(0, 8)}`
    const pets = 1 + Math.floor(random() * 2)
    return {
      id,
      title: pick(TITLES),
      firstName,
      lastName,
      phones: [{ areaCode: '', number: mobile, purposes: ['MOBILE'], sms: true, preferred: true }],
      emails: [
        { address: `${firstName}.${lastName}${index}@example.com`.toLowerCase(), preferred: true },
      ],
      patients: Array.from({ length: pets }, (_, pet) => ({
        id: 3001 + index * 2 + pet,
        name: pick(PET_NAMES),
      })),
    }
  })
}

/** The seed clinic as a dataset (validated like any dataset file). */
export function seedDataset(): DatasetInput {
  return {
    timeZone: SEED_TIME_ZONE,
    users: [
      { id: 1, name: 'Sample', login: SEED_LOGIN, password: 'changeit', bookingRole: true },
      // Reads only: POST/DELETE get 403 `Access is denied`. The real outcome without the Online Booking role
      // (403 or 500) is not determinable from the OpenVPMS source (spec §8, §12).
      { id: 2, name: 'Viewer', login: 'viewer', password: 'changeit', bookingRole: false },
      {
        id: 1158,
        name: 'Andrew Turner',
        login: 'aturner',
        password: 'changeit',
        onlineBooking: true,
        clinician: true,
        locations: [106, 98],
      },
      {
        id: 1159,
        name: 'Chris Barton',
        login: 'cbarton',
        password: 'changeit',
        onlineBooking: true,
        clinician: true,
        locations: [106, 98],
      },
      {
        id: 1160,
        name: 'Priya Shah',
        login: 'pshah',
        password: 'changeit',
        onlineBooking: true,
        clinician: true,
        locations: [106],
      },
      {
        id: 1161,
        name: 'Tom Nguyen',
        login: 'tnguyen',
        password: 'changeit',
        onlineBooking: true,
        clinician: true,
        locations: [106],
      },
    ],
    locations: [
      { id: 106, name: 'Branch Clinic', onlineBooking: true },
      { id: 98, name: 'Main Clinic', onlineBooking: true },
    ],
    appointmentTypes: [
      { id: 79, name: 'Short Consult', onlineBooking: true },
      { id: 66, name: 'Standard Consult', onlineBooking: true },
      { id: 63, name: 'Long Consult', onlineBooking: true },
      { id: 76, name: 'New Patient', onlineBooking: true },
      { id: 81, name: 'Vaccination', onlineBooking: true },
      { id: 84, name: 'Desexing', onlineBooking: true },
      { id: 85, name: 'Dental Scale & Polish', onlineBooking: true },
      { id: 86, name: 'Nurse Check', onlineBooking: true },
      { id: 87, name: 'Post-op Check', onlineBooking: true },
      { id: 90, name: 'Euthanasia', onlineBooking: false },
    ],
    schedules: [
      {
        id: 136,
        name: 'Main Appointment Schedule',
        location: 98,
        onlineBooking: true,
        slotSize: 15,
        onlineBookingTimes: {
          ...weekdays('09:00', '17:30'),
          sat: { open: true, start: '09:00', end: '12:00' },
          sun: closed,
        },
        appointmentTypes: [
          { type: 79, slots: 1 },
          { type: 66, slots: 1 },
          { type: 63, slots: 2 },
          { type: 76, slots: 2 },
        ],
      },
      {
        id: 211,
        name: 'Main Surgery Schedule',
        location: 98,
        onlineBooking: true,
        slotSize: 30,
        onlineBookingTimes: { ...weekdays('08:00', '18:00'), sat: closed, sun: closed },
        appointmentTypes: [
          { type: 84, slots: 2 },
          { type: 85, slots: 2 },
          { type: 87, slots: 1 },
        ],
      },
      {
        id: 301,
        name: 'Consult Room 1',
        location: 106,
        onlineBooking: true,
        slotSize: 15,
        onlineBookingTimes: {
          ...weekdays('08:00', '18:00'),
          sat: { open: true, start: '08:30', end: '12:30' },
          sun: closed,
        },
        appointmentTypes: [
          { type: 79, slots: 1 },
          { type: 66, slots: 2 },
          { type: 63, slots: 3 },
          { type: 76, slots: 2 },
          { type: 81, slots: 1 },
          { type: 90, slots: 2 },
        ],
      },
      {
        id: 302,
        name: 'Consult Room 2',
        location: 106,
        onlineBooking: true,
        slotSize: 15,
        onlineBookingTimes: {
          ...weekdays('08:00', '18:00'),
          sat: { open: true, start: '08:30', end: '12:30' },
          sun: { open: true, start: '10:00', end: '14:00' },
        },
        appointmentTypes: [
          { type: 79, slots: 1 },
          { type: 66, slots: 2 },
          { type: 63, slots: 3 },
          { type: 81, slots: 1 },
        ],
      },
      {
        id: 303,
        name: 'Consult Room 3',
        location: 106,
        onlineBooking: true,
        slotSize: 15,
        startTime: '08:00',
        endTime: '18:00',
        appointmentTypes: [
          { type: 66, slots: 2 },
          { type: 76, slots: 3 },
          { type: 86, slots: 1 },
        ],
      },
      {
        id: 304,
        name: 'Surgery',
        location: 106,
        onlineBooking: true,
        slotSize: 30,
        onlineBookingTimes: { ...weekdays('08:00', '18:00'), sat: closed, sun: closed },
        appointmentTypes: [
          { type: 84, slots: 3 },
          { type: 87, slots: 1 },
        ],
      },
      {
        id: 305,
        name: 'Dental',
        location: 106,
        onlineBooking: true,
        slotSize: 30,
        onlineBookingTimes: { ...weekdays('08:30', '17:00'), sat: closed, sun: closed },
        appointmentTypes: [
          { type: 85, slots: 3 },
          { type: 87, slots: 1 },
        ],
      },
      {
        id: 306,
        name: 'Nurse Clinic',
        location: 106,
        onlineBooking: true,
        slotSize: 20,
        onlineBookingTimes: {
          ...weekdays('08:00', '18:00'),
          sat: { open: true, start: '08:00', end: '12:00' },
          sun: closed,
        },
        appointmentTypes: [
          { type: 81, slots: 1 },
          { type: 86, slots: 1 },
          { type: 87, slots: 1 },
        ],
      },
    ],
    rosterAreas: [
      { id: 1, location: 98, schedules: [136] },
      { id: 2, location: 98, schedules: [211] },
      { id: 3, location: 106, schedules: [301] },
      { id: 4, location: 106, schedules: [302] },
      { id: 5, location: 106, schedules: [303] },
      { id: 6, location: 106, schedules: [304] },
      { id: 7, location: 106, schedules: [305] },
      { id: 8, location: 106, schedules: [306] },
    ],
    // The guide: user 1158 free at 98 on 2019-02-15 11:00–17:00 on 136, then 09:00–17:00 on 211.
    rosterEvents: [
      { user: 1158, area: 1, location: 98, start: '2019-02-15T11:00', end: '2019-02-15T17:00' },
      { user: 1158, area: 2, location: 98, start: '2019-02-15T09:00', end: '2019-02-15T17:00' },
    ],
    customers: [
      {
        id: 3,
        title: 'MS',
        firstName: 'Judith',
        lastName: 'Bourke',
        phones: [
          { areaCode: '', number: '0418976543', purposes: ['MOBILE'], sms: true, preferred: true },
        ],
        emails: [{ address: 'judith.bourke@example.com', preferred: true }],
        patients: [{ id: 7, name: 'Muffett' }],
      },
      ...customerPool(),
    ],
    // The guide: schedule 136 busy 10:45–11:30 on 2019-02-15, reference 603:be08f3c6-….
    appointments: [
      {
        id: 603,
        linkId: 'be08f3c6-1afb-11e6-be41-3dbaef689d97',
        schedule: 136,
        appointmentType: 66,
        start: '2019-02-15T10:45',
        end: '2019-02-15T11:30',
        customer: 3,
        patient: 7,
        clinician: 1159,
      },
    ],
    calendarBlocks: [{ schedule: 211, start: '2019-02-15T12:00', end: '2019-02-15T13:00' }],
  }
}
