// The OpenVPMS Booking API V2 sandbox: the app's demo clinic, the server every test talks to, `npm run sandbox`.
export { startSandbox, BASE_PATH } from './server'
export type { SandboxOptions, RunningSandbox } from './server'
export type { Fault, FaultKind } from './faults'
export type { AppointmentStatus } from './model'
export { DatasetError } from './dataset'
