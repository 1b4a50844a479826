import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devServerConfig } from './dev-page.ts';
import { CONTENT_SECURITY_POLICY } from './http/serve-web.ts';

describe('npm run dev serves the page with the production policy', () => {
  let vite: ViteDevServer;
  let origin: string;

  beforeAll(async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    vite = await createServer({
      ...devServerConfig('inlet_ui_test=1; HttpOnly; SameSite=Strict; Path=/', port),
      logLevel: 'silent',
    });
    await vite.listen();
    origin = `http://127.0.0.1:${port}`;
  }, 30_000);

  afterAll(async () => {
    await vite.close();
  });

  it('sends the CSP with only a nonce and the hot-reload socket added, and every script carries the nonce', async () => {
    const page = await fetch(`${origin}/`, { headers: { accept: 'text/html' } });
    const policy = page.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1] ?? '';
    expect(nonce).not.toBe('');
    const withoutAdditions = policy
      .replace(` 'nonce-${nonce}'`, '')
      .replace(/ ws:\/\/127\.0\.0\.1:\d+/, '');
    expect(withoutAdditions).toBe(CONTENT_SECURITY_POLICY);
    expect(policy).not.toContain('unsafe-eval');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('set-cookie')).toContain('inlet_ui_test=1');

    const html = await page.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // React refresh's preamble is the one inline script; without the nonce it would be blocked.
    expect(html).toContain('/@react-refresh');
  });
});
