import type { FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { TEST_KEY } from './test-app.ts';

/** An app serving a one-file UI, as `npm start` does, so its page sets the UI cookie. */
export async function startUiApp(env: Record<string, string> = {}) {
  const webRoot = mkdtempSync(path.join(tmpdir(), 'inlet-web-'));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'inlet-data-'));
  writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Inlet</title>');
  mkdirSync(path.join(webRoot, 'assets'));
  writeFileSync(path.join(webRoot, 'assets', 'app-1.js'), 'export {};');
  const config = {
    ...loadConfig({
      INLET_DATA_DIR: dataDir,
      INLET_API_KEY: TEST_KEY,
      INLET_SANDBOX_ROW_MS: '0',
      INLET_RUN_INTAKE_THREAD: '0',
      ...env,
    }),
    webRoot,
  };
  const app = await createApp({ config, proxyTimeoutMs: 1_000 });
  await app.ready();
  return {
    app,
    close: async () => {
      await app.close();
      rmSync(webRoot, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The page's answer, its Set-Cookie, and the `name=value` to send back as the UI does. */
export async function pageCookie(app: FastifyInstance, headers: Record<string, string> = {}) {
  const page = await app.inject({ url: '/', headers });
  const setCookie = String(page.headers['set-cookie'] ?? '');
  return { page, setCookie, cookie: setCookie.split(';')[0] ?? '' };
}
