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
      resetAdHocDarwinSignature: true,
    })
    expect(config.files).toEqual([{ filter: ['out/**', 'package.json'] }])
  })

  it('the same validation refuses a misspelt option, so a pass above means something', async () => {
    const config = await getConfig(root, null, null)
    const misspelt = { ...config, linux: { ...config.linux, catgory: 'Office' } }

    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(
      /configuration\.linux /,
    )
  })

  it('builds for Windows (NSIS), macOS (a dmg for Apple Silicon and one for Intel) and Linux (deb, rpm)', async () => {
    const config = await getConfig(root, null, null)

    expect(config.win?.target).toEqual(['nsis'])
    expect(config.mac?.target).toEqual([{ target: 'dmg', arch: ['arm64', 'x64'] }])
    // No AppImage: Ubuntu 24.04+'s AppArmor stops its sandbox at start; the deb installs a profile.
    expect(config.linux?.target).toEqual(['deb', 'rpm'])
  })

  it('has its icons in build/, the PNG 512×512', () => {
    const png = readFileSync(resolve(root, 'build/icon.png'))

    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512])
    expect(existsSync(resolve(root, 'build/icon.ico'))).toBe(true)
    expect(existsSync(resolve(root, 'build/icon.icns'))).toBe(true)
  })
})
