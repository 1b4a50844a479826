import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { containing } from '../test-support/matchers.ts';
import { json, startTestApp, TEST_KEY } from '../test-support/test-app.ts';
import { pageCookie, startUiApp } from '../test-support/ui-app.ts';

describe('the UI session cookie instead of the sandbox key', () => {
  let ui: Awaited<ReturnType<typeof startUiApp>>;
  beforeAll(async () => {
    ui = await startUiApp({ INLET_RATE_LIMIT_PER_MIN: '3' });
  });
  afterAll(() => ui.close());

  it('comes with the page as HttpOnly, SameSite=Strict, Path=/; the key never does', async () => {
    const { page, setCookie, cookie } = await pageCookie(ui.app);
    expect(page.statusCode).toBe(200);
    expect(setCookie).toMatch(/^inlet_ui_\d+=[\w-]{40,}; HttpOnly; SameSite=Strict; Path=\/$/);
    expect(page.body).not.toContain(TEST_KEY);
    const session = await ui.app.inject({ url: '/inlet/session', headers: { cookie } });
    expect(session.statusCode).toBe(200);
    expect(session.body).not.toContain(TEST_KEY);
    expect(json(session)).toEqual({ sandbox_key_location: 'INLET_API_KEY' });
  });

  it('no forged browser header gets the key or a session (curl -H Sec-Fetch-Site…)', async () => {
    for (const headers of [
      { 'sec-fetch-site': 'same-origin' },
      { host: 'localhost:6464', origin: 'http://localhost:6464' },
      { 'sec-fetch-site': 'same-origin', cookie: 'inlet_ui_6464=forged-value' },
      {},
    ]) {
      const response = await ui.app.inject({ url: '/inlet/session', headers });
      expect(response.statusCode, JSON.stringify(headers)).toBe(401);
      expect(response.body).not.toContain(TEST_KEY);
      const listed = await ui.app.inject({ url: '/workflows', headers });
      expect(listed.statusCode, JSON.stringify(headers)).toBe(401);
    }
  });

  it("is accepted in place of x-api-key for the UI's own calls only", async () => {
    const { cookie } = await pageCookie(ui.app);
    const own = await ui.app.inject({
      url: '/workflows',
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
    });
    expect(own.statusCode).toBe(200);
    // Another origin on this host (same site, other port) is not this server's page.
    const sameSite = await ui.app.inject({
      url: '/workflows',
      headers: { cookie, 'sec-fetch-site': 'same-site' },
    });
    expect(sameSite.statusCode).toBe(401);
    const crossOrigin = await ui.app.inject({
      method: 'POST',
      url: '/workflows/delete_workflow?workflow_id=x',
      headers: { cookie, origin: 'http://localhost:9999' },
    });
    expect(crossOrigin.statusCode).toBe(403);
    const stale = await ui.app.inject({
      url: '/workflows',
      headers: { cookie: `${cookie.split('=')[0] ?? ''}=from-an-earlier-start` },
    });
    expect(stale.statusCode).toBe(401);
    expect(json(stale)).toEqual({ detail: containing('reload the page') });
    // Marked, so the page renews its cookie itself; a missing or wrong key is not.
    expect(stale.headers['x-inlet-session']).toBe('stale');
    const staleSession = await ui.app.inject({
      url: '/inlet/session',
      headers: { cookie: `${cookie.split('=')[0] ?? ''}=from-an-earlier-start` },
    });
    expect(staleSession.headers['x-inlet-session']).toBe('stale');
    const noKey = await ui.app.inject({ url: '/workflows' });
    expect(noKey.statusCode).toBe(401);
    expect(noKey.headers['x-inlet-session']).toBeUndefined();
  });

  it("has a rate-limit window of its own, apart from the API key's", async () => {
    const { cookie } = await pageCookie(ui.app);
    const byKey = [];
    for (let i = 0; i < 4; i++) {
      byKey.push(
        (await ui.app.inject({ url: '/workflows/blocks', headers: { 'x-api-key': TEST_KEY } }))
          .statusCode,
      );
    }
    expect(byKey.at(-1)).toBe(429);
    const byUi = await ui.app.inject({ url: '/workflows/blocks', headers: { cookie } });
    expect(byUi.statusCode).toBe(200);
  });
});

describe('a stale UI cookie on the proxy to Sixtyfour, when the server holds the key', () => {
  it('is told the session is stale (renewable), not that the key is for the UI only', async () => {
    const ui = await startUiApp({
      SIXTYFOUR_API_KEY: 'server-held-upstream-key-0123',
      // Never reached: the answer comes before anything is forwarded.
      SIXTYFOUR_API_BASE: 'http://127.0.0.1:9',
    });
    try {
      const { cookie } = await pageCookie(ui.app);
      const stale = await ui.app.inject({
        url: '/inlet/sixtyfour/workflows',
        headers: {
          cookie: `${cookie.split('=')[0] ?? ''}=from-an-earlier-start`,
          'sec-fetch-site': 'same-origin',
        },
      });
      expect(stale.statusCode).toBe(401);
      expect(stale.headers['x-inlet-session']).toBe('stale');
      expect(json(stale)).toEqual({ detail: containing('reload the page') });
      const script = await ui.app.inject({ url: '/inlet/sixtyfour/workflows' });
      expect(script.statusCode).toBe(401);
      expect(script.headers['x-inlet-session']).toBeUndefined();
    } finally {
      await ui.close();
    }
  });
});

describe('a UI password and binding beyond this machine', () => {
  it('asks for INLET_UI_PASSWORD (HTTP Basic) before the page and its cookie', async () => {
    const ui = await startUiApp({ INLET_UI_PASSWORD: 'correct horse battery' });
    try {
      const asked = await pageCookie(ui.app);
      expect(asked.page.statusCode).toBe(401);
      expect(asked.page.headers['www-authenticate']).toMatch(/^Basic realm="Inlet"/);
      expect(asked.setCookie).toBe('');
      const basic = (password: string) =>
        `Basic ${Buffer.from(`me:${password}`).toString('base64')}`;
      const wrong = await pageCookie(ui.app, { authorization: basic('wrong') });
      expect(wrong.page.statusCode).toBe(401);
      const right = await pageCookie(ui.app, { authorization: basic('correct horse battery') });
      expect(right.page.statusCode).toBe(200);
      expect(right.cookie).toMatch(/^inlet_ui_\d+=/);
      const again = await ui.app.inject({ url: '/', headers: { cookie: right.cookie } });
      expect(again.statusCode).toBe(200);
    } finally {
      await ui.close();
    }
  });

  it('refuses to start on a non-loopback address without allowed hosts and a UI password', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'inlet-data-'));
    try {
      expect(() => loadConfig({ HOST: '0.0.0.0', INLET_DATA_DIR: dataDir })).toThrow(
        /INLET_ALLOWED_HOSTS.*INLET_UI_PASSWORD/s,
      );
      expect(() =>
        loadConfig({ HOST: '0.0.0.0', INLET_ALLOWED_HOSTS: 'inlet.team.example' }),
      ).toThrow(/INLET_UI_PASSWORD/);
      const config = loadConfig({
        HOST: '0.0.0.0',
        INLET_ALLOWED_HOSTS: 'inlet.team.example',
        INLET_UI_PASSWORD: 'correct horse battery',
      });
      expect(config.allowedHosts).toEqual(['inlet.team.example']);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps the Host check on when bound to every interface', async () => {
    const t = await startTestApp({
      HOST: '0.0.0.0',
      INLET_ALLOWED_HOSTS: 'inlet.team.example',
      INLET_UI_PASSWORD: 'correct horse battery',
    });
    try {
      const rebound = await t.call({ url: '/workflows', headers: { host: 'evil.example' } });
      expect(rebound.statusCode).toBe(403);
      const named = await t.call({ url: '/workflows', headers: { host: 'inlet.team.example' } });
      expect(named.statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});
