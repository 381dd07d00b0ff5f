import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'
import { describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../../..')

describe('electron-builder.yml', () => {
  it('is a valid electron-builder configuration with the fuses locked down', async () => {
    const config = await getConfig(root, null, null)

    await validateConfiguration(config, new DebugLogger(false))

    expect(config.productName).toBe('OpenVPMS Front Desk')
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
    expect(config.files).toEqual([{ filter: ['out/**', 'package.json'] }])
  })

  it('builds for Windows (NSIS), macOS (dmg) and Linux (AppImage, deb)', async () => {
    const config = await getConfig(root, null, null)

    expect(config.win?.target).toEqual(['nsis'])
    expect(config.mac?.target).toEqual(['dmg'])
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
  })

  it('has its icons in build/, the PNG 512×512', () => {
    const png = readFileSync(resolve(root, 'build/icon.png'))

    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512])
    expect(existsSync(resolve(root, 'build/icon.ico'))).toBe(true)
    expect(existsSync(resolve(root, 'build/icon.icns'))).toBe(true)
  })
})
