import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Where `pnpm dev` forwards `/api` and `/collab`. Default: the sync server's default address,
 * `http://localhost:3000`; set `LCS_DEV_SERVER_ORIGIN` to use a server on another port.
 */
const serverOrigin = process.env.LCS_DEV_SERVER_ORIGIN ?? 'http://localhost:3000';
/** Source files of the workspace package @lcs/shared. */
const sharedSource = /[\\/]shared[\\/]src[\\/]/;

/**
 * The offline shell: a Workbox service worker (`dist/sw.js`) that precaches index.html and every
 * hashed asset of this build, so a reload while the server is down still opens the app (the
 * document itself comes from y-indexeddb). Navigations always try the network first and fall back
 * to the precached index.html; `/api`, `/collab` and `/healthz` are never cached. A new build's
 * worker takes over at once (skipWaiting, clientsClaim) and drops the old build's files.
 * Registered by src/app/serviceWorker.ts in production builds only.
 */
const offlineShell = VitePWA({
  strategies: 'generateSW',
  injectRegister: false,
  manifest: false,
  workbox: {
    globPatterns: ['**/*.{html,js,css,svg,png,woff2}'],
    // The editor chunk is large; the default 2 MiB cap would silently leave it out.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    // Workbox's default serves every navigation from the cache first; we want the network first.
    navigateFallback: null,
    skipWaiting: true,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    sourcemap: false,
    runtimeCaching: [
      {
        // This function is copied into sw.js as text: it must not refer to anything outside itself.
        urlPattern: ({ request, url }) => request.mode === 'navigate' && !/^\/(?:api|collab|healthz)(?:\/|$)/.test(url.pathname),
        handler: 'NetworkOnly',
        // NetworkOnly, not NetworkFirst: a page cached per URL would start the scripts of the build
        // it came from, which a newer worker has already dropped. (Workbox allows a network timeout
        // only with NetworkFirst, so a server that hangs instead of refusing takes the browser's.)
        options: { precacheFallback: { fallbackURL: 'index.html' } },
      },
    ],
  },
});

export default defineConfig({
  plugins: [react(), offlineShell],
  resolve: {
    // Two copies of Yjs or ProseMirror break collaboration silently (instanceof checks, plugin keys).
    dedupe: ['yjs', '@tiptap/core', '@tiptap/pm', 'react', 'react-dom'],
  },
  server: {
    proxy: {
      '/api': { target: serverOrigin, changeOrigin: true },
      '/collab': { target: serverOrigin, ws: true, changeOrigin: true },
    },
  },
  build: {
    rolldownOptions: {
      treeshake: {
        // @lcs/shared only declares things; importing it runs nothing. Saying so keeps the editor
        // schema (all of Tiptap) out of the home page's bundle, which only needs the API contracts.
        // `undefined` leaves every other module to its package.json `sideEffects` field.
        moduleSideEffects: (id) => (sharedSource.test(id) ? false : undefined),
      },
    },
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
});
