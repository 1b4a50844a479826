import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The rooms' import aliases, as `.config/tsconfig.base.json` declares them for tsc and tsx. */
const room = (name: string) => fileURLToPath(new URL(`./src/${name}/`, import.meta.url));

const serverPort = Number(process.env.PORT ?? 6464);

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^@core\//, replacement: room('core') },
      { find: /^@web\//, replacement: room('web') },
      { find: /^@server\//, replacement: room('server') },
    ],
  },
  build: {
    outDir: 'dist',
    // Monaco is large by nature and loaded lazily; warn only on real regressions.
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: 'es' },
  server: {
    // `npm run dev` serves the UI with hot reload and forwards API calls to the Inlet server.
    proxy: {
      '/workflows': `http://127.0.0.1:${serverPort}`,
      '/inlet': `http://127.0.0.1:${serverPort}`,
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
