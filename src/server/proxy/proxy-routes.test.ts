import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkflow, linearWorkflow } from '../test-support/fixtures.ts';
import { json, startTestApp, TEST_KEY, type TestApp } from '../test-support/test-app.ts';
import { containing } from '../test-support/matchers.ts';
import { pageCookie, startUiApp } from '../test-support/ui-app.ts';
import { portOf } from '../test-support/port-of.ts';

describe('proxy to the Sixtyfour API', () => {
  let upstream: TestApp;
  let upstreamBase: string;
  let odd: Server;
  let oddBase: string;
  let seenHeaders: Record<string, unknown> = {};
  const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 });
  const large = JSON.stringify(
    Array.from({ length: 30_000 }, (_, i) => ({
      id: `wf-${i}`,
      name: `Workflow ${i} ${'é'.repeat(40)}`,
    })),
  );

  beforeAll(async () => {
    upstream = await startTestApp();
    await upstream.app.listen({ host: '127.0.0.1', port: 0 });
    upstreamBase = `http://127.0.0.1:${portOf(upstream.app.server)}`;
    odd = createServer((request, response) => {
      seenHeaders = request.headers;
      if (request.url?.startsWith('/workflows/blocks')) {
        response.writeHead(302, { location: 'https://elsewhere.example/' }).end();
      } else if (request.url?.startsWith('/workflows/runs')) {
        response.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad gateway</html>');
      } else if (request.url?.startsWith('/workflows/bomb')) {
        // About 64 KB of gzip that inflates to 64 MB.
        response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        response.end(bomb);
      } else if (request.url?.startsWith('/workflows/large')) {
        response.writeHead(200, {
          'content-type': 'application/json',
          'content-encoding': 'gzip',
          'x-total-count': '30000',
        });
        response.end(gzipSync(large));
      } else if (request.url?.startsWith('/workflows/echo-401')) {
        // An upstream that echoes the key it refused, in JSON and in an HTML error page.
        response
          .writeHead(401, { 'content-type': 'application/json' })
          .end(
            JSON.stringify({ detail: `Invalid API key ${String(request.headers['x-api-key'])}` }),
          );
      } else if (request.url?.startsWith('/workflows/echo-500')) {
        response
          .writeHead(500, { 'content-type': 'text/html' })
          .end(`<p>${'x'.repeat(190)} key=${String(request.headers['x-api-key'])}</p>`);
      } else if (request.url?.startsWith('/workflows/slow')) {
        setTimeout(
          () => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'),
          3_000,
        );
      } else {
        response.writeHead(200, { 'content-type': 'text/html' }).end('<html>hi</html>');
      }
    });
    await new Promise<void>((resolve) => odd.listen(0, '127.0.0.1', resolve));
    oddBase = `http://127.0.0.1:${portOf(odd)}`;
  });
  afterAll(async () => {
    await upstream.close();
    odd.closeAllConnections();
    await new Promise((resolve) => odd.close(resolve));
  });

  it("forwards the UI's calls (its cookie) with the server key and reports its status", async () => {
    const proxy = await startUiApp({
      SIXTYFOUR_API_BASE: upstreamBase,
      SIXTYFOUR_API_KEY: TEST_KEY,
    });
    try {
      const { cookie } = await pageCookie(proxy.app);
      const status = await proxy.app.inject({ url: '/inlet/sixtyfour/status' });
      expect(json(status)).toEqual({ server_has_key: true, base: upstreamBase });
      const id = await createWorkflow(upstream, linearWorkflow());
      const listed = await proxy.app.inject({
        url: '/inlet/sixtyfour/workflows',
        headers: { cookie },
      });
      expect(listed.statusCode).toBe(200);
      expect(listed.body).toContain(id);
      const run = await proxy.app.inject({
        method: 'POST',
        url: `/inlet/sixtyfour/workflows/run?workflow_id=${id}`,
        payload: { webhook_payload: [{ company_name: 'Acme' }] },
        headers: { cookie: `${cookie}; session=secret`, authorization: 'Bearer x' },
      });
      expect(run.statusCode).toBe(200);
      expect(json(run)).toMatchObject({ status: 'queued', workflow_id: id });
      const refused = await proxy.app.inject({
        method: 'DELETE',
        url: '/inlet/sixtyfour/workflows',
        headers: { cookie },
      });
      expect(refused.statusCode).toBe(404);
    } finally {
      await proxy.close();
    }
  });

  it("lends the server's key to no one else: a bare curl cannot delete a real workflow", async () => {
    const proxy = await startUiApp({
      SIXTYFOUR_API_BASE: upstreamBase,
      SIXTYFOUR_API_KEY: TEST_KEY,
    });
    try {
      const id = await createWorkflow(upstream, linearWorkflow());
      for (const headers of [
        {},
        { 'sec-fetch-site': 'same-origin' },
        { cookie: 'inlet_ui_6464=forged' },
        { origin: 'http://localhost:80' },
      ]) {
        const deleted = await proxy.app.inject({
          method: 'POST',
          url: `/inlet/sixtyfour/workflows/delete_workflow?workflow_id=${id}`,
          headers,
        });
        expect(deleted.statusCode, JSON.stringify(headers)).toBe(401);
        // A cookie that is not this start's reads as one from an earlier start: renewable.
        const said = 'cookie' in headers ? 'reload the page' : 'SIXTYFOUR_API_KEY';
        expect(json(deleted)).toEqual({ detail: containing(said) });
      }
      const still = await upstream.call({ url: `/workflows/${id}` });
      expect(still.statusCode).toBe(200);
      // A caller with its own key uses that key (here a wrong one: the upstream says 401).
      const own = await proxy.app.inject({
        url: '/inlet/sixtyfour/workflows',
        headers: { 'x-api-key': 'someone-elses-key-0000' },
      });
      expect(own.statusCode).toBe(401);
      expect(json(own)).toEqual({
        detail:
          'Sixtyfour refused the x-api-key sent (Invalid API key): check the key typed beside the target switch, or the one your script sends.',
      });
    } finally {
      await proxy.close();
    }
  });

  it("says when Sixtyfour refuses the server's own key, and where to fix it", async () => {
    const proxy = await startUiApp({
      SIXTYFOUR_API_BASE: upstreamBase,
      SIXTYFOUR_API_KEY: 'a-revoked-server-key-0000',
    });
    try {
      const { cookie } = await pageCookie(proxy.app);
      const refused = await proxy.app.inject({
        url: '/inlet/sixtyfour/workflows',
        headers: { cookie },
      });
      expect(refused.statusCode).toBe(401);
      expect(json(refused)).toEqual({
        detail:
          "Sixtyfour refused the server's key, SIXTYFOUR_API_KEY (Invalid API key): set a valid key there and restart the Inlet server.",
      });
    } finally {
      await proxy.close();
    }
  });

  it("uses the caller's x-api-key when the server has none, and passes upstream errors on", async () => {
    const proxy = await startTestApp({ SIXTYFOUR_API_BASE: upstreamBase });
    try {
      expect(json(await proxy.app.inject({ url: '/inlet/sixtyfour/status' }))).toMatchObject({
        server_has_key: false,
      });
      const none = await proxy.app.inject({ url: '/inlet/sixtyfour/workflows' });
      expect(none.statusCode).toBe(401);
      const wrong = await proxy.app.inject({
        url: '/inlet/sixtyfour/workflows',
        headers: { 'x-api-key': 'wrong' },
      });
      expect(wrong.statusCode).toBe(401);
      expect(json(wrong)).toEqual({ detail: containing('refused the x-api-key sent') });
      const right = await proxy.app.inject({
        url: '/inlet/sixtyfour/workflows/blocks',
        headers: { 'x-api-key': TEST_KEY },
      });
      expect(right.statusCode).toBe(200);
    } finally {
      await proxy.close();
    }
  });

  it('passes a large answer under the cap on byte for byte, with its count header', async () => {
    const proxy = await startUiApp({
      SIXTYFOUR_API_BASE: oddBase,
      SIXTYFOUR_API_KEY: 'server-key',
      INLET_PROXY_MAX_RESPONSE_BYTES: String(8 * 1024 * 1024),
    });
    try {
      const { cookie } = await pageCookie(proxy.app);
      const answer = await proxy.app.inject({
        url: '/inlet/sixtyfour/workflows/large',
        headers: { cookie },
      });
      expect(answer.statusCode).toBe(200);
      expect(Buffer.byteLength(large)).toBeGreaterThan(1024 * 1024);
      expect(answer.body === large).toBe(true);
      expect(answer.headers['x-total-count']).toBe('30000');
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
    } finally {
      await proxy.close();
    }
  });

  it('never forwards cookies or Authorization; 3xx, 5xx, HTML, gzip bombs and timeouts become 502/504', async () => {
    const proxy = await startUiApp({
      SIXTYFOUR_API_BASE: oddBase,
      SIXTYFOUR_API_KEY: 'server-key',
      INLET_PROXY_MAX_RESPONSE_BYTES: String(1024 * 1024),
    });
    try {
      const { cookie } = await pageCookie(proxy.app);
      const redirected = await proxy.app.inject({
        url: '/inlet/sixtyfour/workflows/blocks',
        headers: { cookie: `${cookie}; a=b`, authorization: 'Bearer t' },
      });
      expect(redirected.statusCode).toBe(502);
      expect(redirected.body).toContain('redirected');
      expect(seenHeaders.cookie).toBeUndefined();
      expect(seenHeaders.authorization).toBeUndefined();
      expect(seenHeaders['x-api-key']).toBe('server-key');
      const failed = await proxy.app.inject({
        url: '/inlet/sixtyfour/workflows/runs',
        headers: { cookie },
      });
      expect(failed.statusCode).toBe(502);
      // An HTML error page is read for its words, without its markup.
      expect(json(failed)).toEqual({ detail: 'Sixtyfour answered 502: Bad gateway.' });
      const html = await proxy.app.inject({
        url: '/inlet/sixtyfour/workflows',
        headers: { cookie },
      });
      expect(html.statusCode).toBe(502);
      expect(json(html)).toEqual({
        detail: 'Sixtyfour answered 200 with text/html instead of JSON: hi',
      });
      const bombed = await proxy.app.inject({
        url: '/inlet/sixtyfour/workflows/bomb',
        headers: { cookie },
      });
      expect(bombed.statusCode).toBe(502);
      expect(json(bombed)).toEqual({ detail: containing('INLET_PROXY_MAX_RESPONSE_BYTES') });
      const tooLarge = await proxy.app.inject({
        url: '/inlet/sixtyfour/workflows/large',
        headers: { cookie },
      });
      expect(tooLarge.statusCode).toBe(502);
      const slow = await proxy.app.inject({
        url: '/inlet/sixtyfour/workflows/slow',
        headers: { cookie },
      });
      expect(slow.statusCode).toBe(504);
    } finally {
      await proxy.close();
    }
  });

  it("never puts the server's key in an answer, even where Sixtyfour echoes it", async () => {
    const serverKey = 'sk_live_echoed_5f1c9a7e';
    const proxy = await startUiApp({ SIXTYFOUR_API_BASE: oddBase, SIXTYFOUR_API_KEY: serverKey });
    try {
      const { cookie } = await pageCookie(proxy.app);
      const refused = await proxy.app.inject({
        url: '/inlet/sixtyfour/workflows/echo-401',
        headers: { cookie },
      });
      expect(refused.statusCode).toBe(401);
      expect(json(refused)).toEqual({
        detail:
          "Sixtyfour refused the server's key, SIXTYFOUR_API_KEY (Invalid API key [masked]): set a valid key there and restart the Inlet server.",
      });
      // The key stands right at the 200-character cut: no prefix of it is left either.
      const failed = await proxy.app.inject({
        url: '/inlet/sixtyfour/workflows/echo-500',
        headers: { cookie },
      });
      expect(failed.statusCode).toBe(502);
      expect(failed.body).not.toContain(serverKey.slice(0, 6));
      expect(failed.body).toContain('key=[mask');
    } finally {
      await proxy.close();
    }
  });
});
