// `npm start`, `npm run dev` and `npm run dist` run Electron's own installer before electron-vite, so a fresh clone
// starts. Run for real through npm in a throw-away project holding this project's scripts, Electron's real package
// (its install.js) and stand-ins for what would touch the network or open a window: @electron/get's download, the
// zip extractor, electron-vite and electron-builder each append a line to a log instead.
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../..')
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>
}
const electronDir = join(root, 'node_modules/electron')
const electronVersion = (
  JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')) as { version: string }
).version
const executable =
  process.platform === 'darwin'
    ? 'Electron.app/Contents/MacOS/Electron'
    : process.platform === 'win32'
      ? 'electron.exe'
      : 'electron'

const downloadStandIn = `
const { appendFileSync } = require('node:fs')
exports.downloadArtifact = async (details) => {
  appendFileSync(process.env.CALLS_LOG, 'download electron ' + details.version + '\\n')
  if (process.env.DOWNLOAD_FAILS) throw new TypeError('fetch failed')
  return '/nowhere/electron.zip'
}
`
const extractStandIn = `
const { mkdirSync, writeFileSync } = require('node:fs')
const { dirname, join } = require('node:path')
exports.extract = async (_zip, { dir }) => {
  const binary = join(dir, ${JSON.stringify(executable)})
  mkdirSync(dirname(binary), { recursive: true })
  writeFileSync(binary, '')
  writeFileSync(join(dir, 'version'), 'v${electronVersion}')
}
`
const commandStandIn = (name: string): string => `#!/usr/bin/env node
require('node:fs').appendFileSync(process.env.CALLS_LOG, ['${name}', ...process.argv.slice(2)].join(' ') + '\\n')
`

let project: string
let callsLog: string

function write(path: string, text: string): void {
  mkdirSync(dirname(join(project, path)), { recursive: true })
  writeFileSync(join(project, path), text)
}

function installElectronBinary(): void {
  write(`node_modules/electron/dist/${executable}`, '')
  write('node_modules/electron/dist/version', `v${electronVersion}`)
  write('node_modules/electron/path.txt', executable)
}

function npmRun(script: string, env: Record<string, string> = {}) {
  const { ELECTRON_EXEC_PATH: _ignored, ...inherited } = process.env
  const run = spawnSync('npm', ['run', '--silent', script], {
    cwd: project,
    env: { ...inherited, CALLS_LOG: callsLog, ...env },
    encoding: 'utf8',
  })
  const calls = existsSync(callsLog) ? readFileSync(callsLog, 'utf8').trim().split('\n') : []
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, calls }
}

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'front-desk-ensure-electron-'))
  callsLog = join(project, 'calls.log')
  const { start, dev, dist } = manifest.scripts
  write(
    'package.json',
    JSON.stringify({ name: 'stand-in', private: true, scripts: { start, dev, dist } }),
  )
  mkdirSync(join(project, 'scripts'))
  copyFileSync(
    join(root, 'scripts/ensure-electron.mjs'),
    join(project, 'scripts/ensure-electron.mjs'),
  )
  mkdirSync(join(project, 'node_modules/electron'), { recursive: true })
  for (const file of ['package.json', 'install.js', 'checksums.json']) {
    copyFileSync(join(electronDir, file), join(project, 'node_modules/electron', file))
  }
  write('node_modules/@electron/get/package.json', '{"name":"@electron/get","main":"index.js"}')
  write('node_modules/@electron/get/index.js', downloadStandIn)
  write(
    'node_modules/@electron-internal/extract-zip/package.json',
    '{"name":"@electron-internal/extract-zip","main":"index.js"}',
  )
  write('node_modules/@electron-internal/extract-zip/index.js', extractStandIn)
  for (const name of ['electron-vite', 'electron-builder']) {
    write(`node_modules/.bin/${name}`, commandStandIn(name))
    chmodSync(join(project, 'node_modules/.bin', name), 0o755)
  }
})

afterEach(() => rmSync(project, { recursive: true, force: true }))

describe('before electron-vite runs, Electron is installed by its own installer', () => {
  it.each([
    ['start', ['electron-vite preview']],
    ['dev', ['electron-vite dev']],
    ['dist', ['electron-vite build', 'electron-builder']],
  ])('npm run %s on a fresh clone downloads Electron first, then runs', (script, commands) => {
    const run = npmRun(script)

    expect(run.status).toBe(0)
    expect(run.calls).toEqual([`download electron ${electronVersion}`, ...commands])
    expect(readFileSync(join(project, 'node_modules/electron/path.txt'), 'utf8')).toBe(executable)
  })

  it('npm start with the binary already there downloads nothing', () => {
    installElectronBinary()

    const run = npmRun('start')

    expect(run.status).toBe(0)
    expect(run.calls).toEqual(['electron-vite preview'])
    expect(run.stdout).not.toMatch(/download/i)
  })

  it('a failed download ends with one message saying what to do, no stack, and electron-vite never runs', () => {
    const run = npmRun('start', { DOWNLOAD_FAILS: '1' })

    expect(run.status).not.toBe(0)
    expect(run.calls).toEqual([`download electron ${electronVersion}`])
    expect(run.stderr).toContain(
      `Electron ${electronVersion} (${process.platform}-${process.arch}) is not installed and could not be downloaded: fetch failed.`,
    )
    for (const remedy of ['ELECTRON_MIRROR=', 'HTTPS_PROXY=', 'electron_config_cache=']) {
      expect(run.stderr).toContain(remedy)
    }
    expect(run.stderr).not.toMatch(/^\s+at /m)
  })
})

describe('npm install and npm test download nothing', () => {
  it('no install-time script, and the test script does not fetch Electron', () => {
    const hooks = ['preinstall', 'install', 'postinstall', 'prepare']
    expect(Object.keys(manifest.scripts).filter((name) => hooks.includes(name))).toEqual([])
    expect(manifest.scripts['test']).not.toContain('ensure-electron')
  })
})
