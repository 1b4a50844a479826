import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  KEYLESS_BASE,
  KEYLESS_PORT,
  SANDBOX_API_KEY,
  UPSTREAM_API_KEY,
  UPSTREAM_BASE,
  UPSTREAM_PORT,
} from './pages/run-servers.ts';
import { chromiumLaunchOptions } from './support/find-chromium.ts';

const port = Number(process.env.E2E_PORT ?? 6465);
const baseURL = `http://127.0.0.1:${port}`;
// Every run starts on an empty data directory, as a newcomer would.
const dataDir = mkdtempSync(path.join(tmpdir(), 'inlet-e2e-'));
const upstreamDataDir = mkdtempSync(path.join(tmpdir(), 'inlet-e2e-upstream-'));
const keylessDataDir = mkdtempSync(path.join(tmpdir(), 'inlet-e2e-keyless-'));

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  outputDir: '../test-results',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 800 },
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } },
    },
  ],
  webServer: [
    {
      // The real server serving the built app (npm run test:e2e builds it first).
      command: 'npx tsx src/server/start.ts',
      cwd: '..',
      url: `${baseURL}/inlet/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        HOST: '127.0.0.1',
        PORT: String(port),
        INLET_DATA_DIR: dataDir,
        INLET_API_KEY: SANDBOX_API_KEY,
        INLET_SANDBOX_ROW_MS: '20',
        // Deliveries are signed, so the receiver can verify them (deliveries spec).
        INLET_WEBHOOK_SIGNING_SECRET: 'e2e-signing-secret-3c8a1f5e7b9d2046',
        // Its proxy forwards to the stand-in below, holding that server's key itself.
        SIXTYFOUR_API_BASE: UPSTREAM_BASE,
        SIXTYFOUR_API_KEY: UPSTREAM_API_KEY,
      },
    },
    {
      // A second Inlet server standing in for api.sixtyfour.ai (proxy specs). It runs main()
      // directly: it serves no UI, so it must not rebuild dist/ under the main server.
      command: `npx tsx --eval "import('./src/server/main.ts').then((m) => m.main())"`,
      cwd: '..',
      url: `${UPSTREAM_BASE}/inlet/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        HOST: '127.0.0.1',
        PORT: String(UPSTREAM_PORT),
        INLET_DATA_DIR: upstreamDataDir,
        INLET_API_KEY: UPSTREAM_API_KEY,
        INLET_SANDBOX_ROW_MS: '20',
      },
    },
    {
      // A third Inlet server, serving the UI the main entry built, whose proxy has no key of
      // its own: the user types the stand-in's key in the app (proxy-typed-key spec). Like the
      // stand-in it runs main() directly, so it never rebuilds dist/ under the main server.
      command: `npx tsx --eval "import('./src/server/main.ts').then((m) => m.main())"`,
      cwd: '..',
      url: `${KEYLESS_BASE}/inlet/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        HOST: '127.0.0.1',
        PORT: String(KEYLESS_PORT),
        INLET_DATA_DIR: keylessDataDir,
        INLET_SANDBOX_ROW_MS: '20',
        // No SIXTYFOUR_API_KEY on purpose (the spec checks that the app asks for one).
        SIXTYFOUR_API_BASE: UPSTREAM_BASE,
      },
    },
  ],
});
