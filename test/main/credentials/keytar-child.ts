// Run in a child process by keytar.keyring.test.ts: tries the keytar store once and prints the outcome as JSON.
import { KeytarCredentialStore } from '../../../src/main/credentials/keytar-store'
import { AppFailure } from '../../../src/shared/result'

async function main(): Promise<void> {
  const store = new KeytarCredentialStore('OpenVPMS Front Desk (test)')
  try {
    await store.set('child@https://clinic.example', 'child-secret')
    console.log(JSON.stringify({ ok: true }))
  } catch (error) {
    const outcome =
      error instanceof AppFailure ? error.error : { code: 'THROWN', message: String(error) }
    console.log(JSON.stringify(outcome))
  }
}

void main()
