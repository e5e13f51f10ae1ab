import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Where `pnpm dev` forwards `/api` and `/collab`. Default: the sync server's default address,
 * `http://localhost:3000`; set `LCS_DEV_SERVER_ORIGIN` to use a server on another port.
 */
const serverOrigin = process.env.LCS_DEV_SERVER_ORIGIN ?? 'http://localhost:3000';
/** Source files of the workspace package @lcs/shared. */
const sharedSource = /[\\/]shared[\\/]src[\\/]/;

export default defineConfig({
  plugins: [react()],
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
