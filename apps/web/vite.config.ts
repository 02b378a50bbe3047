import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// The API the dev server forwards to (`npm start` in another terminal).
const api = process.env.API_URL ?? 'http://localhost:3000';
const apiPaths = ['/graphql', '/health', '/calendar', '/materials', '/unsubscribe', '/api'];

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No inline scripts or styles: the API's Content-Security-Policy allows only 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    // bench/web/bundle-size.mjs reads it to weigh the first load.
    manifest: true,
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries([
      ...apiPaths.map((path) => [path, { target: api, changeOrigin: true }]),
      // The printable agenda and feeds under /events/<slug>/ are API files (they have an extension).
      ['^/events/[^/]+/[^/]+\\.[a-z]+$', { target: api, changeOrigin: true }],
    ]),
  },
});
