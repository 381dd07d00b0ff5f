import { describe, expect, it } from 'vitest'
import { isLoopbackHost, normaliseServerUrl } from '../../../src/main/openvpms/server-url'

describe('normaliseServerUrl', () => {
  it.each([
    [
      'https://clinic.example.com:8443/openvpms',
      'https://clinic.example.com:8443/openvpms/ws/booking/v2',
    ],
    [
      'https://clinic.example.com:8443/openvpms/',
      'https://clinic.example.com:8443/openvpms/ws/booking/v2',
    ],
    [
      'https://clinic.example.com:8443/openvpms/ws/booking/v2',
      'https://clinic.example.com:8443/openvpms/ws/booking/v2',
    ],
    [
      'https://clinic.example.com:8443/openvpms/ws/booking/v2/',
      'https://clinic.example.com:8443/openvpms/ws/booking/v2',
    ],
    ['clinic.example.com', 'https://clinic.example.com/openvpms/ws/booking/v2'],
    ['clinic.example.com:8443', 'https://clinic.example.com:8443/openvpms/ws/booking/v2'],
    [
      '  CLINIC.example.com:8443/openvpms  ',
      'https://clinic.example.com:8443/openvpms/ws/booking/v2',
    ],
    ['http://localhost:8080/openvpms', 'http://localhost:8080/openvpms/ws/booking/v2'],
    [
      'https://clinic.example.com:443/openvpms',
      'https://clinic.example.com/openvpms/ws/booking/v2',
    ],
    [
      'https://clinic.example.com/openvpms/app',
      'https://clinic.example.com/openvpms/ws/booking/v2',
    ],
    [
      'https://clinic.example.com/openvpms/ws/booking/v1',
      'https://clinic.example.com/openvpms/ws/booking/v2',
    ],
    [
      'https://clinic.example.com/openvpms/ws/booking/v2/locations?x=1#top',
      'https://clinic.example.com/openvpms/ws/booking/v2',
    ],
    ['https://clinic.example.com/vets', 'https://clinic.example.com/vets/ws/booking/v2'],
    ['http://[::1]:8080', 'http://[::1]:8080/openvpms/ws/booking/v2'],
  ])('normalises %s', (input, expected) => {
    const result = normaliseServerUrl(input)

    expect(result).toEqual({ baseUrl: expected })
  })

  it.each([
    ['', 'Enter the address'],
    ['   ', 'Enter the address'],
    ['clinic example.com', 'spaces'],
    ['ftp://clinic.example.com/openvpms', 'https://'],
    ['https://sample:changeit@clinic.example.com/openvpms', 'username and password'],
    ['https://', 'not a web address'],
  ])('refuses %j with a sentence the user can act on', (input, fragment) => {
    const result = normaliseServerUrl(input)

    expect(result).toHaveProperty('error')
    expect((result as { error: string }).error).toContain(fragment)
  })

  it('never echoes a password typed into the address', () => {
    const result = normaliseServerUrl('https://sample:s3cretpass@clinic.example.com')

    expect(JSON.stringify(result)).not.toContain('s3cretpass')
  })
})

describe('isLoopbackHost', () => {
  it.each(['localhost', 'LOCALHOST', '127.0.0.1', '127.1.2.3', '[::1]', '::1'])(
    'treats %s as this computer',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true)
    },
  )

  it.each([
    'clinic.example.com',
    '10.0.0.5',
    '127.0.0.1.example.com',
    'localhost.example.com',
    '::2',
    // Finding 6: the resolver may ask DNS for a *.localhost name, which can point anywhere.
    'clinic.localhost',
    'demo.localhost',
  ])('treats %s as another computer', (host) => {
    expect(isLoopbackHost(host)).toBe(false)
  })
})
