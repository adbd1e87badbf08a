import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = process.env['WATCHFLOOR_API'] ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      // The shared event types, from source: the web app and the server read one definition.
      '@watchfloor/contracts': fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)),
      // The wall's frame folding runs on the server and in the browser alike.
      '@watchfloor/wall': fileURLToPath(new URL('../../libs/wall/src/index.ts', import.meta.url)),
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1_000 },
  server: {
    proxy: {
      '/api': apiTarget,
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
});
