// Runs before `npm start`, `npm run dev` and `npm run dist`: makes sure Electron's binary is in node_modules/electron.
// Electron ≥ 42 has no postinstall; its binary is fetched by its own installer (the package's `install-electron` bin),
// which exits at once when the binary is already there. electron-vite does not run that installer: it reads
// node_modules/electron/path.txt and stops with "Electron uninstall" when it is missing. So `npm install` and
// `npm test` download nothing, and the first start fetches the binary once.
// When the download fails, this ends with one message saying what failed and what to do — not the installer's stack.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { arch, platform } from 'node:process'
import { dirname, join } from 'node:path'

// ELECTRON_EXEC_PATH is electron-vite's own way to run another Electron binary: nothing to fetch then.
if (process.env['ELECTRON_EXEC_PATH']) process.exit(0)

const require = createRequire(import.meta.url)
const manifestPath = require.resolve('electron/package.json')
const electron = JSON.parse(readFileSync(manifestPath, 'utf8'))
const electronDir = dirname(manifestPath)
const installer = join(electronDir, electron.bin['install-electron'])
const target = `Electron ${electron.version} (${platform}-${arch})`

// The installer itself prints nothing, and says nothing about a download of about 100 MB.
if (!existsSync(join(electronDir, 'path.txt'))) console.log(`Downloading ${target}, once…`)
const run = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'inherit', 'pipe'] })

if (run.signal) process.exit(1)
if (run.status === 0) process.exit(0)

// The installer's stderr is an error's stack: its first line says what failed ("TypeError: fetch failed",
// "HTTPError: Response code 404 (Not Found) for https://…").
const firstLine = String(run.stderr ?? run.error?.message ?? '')
  .split('\n')
  .map((line) => line.trim())
  .find((line) => line !== '')
const reason = firstLine
  ? firstLine.replace(/^[A-Za-z]*Error: /, '')
  : `the installer exited with ${run.status}`

console.error(
  [
    `${target} is not installed and could not be downloaded: ${reason}.`,
    'It is fetched once, from GitHub. Set one of these and run the same command again:',
    '  ELECTRON_MIRROR=https://<a mirror you can reach>/electron/',
    '  ELECTRON_GET_USE_PROXY=1 and HTTPS_PROXY=http://<proxy>:<port>   (behind a proxy)',
    '  electron_config_cache=<a copy of the electron cache folder of a machine that has it: ~/.cache/electron, ~/Library/Caches/electron or %LOCALAPPDATA%\\electron\\Cache>',
  ].join('\n'),
)
process.exit(1)
