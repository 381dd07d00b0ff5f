// Who a booking is for (spec §7.2): an existing customer only on an exact name plus one matching contact.
import type { BookingRequest } from './booking-body'
import type { Clinic } from './clinic'
import type { CustomerRecord } from './model'

const isEmpty = (value: string | null): value is null | '' => value === null || value === ''

/** spec §7.2: whitespace, `-`, `(`, `)` removed, then cut at the first character that is not a digit or `+`. */
export function normalisePhone(value: string): string {
  const stripped = value.replace(/[\s\-()]/g, '')
  const cut = stripped.search(/[^0-9+]/)
  return cut === -1 ? stripped : stripped.slice(0, cut)
}

/** spec §7.2: exactly one active person named `lastName,firstName` (any case) with a matching contact. */
export function matchCustomer(clinic: Clinic, booking: BookingRequest): CustomerRecord | null {
  const key = `${booking.lastName},${booking.firstName}`.toLowerCase()
  const phones = [booking.phone, booking.mobile]
    .filter((value): value is string => !isEmpty(value))
    .map(normalisePhone)
    .filter((value) => value !== '')
  const matches = clinic.customers.filter((customer) => {
    if (!customer.active) return false
    const name = customer.companyName ?? `${customer.lastName},${customer.firstName}`
    if (name.toLowerCase() !== key) return false
    const phoneMatch = customer.phones.some((phone) =>
      phones.includes(normalisePhone(phone.areaCode + phone.number)),
    )
    const emailMatch =
      !isEmpty(booking.email) && customer.emails.some((email) => email.address === booking.email)
    return phoneMatch || emailMatch
  })
  // spec §7.2: zero or two-plus matches both mean "no customer".
  return matches.length === 1 ? (matches[0] ?? null) : null
}
