import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import type { Plugin } from 'vite'
import { contentSecurityPolicy, developmentContentSecurityPolicy } from './src/main/security/csp'

/** Under the dev server only, swap the page's policy for the one that lets Vite inject component styles. */
const devServerPolicy: Plugin = {
  name: 'front-desk:dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace(contentSecurityPolicy, developmentContentSecurityPolicy),
}

export default defineConfig({
  main: {},
  preload: {
    // A sandboxed preload cannot require() packages: bundle everything it imports.
    build: { externalizeDeps: false },
  },
  renderer: {
    plugins: [vue(), devServerPolicy],
  },
})
