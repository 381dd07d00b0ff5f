// `npm run sandbox -- [--port 8080] [--host 127.0.0.1] [--data FILE] [--state FILE] [--now ISO] [--latency MS]
// [--emulate-get-defect]`: the command-line contract of sandbox-dataset.md.
import { parseArgs } from 'node:util'
import { DatasetError, startSandbox, type SandboxOptions } from './index'

const USAGE =
  'usage: sandbox [--port 8080] [--host 127.0.0.1] [--data FILE.json] [--state FILE.json] ' +
  '[--now ISO] [--latency MS] [--emulate-get-defect]'

function usage(problem: string): never {
  process.stderr.write(`sandbox: ${problem}\n${USAGE}\n`)
  process.exit(2)
}

function integer(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback
  if (!/^\d+$/.test(value)) usage(`--${name} must be a non-negative integer, got "${value}"`)
  return Number(value)
}

function parseOptions(argv: string[]): SandboxOptions {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        state: { type: 'string' },
        now: { type: 'string' },
        latency: { type: 'string' },
        'emulate-get-defect': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    })
  } catch (error) {
    usage((error as Error).message)
  }
  const { values } = parsed
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    process.exit(0)
  }
  const port = integer(values.port, 'port', 8080)
  if (port > 65535) usage(`--port must be at most 65535, got ${port}`)
  if (values.now !== undefined && !/(Z|[+-]\d{2}:?\d{2})$/.test(values.now)) {
    usage(`--now must be ISO 8601 with an offset, got "${values.now}"`)
  }
  return {
    port,
    host: values.host ?? '127.0.0.1',
    dataFile: values.data,
    stateFile: values.state,
    now: values.now,
    latencyMs: integer(values.latency, 'latency', 0),
    emulateGetDefect: values['emulate-get-defect'] ?? false,
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2))
  let sandbox
  try {
    sandbox = await startSandbox(options)
  } catch (error) {
    if (error instanceof DatasetError) {
      process.stderr.write(`sandbox: bad dataset: ${error.message}\n`)
      process.exit(2)
    }
    process.stderr.write(`sandbox: ${(error as Error).message}\n`)
    process.exit(1)
  }
  process.stdout.write(`sandbox listening on ${sandbox.baseUrl}\n`)
  // Idempotent: under `npx tsx` a group kill delivers the signal twice (directly, and relayed by tsx).
  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    void sandbox.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

void main()
