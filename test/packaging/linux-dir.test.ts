// `electron-builder --linux dir` on the built app (out/), as `npm run dist` runs it, with electron-builder.yml and
// package.json as they are. The one stand-in is Electron itself (its download is out of reach here): a folder
// whose binary carries Electron's fuse wire, so electron-builder flips the real fuses in it. Then the packaged app
// is read back: its fuses, what app.asar holds against what out/main and out/preload load at run time, keytar's
// unpacked addon, and the deb/rpm metadata and desktop entry electron-builder derives from the same configuration.
import { extractFile, listPackage, statFile } from '@electron/asar'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import type { AfterPackContext, LinuxPackager } from 'app-builder-lib'
import FpmTarget from 'app-builder-lib/out/targets/FpmTarget'
import { LinuxTargetHelper } from 'app-builder-lib/out/targets/LinuxTargetHelper'
import { Platform, archFromString, build } from 'electron-builder'
import { builtinModules, createRequire } from 'node:module'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../..')
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}

// Electron 45's fuse wire as shipped: version 1, eight fuses, its defaults ('1' on, '0' off).
const fuseSentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const shippedFuses = '10110001'

let work: string
let unpacked: string
const fpm = new Map<string, { meta: unknown; desktopEntry: string }>()

function standInElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true })
  const wire = Buffer.concat([
    Buffer.from('#!/bin/sh\n'),
    Buffer.from(fuseSentinel),
    Buffer.from([1, shippedFuses.length]),
    Buffer.from(shippedFuses),
  ])
  writeFileSync(join(dir, 'electron'), wire, { mode: 0o755 })
  writeFileSync(join(dir, 'LICENSE'), '')
  writeFileSync(join(dir, 'version'), manifest.devDependencies['electron'] ?? '')
}

/** Files under a folder, as paths relative to `base`, with forward slashes. */
function filesUnder(dir: string, base: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(base, join(entry.parentPath, entry.name)).split('\\').join('/'))
}

/** Package names that the built main and preload bundles load with require() (createRequire included). */
function packagesRequiredByBundles(): Set<string> {
  const names = new Set<string>()
  const builtins = new Set(builtinModules)
  for (const file of [
    ...filesUnder(join(root, 'out/main'), root),
    ...filesUnder(join(root, 'out/preload'), root),
  ]) {
    const code = readFileSync(join(root, file), 'utf8')
    for (const [, specifier] of code.matchAll(
      /(?:\brequire|createRequire\)?\([^()]*\))\(\s*["']([^"'./][^"']*)["']\s*\)/g,
    )) {
      if (!specifier || specifier.startsWith('node:') || builtins.has(specifier)) continue
      const parts = specifier.split('/')
      names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier))
    }
  }
  names.delete('electron') // the runtime itself
  return names
}

/** Those packages and everything they depend on, by name, as installed. */
function runtimeClosure(names: Set<string>): Set<string> {
  const closure = new Set<string>()
  const pending = [...names]
  while (pending.length > 0) {
    const name = pending.pop() as string
    if (closure.has(name)) continue
    closure.add(name)
    const pkg = JSON.parse(
      readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'),
    ) as {
      dependencies?: Record<string, string>
      optionalDependencies?: Record<string, string>
    }
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) {
      if (existsSync(join(root, 'node_modules', dep))) pending.push(dep)
    }
  }
  return closure
}

/** Package names found anywhere under node_modules/ in a list of paths. */
function packagesIn(paths: string[]): Set<string> {
  const names = new Set<string>()
  for (const path of paths) {
    for (const [, name] of path.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)) {
      if (name) names.add(name)
    }
  }
  return names
}

beforeAll(async () => {
  expect(existsSync(join(root, 'out/main/index.js')), 'run `npm run build` first').toBe(true)
  work = mkdtempSync(join(tmpdir(), 'front-desk-dist-'))
  standInElectron(join(work, 'electron'))
  const output = join(work, 'dist')
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir', archFromString(process.arch)),
    publish: 'never',
    config: {
      electronDist: join(work, 'electron'),
      directories: { output },
      afterPack: async (context: AfterPackContext) => {
        const packager = context.packager as LinuxPackager
        const helper = new LinuxTargetHelper(packager)
        for (const name of ['deb', 'rpm']) {
          const target = new FpmTarget(name, packager, helper, output)
          fpm.set(name, {
            meta: await target.checkOptions(),
            desktopEntry: await helper.computeDesktopEntry(target.options),
          })
        }
      },
    },
  })
  unpacked = join(output, readdirSync(output).find((name) => name.endsWith('-unpacked')) ?? '')
})

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

describe('the packaged Linux app (electron-builder --linux dir)', () => {
  it('has its fuses flipped: no RunAsNode, NODE_OPTIONS, --inspect or file:// privileges; encrypted cookies; only a verified app.asar', async () => {
    const wire = await getCurrentFuseWire(join(unpacked, 'openvpms-front-desk'))
    const state = (fuse: FuseV1Options) => String.fromCharCode(wire[fuse] as number)

    expect(state(FuseV1Options.RunAsNode)).toBe('0')
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe('1')
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0')
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0')
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1')
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1')
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe('0')
  })

  it('app.asar holds the built app and exactly the packages main and preload load at run time', () => {
    const asar = join(unpacked, 'resources/app.asar')
    const files = listPackage(asar, { isPack: false })
      .map((path) =>
        path
          .replace(/^[\\/]/, '')
          .split('\\')
          .join('/'),
      )
      .filter((path) => !('files' in statFile(asar, path)))
    const unpackedFiles = filesUnder(
      join(unpacked, 'resources/app.asar.unpacked'),
      join(unpacked, 'resources/app.asar.unpacked'),
    )
    const required = packagesRequiredByBundles()

    expect(files.filter((path) => !path.startsWith('node_modules/')).sort()).toEqual(
      [...filesUnder(join(root, 'out'), root), 'package.json'].sort(),
    )
    // package.json's dependencies are exactly what main and preload load; the rest (renderer packages included,
    // which Vite bundles into out/renderer) are devDependencies, which electron-builder leaves out.
    expect([...required].sort()).toEqual(Object.keys(manifest.dependencies).sort())
    expect([...packagesIn([...files, ...unpackedFiles])].sort()).toEqual(
      [...runtimeClosure(required)].sort(),
    )
    for (const rendererOnly of [
      'vue',
      'pinia',
      '@fullcalendar/core',
      '@vue/compiler-sfc',
      '@babel/parser',
      'preact',
    ]) {
      expect(packagesIn(files).has(rendererOnly), rendererOnly).toBe(false)
    }
    expect(JSON.parse(extractFile(asar, 'package.json').toString('utf8'))).toMatchObject({
      main: './out/main/index.js',
      desktopName: 'openvpms-front-desk.desktop',
    })
  })

  it('keeps keytar’s prebuilt native addon outside app.asar, where it loads', () => {
    const addon = join(
      unpacked,
      'resources/app.asar.unpacked/node_modules/@github/keytar/build/Release/keytar.node',
    )

    // An N-API addon loads in Node as in Electron: this is the file the packaged app's keytar requires.
    const loaded = createRequire(__filename)(addon) as Record<string, unknown>

    expect(typeof loaded['getPassword']).toBe('function')
    expect(typeof loaded['setPassword']).toBe('function')
    expect(typeof loaded['deletePassword']).toBe('function')
  })

  it('has what the deb and rpm need: a homepage and a maintainer with an e-mail', () => {
    for (const name of ['deb', 'rpm']) {
      expect(fpm.get(name)?.meta, name).toMatchObject({
        url: expect.stringMatching(/^https:\/\//),
        maintainer: expect.stringMatching(/^OpenVPMS Front Desk developers <[^@\s>]+@[^@\s>]+>$/),
      })
    }
  })

  it('writes the desktop entry the deb and rpm install: comment, categories and the window’s app id', () => {
    const entry = fpm.get('deb')?.desktopEntry ?? ''

    expect(entry).toContain('\nName=OpenVPMS Front Desk\n')
    expect(entry).toContain(
      '\nComment=Book, look up and cancel OpenVPMS appointments at the front desk\n',
    )
    expect(entry).toContain('\nCategories=Office;Calendar;\n')
    expect(entry).toContain('\nGenericName=Veterinary appointment book\n')
    expect(entry).toContain('\nStartupWMClass=openvpms-front-desk\n')
    expect(fpm.get('rpm')?.desktopEntry).toBe(entry)
  })
})
