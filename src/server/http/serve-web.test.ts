import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { TEST_KEY } from '../test-support/test-app.ts';

describe('serving the built UI', () => {
  const webRoot = mkdtempSync(path.join(tmpdir(), 'inlet-web-'));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'inlet-data-'));
  let app: Awaited<ReturnType<typeof createApp>>;
  beforeAll(async () => {
    mkdirSync(path.join(webRoot, 'assets'));
    writeFileSync(path.join(webRoot, 'index.html'), '<script src="/assets/app-1.js"></script>');
    writeFileSync(path.join(webRoot, 'assets', 'app-1.js'), 'export {};');
    writeFileSync(path.join(webRoot, '.env'), 'SECRET=1');
    const config = { ...loadConfig({ INLET_DATA_DIR: dataDir, INLET_API_KEY: TEST_KEY }), webRoot };
    app = await createApp({ config });
  });
  afterAll(async () => {
    await app.close();
    rmSync(webRoot, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the assets of a build made while the server runs', async () => {
    // `npm run build` while the server runs writes new hashed assets and a new index.html.
    writeFileSync(path.join(webRoot, 'assets', 'app-2.js'), 'export const rebuilt = true;');
    writeFileSync(path.join(webRoot, 'index.html'), '<script src="/assets/app-2.js"></script>');
    const page = await app.inject({ url: '/' });
    expect(page.body).toContain('/assets/app-2.js');
    const asset = await app.inject({ url: '/assets/app-2.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('export const rebuilt = true;');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers client routes with index.html, and missing files and API paths with a JSON 404', async () => {
    const route = await app.inject({ url: '/runs/some-client-route' });
    expect(route.statusCode).toBe(200);
    expect(route.headers['cache-control']).toBe('no-cache');
    // A dotfile is never served: its path (no extension) counts as a client route.
    const dotfile = await app.inject({ url: '/.env' });
    expect(dotfile.body).not.toContain('SECRET');
    expect(dotfile.body).toContain('<script');
    for (const url of ['/assets/missing-3.js', '/inlet/no-such-route', '/assets/../../x.json']) {
      const response = await app.inject({ url, headers: { 'x-api-key': TEST_KEY } });
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).not.toContain('SECRET');
      expect(response.headers['content-type'], url).toContain('application/json');
    }
  });
});
