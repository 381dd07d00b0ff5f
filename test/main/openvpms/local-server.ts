// Tiny loopback servers for wire cases the sandbox cannot produce: another web server, TLS, redirects, silence.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer as createHttpServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { createServer as createNetServer } from 'node:net'
import type { AddressInfo, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** What a local server saw of one request. */
export interface SeenRequest {
  readonly method: string
  readonly url: string
  readonly authorization: string | undefined
}

/** A running local server. */
export interface LocalServer {
  /** `http(s)://127.0.0.1:PORT` */
  readonly origin: string
  readonly requests: SeenRequest[]
  close(): Promise<void>
}

/** A self-signed certificate for 127.0.0.1, made with openssl in a temp dir. */
export function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'front-desk-tls-'))
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    )
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Starts a server on 127.0.0.1, port 0; https when given a certificate. */
export async function startLocalServer(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
  tls?: { key: string; cert: string },
): Promise<LocalServer> {
  const requests: SeenRequest[] = []
  const sockets = new Set<Socket>()
  const onRequest = (request: IncomingMessage, response: ServerResponse): void => {
    requests.push({
      method: request.method ?? '',
      url: request.url ?? '',
      authorization: request.headers.authorization,
    })
    handler(request, response)
  }
  const server: Server = tls ? createHttpsServer(tls, onRequest) : createHttpServer(onRequest)
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((socket) => socket.destroy())
        server.close(() => resolve())
      }),
  }
}

/** Answers every request with one status, type and body. */
export function answerWith(
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
) {
  return (_request: IncomingMessage, response: ServerResponse): void => {
    response.writeHead(status, { 'Content-Type': contentType, ...headers })
    response.end(body)
  }
}

/** A TCP listener that accepts connections and never says a word (not even a TLS handshake). */
export async function startSilentTcpServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>()
  const server = createNetServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((socket) => socket.destroy())
        server.close(() => resolve())
      }),
  }
}
