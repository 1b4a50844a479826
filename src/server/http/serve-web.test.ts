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

  it('answers a reload of the page in full, with a fresh session cookie', async () => {
    // A browser reloading the page sends the validators it was given. A 304 would carry no
    // cookie, so a page loaded before a server restart would keep its stale session.
    for (const url of ['/', '/runs/some-client-route']) {
      const first = await app.inject({ url });
      // The validators this answer gave, else the ones an earlier answer of the page gave.
      const reload = await app.inject({
        url,
        headers: {
          'if-none-match': first.headers.etag ?? 'W/"28-19ae2f0c4d8"',
          'if-modified-since': first.headers['last-modified'] ?? new Date().toUTCString(),
        },
      });
      expect(reload.statusCode, url).toBe(200);
      expect(reload.headers['set-cookie'], url).toMatch(/^inlet_ui_\d+=/);
      expect(reload.body, url).toContain('<script');
    }
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

  it('answers an API client at an unknown path with a JSON 404 and the security headers, never the page', async () => {
    const asked: Record<string, string>[] = [
      { accept: 'application/json' },
      { accept: 'application/problem+json, text/plain;q=0.5' },
      { accept: 'text/html;q=0.1, application/json;q=0.9' },
      { 'x-api-key': TEST_KEY },
      { 'x-api-key': 'not-even-the-right-key' },
    ];
    for (const url of ['/v1/enrich', '/runs/some-client-route', '/api']) {
      for (const headers of asked) {
        const response = await app.inject({ url, headers });
        const label = `${url} ${JSON.stringify(headers)}`;
        expect(response.statusCode, label).toBe(404);
        expect(response.headers['content-type'], label).toContain('application/json');
        expect(JSON.parse(response.body), label).toEqual({ detail: `Not found: GET ${url}` });
        expect(response.headers['x-content-type-options'], label).toBe('nosniff');
        expect(response.headers['x-frame-options'], label).toBe('DENY');
        expect(response.headers['referrer-policy'], label).toBe('no-referrer');
        expect(response.headers['content-security-policy'], label).toBeUndefined();
      }
    }
    // POST to an unknown path is a JSON 404 for anyone.
    const post = await app.inject({ method: 'POST', url: '/v1/enrich', payload: '{}' });
    expect(post.statusCode).toBe(404);
    expect(post.headers['content-type']).toContain('application/json');
    // A browser's navigation still gets the page, and so does the UI's own root.
    const page = await app.inject({
      url: '/runs/some-client-route',
      headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
    });
    expect(page.headers['content-type']).toContain('text/html');
    const root = await app.inject({ url: '/', headers: { 'x-api-key': TEST_KEY } });
    expect(root.headers['content-type']).toContain('text/html');
  });
});
