import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumLaunchOptions } from '../support/find-chromium.ts';
import { BENCH_API_KEY } from './bench-key.ts';

/*
 * The browser benchmark of the sample payload (not part of `npm test`: timings are
 * numbers to read, not assertions). Build first: `npx vite build`.
 */
const port = Number(process.env.BENCH_PORT ?? 6466);
const baseURL = `http://127.0.0.1:${String(port)}`;
const dataDir = mkdtempSync(path.join(tmpdir(), 'inlet-bench-'));

// Playwright reads the config's default export (the lint exemption names only the e2e config).
// eslint-disable-next-line no-restricted-syntax
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.bench.ts',
  workers: 1,
  retries: 0,
  timeout: 600_000,
  expect: { timeout: 120_000 },
  reporter: [['list']],
  outputDir: '../../test-results/bench',
  use: {
    baseURL,
    viewport: { width: 1280, height: 800 },
    launchOptions: chromiumLaunchOptions(),
  },
  webServer: {
    command: 'npx tsx src/server/start.ts',
    cwd: '../..',
    url: `${baseURL}/inlet/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      INLET_DATA_DIR: dataDir,
      INLET_API_KEY: BENCH_API_KEY,
      INLET_SANDBOX_ROW_MS: '0',
      INLET_RATE_LIMIT_PER_MIN: '0',
    },
  },
});
