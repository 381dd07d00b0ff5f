import { describe, expect, it } from 'vitest'
import {
  badResponse,
  errorCodes,
  errorForException,
  errorForStatus,
  isGetBooking,
  isHtml,
  refusedRedirect,
  tooManyRedirects,
  unexpected,
} from '../../../src/main/openvpms/errors'
import type { FailedRequest } from '../../../src/main/openvpms/errors'

const getLocations: FailedRequest = {
  method: 'GET',
  path: '/locations',
  host: 'clinic.example.com',
}
const getBooking: FailedRequest = {
  method: 'GET',
  path: '/bookings/391:abc',
  host: 'clinic.example.com',
}
const postBooking: FailedRequest = { method: 'POST', path: '/bookings', host: 'clinic.example.com' }
const deleteBooking: FailedRequest = {
  method: 'DELETE',
  path: '/bookings/391:abc',
  host: 'clinic.example.com',
}
const text = (status: number, body: string) => ({ status, mediaType: 'text/plain', body })
const html = (status: number) => ({
  status,
  mediaType: 'text/html',
  body: '<html><body>Apache Tomcat</body></html>',
})

describe('errorForStatus', () => {
  it.each([
    ['401 page', getLocations, html(401), 'AUTH'],
    ['403', postBooking, text(403, 'Access is denied'), 'FORBIDDEN'],
    ['text 404 Booking not found', getBooking, text(404, 'Booking not found'), 'NOT_FOUND'],
    [
      'text 404 Practice location not found',
      getLocations,
      text(404, 'Practice location not found'),
      'NOT_FOUND',
    ],
    ["Jersey's own 404", getLocations, text(404, 'HTTP 404 Not Found'), 'NOT_OPENVPMS'],
    ['HTML 404', getLocations, html(404), 'NOT_OPENVPMS'],
    [
      'overlap',
      postBooking,
      text(
        400,
        'An appointment is already scheduled for 2019-02-15 09:00:00.0-2019-02-15 09:15:00.0',
      ),
      'CONFLICT',
    ],
    [
      'not pending',
      deleteBooking,
      text(400, 'The booking must be pending to cancel'),
      'NOT_PENDING',
    ],
    ['past', postBooking, text(400, 'Cannot make a booking in the past'), 'VALIDATION'],
    ['invalid reference', getBooking, text(400, 'Invalid booking reference'), 'VALIDATION'],
    [
      'Jackson',
      postBooking,
      text(400, 'Unrecognized field "foo" (class org.openvpms.booking.domain.Booking)'),
      'VALIDATION',
    ],
    ['HTML 400', postBooking, html(400), 'VALIDATION'],
    ['500 on GET booking', getBooking, html(500), 'GET_DEFECT'],
    ['500 elsewhere', getLocations, html(500), 'SERVER'],
    ['503', getBooking, html(503), 'SERVER'],
    ['504 on POST', postBooking, html(504), 'OUTCOME_UNKNOWN'],
    ['500 on POST', postBooking, html(500), 'OUTCOME_UNKNOWN'],
    ['503 on POST', postBooking, html(503), 'OUTCOME_UNKNOWN'],
    ['524 on POST', postBooking, html(524), 'OUTCOME_UNKNOWN'],
    ['520 on POST', postBooking, html(520), 'OUTCOME_UNKNOWN'],
    ['406', postBooking, text(406, 'HTTP 406 Not Acceptable'), 'SERVER'],
  ])('%s → %s', (_name, request, answer, code) => {
    const error = errorForStatus(request, answer)

    expect(error.code).toBe(code)
    expect(error.message).not.toMatch(/<|Tomcat/)
  })

  it.each([
    ['Booking is required', undefined],
    ["'start' is a required field", undefined],
    ["'end' is a required field", undefined],
    ['Cannot make a booking in the past', 'start'],
    ['Booking start must be less than end', 'end'],
    ['Schedule not found: 999', 'scheduleId'],
    ['Schedule is not available at location 106', 'scheduleId'],
    ['Appointment Type not found: 5', 'appointmentTypeId'],
    ['Booking start is not on a slot boundary', 'start'],
    ['Booking end is not on a slot boundary', 'end'],
    ["'firstName' is a required field", 'firstName'],
    ["'lastName' is a required field", 'lastName'],
    ['User not found: 4242', 'clinicianId'],
    ['Invalid booking reference', 'reference'],
    ['Schedule is not available for online booking', undefined],
  ])('maps the §7.1 refusal "%s" to VALIDATION on field %s', (serverMessage, field) => {
    const error = errorForStatus(postBooking, text(400, serverMessage))

    expect(error.code).toBe('VALIDATION')
    expect(error.serverMessage).toBe(serverMessage)
    expect(error.fieldErrors?.map((fieldError) => fieldError.field)).toEqual(
      field === undefined ? undefined : [field],
    )
    expect(error.message).toMatch(/\S/)
  })

  it.each([
    ['405 on GET', getLocations, text(405, 'HTTP 405 Method Not Allowed'), 'SERVER'],
    ['415 on POST', postBooking, text(415, 'HTTP 415 Unsupported Media Type'), 'SERVER'],
    ['502 on POST', postBooking, html(502), 'OUTCOME_UNKNOWN'],
    ['502 on GET', getLocations, html(502), 'SERVER'],
    ['503 on DELETE', deleteBooking, html(503), 'SERVER'],
    ['404 Schedule not found', getLocations, text(404, 'Schedule not found'), 'NOT_FOUND'],
    ['404 User not found', getLocations, text(404, 'User not found'), 'NOT_FOUND'],
    ['404 Location not found', getLocations, text(404, 'Location not found'), 'NOT_FOUND'],
    ['404 on DELETE', deleteBooking, text(404, 'Booking not found'), 'NOT_FOUND'],
    [
      '400 not online',
      getLocations,
      text(400, 'Schedule is not available for online booking'),
      'VALIDATION',
    ],
    ['403 page', deleteBooking, html(403), 'FORBIDDEN'],
  ])('maps %s to %s', (_name, request, answer, code) => {
    const error = errorForStatus(request, answer)

    expect(error.code).toBe(code)
    expect(error.message).not.toMatch(/<|Tomcat|HTTP 4\d\d [A-Z]/)
  })

  it('tells the 404 texts of locations, schedules, users and user locations apart', () => {
    const messages = [
      'Practice location not found',
      'Schedule not found',
      'User not found',
      'Location not found',
      'Booking not found',
    ].map((body) => errorForStatus(getLocations, text(404, body)).message)

    expect(new Set(messages).size).toBe(messages.length)
  })

  it('keeps the server text but tells the receptionist what it means', () => {
    const error = errorForStatus(getBooking, text(404, 'Booking not found'))

    expect(error.message).toBe(
      'No booking with that reference: it may have been cancelled or never existed.',
    )
    expect(error.serverMessage).toBe('Booking not found')
  })

  it('says which form field a refusal is about', () => {
    const error = errorForStatus(postBooking, text(400, "'lastName' is a required field"))

    expect(error.fieldErrors).toEqual([
      { field: 'lastName', message: "Enter the customer's last name." },
    ])
  })

  it('passes an unknown refusal through with the first line of the server text', () => {
    const error = errorForStatus(postBooking, text(400, 'Something new\n at [Source: x; line: 1]'))

    expect(error.message).toBe('OpenVPMS refused the request: Something new')
    expect(error.serverMessage).toBe('Something new\n at [Source: x; line: 1]')
  })

  it('never takes HTML as the server message', () => {
    const error = errorForStatus(getLocations, {
      status: 404,
      mediaType: 'text/plain',
      body: '<html>x</html>',
    })

    expect(error.code).toBe('NOT_OPENVPMS')
    expect(error.serverMessage).toBeUndefined()
  })
})

describe('isHtml', () => {
  it('takes a page for a page, but not an answer that merely contains a `<`', () => {
    const json = (body: string) => ({ status: 200, mediaType: 'application/json', body })

    expect(isHtml(json('  <!DOCTYPE html><html></html>'))).toBe(true)
    expect(isHtml({ status: 200, mediaType: 'text/html', body: '' })).toBe(true)
    expect(isHtml(json('[{"id":98,"name":"Vets <North>"}]'))).toBe(false)
    expect(isHtml(text(400, 'Invalid notes: size must be < 5000'))).toBe(false)
  })
})

describe('errorForException', () => {
  const fetchFailed = (code: string) =>
    Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error(code), { code }),
    })

  it.each([
    ['refused GET', getLocations, fetchFailed('ECONNREFUSED'), false, 'NETWORK'],
    ['unknown host', getLocations, fetchFailed('ENOTFOUND'), false, 'NETWORK'],
    ['unreachable host', getLocations, fetchFailed('EHOSTUNREACH'), false, 'NETWORK'],
    ['reset GET', getLocations, fetchFailed('ECONNRESET'), false, 'NETWORK'],
    ['refused POST', postBooking, fetchFailed('ECONNREFUSED'), false, 'NETWORK'],
    ['reset POST', postBooking, fetchFailed('ECONNRESET'), false, 'OUTCOME_UNKNOWN'],
    ['socket closed POST', postBooking, fetchFailed('UND_ERR_SOCKET'), false, 'OUTCOME_UNKNOWN'],
    [
      'timed-out POST',
      postBooking,
      new DOMException('aborted', 'AbortError'),
      true,
      'OUTCOME_UNKNOWN',
    ],
    ['timed-out GET', getLocations, new DOMException('aborted', 'AbortError'), true, 'TIMEOUT'],
    ['expired certificate', getLocations, fetchFailed('CERT_HAS_EXPIRED'), false, 'TLS'],
    [
      'certificate on a POST',
      postBooking,
      fetchFailed('DEPTH_ZERO_SELF_SIGNED_CERT'),
      false,
      'TLS',
    ],
    ['reset DELETE', deleteBooking, fetchFailed('ECONNRESET'), false, 'NETWORK'],
    // No code at all proves nothing: not a certificate problem, and a POST may have arrived.
    ['codeless GET', getLocations, new TypeError('fetch failed'), false, 'NETWORK'],
    ['codeless POST', postBooking, new TypeError('fetch failed'), false, 'OUTCOME_UNKNOWN'],
  ])('%s → %s', (_name, request, thrown, timedOut, code) => {
    expect(errorForException(request, thrown, timedOut).code).toBe(code)
  })

  it('trusts the send tracker: a POST whose headers never left is not OUTCOME_UNKNOWN', () => {
    const timeout = new DOMException('aborted', 'AbortError')

    expect(errorForException(postBooking, timeout, true, 'not-sent').code).toBe('TIMEOUT')
    expect(errorForException(postBooking, fetchFailed('ECONNRESET'), false, 'not-sent').code).toBe(
      'NETWORK',
    )
    expect(errorForException(postBooking, timeout, true, 'sent').code).toBe('OUTCOME_UNKNOWN')
    expect(errorForException(postBooking, timeout, true, 'unknown').code).toBe('OUTCOME_UNKNOWN')
  })

  it('finds the code inside a Happy Eyeballs aggregate', () => {
    const aggregate = Object.assign(
      new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]),
      {},
    )
    const thrown = Object.assign(new TypeError('fetch failed'), { cause: aggregate })

    expect(errorForException(postBooking, thrown, false).code).toBe('NETWORK')
  })
})

describe('what the receptionist reads', () => {
  const json = (status: number, body: string) => ({
    status,
    mediaType: 'application/json',
    body,
  })

  it.each([
    [
      'a refused password',
      getLocations,
      html(401),
      {
        code: 'AUTH',
        message: 'OpenVPMS refused the username or password: check them and sign in again.',
      },
    ],
    [
      'a refusal with no text',
      postBooking,
      text(400, '  \n'),
      { code: 'VALIDATION', message: 'OpenVPMS refused the request as invalid.' },
    ],
    [
      'a refusal in JSON, which is not how the service words its errors',
      postBooking,
      json(400, '{"error":"bad"}'),
      { code: 'VALIDATION', message: 'OpenVPMS refused the request as invalid.' },
    ],
    [
      'an overlap',
      postBooking,
      text(400, 'An appointment is already scheduled for 2019-02-15 09:00:00.0'),
      {
        code: 'CONFLICT',
        message: 'That time is already booked on this schedule: choose another time.',
        serverMessage: 'An appointment is already scheduled for 2019-02-15 09:00:00.0',
      },
    ],
    [
      'a cancel after arrival',
      deleteBooking,
      text(400, 'The booking must be pending to cancel'),
      {
        code: 'NOT_PENDING',
        message:
          'This booking can no longer be cancelled here: the patient may have arrived. Change it in OpenVPMS instead.',
        serverMessage: 'The booking must be pending to cancel',
      },
    ],
    [
      'a schedule closed to online booking (no field to mark)',
      postBooking,
      text(400, 'Schedule is not available for online booking'),
      {
        code: 'VALIDATION',
        message: 'That schedule is not open for online booking in OpenVPMS.',
        serverMessage: 'Schedule is not available for online booking',
      },
    ],
    [
      'an unknown 404 text',
      getLocations,
      text(404, '  Widget not found\nat line 3  '),
      {
        code: 'NOT_FOUND',
        message: 'OpenVPMS could not find that: Widget not found',
        serverMessage: 'Widget not found\nat line 3',
      },
    ],
    [
      'a 500 outside the booking lookup',
      getLocations,
      html(500),
      {
        code: 'SERVER',
        message:
          'The OpenVPMS server had a problem (HTTP 500). Try again; if it keeps happening, tell the administrator.',
      },
    ],
    [
      'a 503 on a GET',
      getLocations,
      html(503),
      {
        code: 'SERVER',
        message:
          'The OpenVPMS server had a problem (HTTP 503). Try again; if it keeps happening, tell the administrator.',
      },
    ],
    [
      'a status the API never sends',
      getLocations,
      text(406, 'HTTP 406 Not Acceptable'),
      {
        code: 'SERVER',
        message:
          'The OpenVPMS server answered unexpectedly (HTTP 406). Check that the address is the Booking API V2.',
        serverMessage: 'HTTP 406 Not Acceptable',
      },
    ],
    [
      'a POST that failed on the server',
      postBooking,
      html(502),
      {
        code: 'OUTCOME_UNKNOWN',
        message:
          'The booking was sent but no usable answer came back, so it may or may not have been made: check the appointment book before booking again.',
      },
    ],
  ])('%s', (_name, request, answer, expected) => {
    expect(errorForStatus(request, answer)).toStrictEqual(expected)
  })

  it('keeps a long server text to 1,000 characters and a banner to 200', () => {
    const long = 'x'.repeat(1500)
    const exactly = 'y'.repeat(1000)
    const line = 'z'.repeat(250)

    const cut = errorForStatus(postBooking, text(400, long))
    const whole = errorForStatus(postBooking, text(400, exactly))
    const banner = errorForStatus(postBooking, text(400, `${line}\nmore`))
    const fits = errorForStatus(postBooking, text(400, 'w'.repeat(200)))

    expect(cut.serverMessage).toBe(`${'x'.repeat(1000)}…`)
    expect(cut.message).toBe(`OpenVPMS refused the request: ${'x'.repeat(200)}…`)
    expect(whole.serverMessage).toBe(exactly)
    expect(banner.message).toBe(`OpenVPMS refused the request: ${'z'.repeat(200)}…`)
    expect(fits.message).toBe(`OpenVPMS refused the request: ${'w'.repeat(200)}`)
  })

  it.each([
    [() => badResponse(), "The server's answer does not match the OpenVPMS Booking API V2."],
    [
      () => badResponse('0.name: expected string'),
      "The server's answer does not match the OpenVPMS Booking API V2 (0.name: expected string).",
    ],
    [
      () => badResponse('d'.repeat(160)),
      `The server's answer does not match the OpenVPMS Booking API V2 (${'d'.repeat(160)}).`,
    ],
    [
      () => badResponse('e'.repeat(161)),
      `The server's answer does not match the OpenVPMS Booking API V2 (${'e'.repeat(160)}…).`,
    ],
    [
      () => refusedRedirect(null),
      "The server redirected the request. If that is the clinic's server, enter that address instead.",
    ],
    [
      () => refusedRedirect('https://portal.example.com'),
      "The server redirected the request to https://portal.example.com. If that is the clinic's server, enter that address instead.",
    ],
    [
      () => tooManyRedirects(),
      'The server keeps redirecting the request: check the server address.',
    ],
    [
      () => unexpected('id 0 is not an id'),
      'Something went wrong in Front Desk (id 0 is not an id).',
    ],
  ])('%#: says the message the desk shows', (make, message) => {
    expect(make().message).toBe(message)
  })
})

describe('isGetBooking', () => {
  it('is only the lookup of one booking by its reference, the call with the known defect', () => {
    expect(isGetBooking(getBooking)).toBe(true)
    expect(isGetBooking(deleteBooking)).toBe(false)
    expect(isGetBooking({ ...getBooking, path: '/bookings/391:abc/notes' })).toBe(false)
    expect(isGetBooking({ ...getBooking, path: '/schedules/136/bookings/391:abc' })).toBe(false)
  })
})

describe('errorCodes and the network messages', () => {
  const fetchFailed = (cause: unknown) => Object.assign(new TypeError('fetch failed'), { cause })

  it('collects only string codes, through causes and aggregates, and no others', () => {
    const aggregate = new AggregateError([
      Object.assign(new Error('v6'), { code: 'ENETUNREACH' }),
      Object.assign(new Error('v4'), { code: 'ECONNREFUSED' }),
    ])

    expect(errorCodes(new TypeError('fetch failed'))).toEqual([])
    // A DOMException's numeric legacy code (20 for an abort) is not a network error code.
    expect(errorCodes(new DOMException('aborted', 'AbortError'))).toEqual([])
    expect(errorCodes(fetchFailed(null))).toEqual([])
    expect(errorCodes(fetchFailed(aggregate))).toEqual(['ENETUNREACH', 'ECONNREFUSED'])
  })

  it('names the first reason it knows, and none when it knows none', () => {
    const unknownFirst = fetchFailed(
      new AggregateError([
        Object.assign(new Error('x'), { code: 'UND_ERR_CONNECT_TIMEOUT' }),
        Object.assign(new Error('y'), { code: 'ECONNREFUSED' }),
      ]),
    )

    expect(errorForException(getLocations, unknownFirst, false).message).toBe(
      'Could not reach the OpenVPMS server at clinic.example.com (nothing is accepting connections at that address and port): check the network connection and the server address.',
    )
    expect(errorForException(getLocations, new TypeError('fetch failed'), false).message).toBe(
      'Could not reach the OpenVPMS server at clinic.example.com: check the network connection and the server address.',
    )
    expect(
      errorForException(getLocations, new DOMException('aborted', 'AbortError'), true).message,
    ).toBe(
      'The OpenVPMS server at clinic.example.com did not answer in time: it may be busy or unreachable. Try again.',
    )
  })
})
