import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const serverPort = Number(process.env.PORT ?? 6464);

export default defineConfig({
  plugins: [react()],
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
