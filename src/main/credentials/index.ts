export { KeytarCredentialStore, type KeytarLike } from './keytar-store'
export {
  credentialAccount,
  credentialService,
  keychainFailure,
  MemoryCredentialStore,
  type CredentialStore,
} from './store'
