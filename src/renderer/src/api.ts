/** The renderer's one door to main: `window.api`, built by the preload from the IPC contract. Tests replace this module. */
export const api = window.api
