import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestApp, TEST_KEY, type TestApp } from '../test-support/test-app.ts';
import { containing } from '../test-support/matchers.ts';
import { createWorkflow, startRun, waitForTerminal } from '../test-support/fixtures.ts';
import { z } from 'zod';
import { portOf } from '../test-support/port-of.ts';

/** A refusal in FastAPI's shape: a message under `detail`, nothing else. */
const detailOnly = z.strictObject({ detail: z.string().min(1) });

describe('security, session, rate limit and body limit', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp({ INLET_RATE_LIMIT_PER_MIN: '5', INLET_MAX_BODY_BYTES: '1000' });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = portOf(t.app.server);
  });
  afterAll(() => t.close());

  it('sets no-store and nosniff on API answers and never CORS headers', async () => {
    const response = await t.app.inject({
      url: '/inlet/health',
      headers: { origin: 'https://evil.example' },
    });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a Host that is not a loopback name (DNS rebinding)', async () => {
    const response = await t.app.inject({
      url: '/inlet/health',
      headers: { host: 'evil.example:6464' },
    });
    expect(response.statusCode).toBe(403);
    expect(json(response)).toMatchObject({
      detail: containing('evil.example'),
    });
    for (const host of ['127.0.0.1:6464', '[::1]:6464', 'localhost']) {
      expect((await t.app.inject({ url: '/inlet/health', headers: { host } })).statusCode).toBe(
        200,
      );
    }
  });

  it('reads the whole Host value (host[:port] only) and builds links from its own origin', async () => {
    for (const host of [
      '127.0.0.1:7301@evil.example',
      '127.0.0.1:7301/evil',
      'localhost evil.example',
      '127.0.0.1:99999',
      'localhost:80, evil.example',
    ]) {
      const response = await t.app.inject({ url: '/inlet/health', headers: { host } });
      expect(response.statusCode, host).toBe(400);
      expect(json(response)).toEqual({ detail: containing('host[:port]') });
    }
    const own = await startTestApp();
    await own.app.listen({ host: '127.0.0.1', port: 0 });
    const ownPort = portOf(own.app.server);
    const id = await createWorkflow(own);
    const jobId = await startRun(own, id);
    await waitForTerminal(own, jobId);
    const links = await own.call({
      url: `/workflows/runs/${jobId}/results/download-links`,
      headers: { host: 'localhost.:1234' },
    });
    const [link] = z.array(z.object({ download_url: z.string() })).parse(json(links));
    // HOST and the port it listens on, whatever Host the request named.
    expect(new URL(link?.download_url ?? '').origin).toBe(`http://127.0.0.1:${ownPort}`);
    await own.close();
    const pinned = await startTestApp({ INLET_PUBLIC_ORIGIN: 'https://inlet.team.example' });
    try {
      const pid = await createWorkflow(pinned);
      const pjob = await startRun(pinned, pid);
      await waitForTerminal(pinned, pjob);
      const plinks = await pinned.call({ url: `/workflows/runs/${pjob}/results/download-links` });
      const [plink] = z.array(z.object({ download_url: z.string() })).parse(json(plinks));
      expect(plink?.download_url).toMatch(/^https:\/\/inlet\.team\.example\/inlet\//);
    } finally {
      await pinned.close();
    }
  });

  it('answers 413 before parsing, for a Content-Length body and for a chunked one', async () => {
    const big = JSON.stringify({ webhook_payload: [{ a: 'x'.repeat(2_000) }] });
    const sized = await t.call({
      method: 'POST',
      url: '/workflows/run?workflow_id=x',
      payload: big,
      headers: { 'content-type': 'application/json' },
    });
    expect(sized.statusCode).toBe(413);
    expect(detailOnly.safeParse(json(sized)).error).toBeUndefined();

    const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/workflows/run?workflow_id=x',
          headers: {
            'content-type': 'application/json',
            'x-api-key': TEST_KEY,
            'transfer-encoding': 'chunked',
          },
        },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => {
            resolve({ status: response.statusCode ?? 0, body });
          });
        },
      );
      request.on('error', reject);
      for (let i = 0; i < 10; i++) request.write(big.slice(i * 210, (i + 1) * 210));
      request.end();
    });
    expect(chunked.status).toBe(413);
    expect(detailOnly.safeParse(JSON.parse(chunked.body)).error).toBeUndefined();
  });

  it('limits requests per API key, with Retry-After and X-RateLimit headers', async () => {
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await t.call({ url: '/workflows/blocks' }));
    const last = answers.at(-1);
    // Five allowed a minute; the earlier tests here used some of them.
    expect(answers.some((answer) => answer.statusCode === 429)).toBe(true);
    expect(last?.statusCode).toBe(429);
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    expect(last?.headers['x-ratelimit-limit']).toBe('5');
    expect(last?.headers['x-ratelimit-remaining']).toBe('0');
    expect(last && json(last)).toEqual({
      detail: containing('Rate limit'),
    });
  });
});
