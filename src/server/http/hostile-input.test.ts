import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MAX_JSON_DEPTH, MAX_ROWS } from '@core/limits.ts';
import {
  DOCUMENTED_PAYLOAD,
  createWorkflow,
  linearWorkflow,
  startRun,
  waitForTerminal,
} from '../test-support/fixtures.ts';
import { containing } from '../test-support/matchers.ts';
import { expectContract } from '../test-support/openapi-contract.ts';
import { json, startTestApp, TEST_KEY, type TestApp } from '../test-support/test-app.ts';

/*
 * Issue #6, bad input: each case answers with a clear error (or a documented acceptance),
 * the server stays up, and nothing half-saved: the run count only grows for accepted runs.
 * Default limits (10 MiB, 100,000 rows, depth 64) so the cases meet the real rules.
 */

const jsonHeaders = { 'content-type': 'application/json' };
const runsSchema = z.array(z.object({ job_id: z.string() }));
const jobSchema = z.object({ job_id: z.string() });
const linksSchema = z.array(z.object({ download_url: z.string() }));

describe('hostile input to the sandbox API', () => {
  let t: TestApp;
  let workflowId: string;

  beforeAll(async () => {
    t = await startTestApp();
    workflowId = await createWorkflow(t);
  });
  afterAll(() => t.close());

  const runCount = async () =>
    runsSchema.parse(json(await t.call({ url: '/workflows/runs?limit=500' }))).length;

  /** Sends `body` as a run of the test workflow; raw strings and Buffers go as they are. */
  const run = (
    body: unknown,
    headers: Record<string, string | string[]> = {},
    query = `?workflow_id=${workflowId}`,
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/workflows/run${query}`,
      payload: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body),
      headers: { 'x-api-key': TEST_KEY, ...jsonHeaders, ...headers },
    });

  /** Expects `send` to be refused with `status` and to leave no new run behind. */
  const refusedWithoutRun = async (
    send: () => Promise<LightMyRequestResponse>,
    status: number | number[],
  ) => {
    const before = await runCount();
    const response = await send();
    expect([status].flat(), response.body).toContain(response.statusCode);
    expect(await runCount()).toBe(before);
    expect((await t.call({ url: '/inlet/health' })).statusCode).toBe(200);
    return response;
  };

  /** The JSON result file of a completed run, as text. */
  const resultJson = async (jobId: string) => {
    expect(await waitForTerminal(t, jobId)).toBe('completed');
    const links = await t.call({
      url: `/workflows/runs/${jobId}/results/download-links?format=json`,
    });
    const url = new URL(linksSchema.parse(json(links))[0]?.download_url ?? '');
    return (await t.app.inject({ url: url.pathname + url.search })).body;
  };

  describe('1. the API key', () => {
    it('answers a missing and a wrong key with the same 401 body and headers', async () => {
      const missing = await refusedWithoutRun(
        () => run({ webhook_payload: DOCUMENTED_PAYLOAD }, { 'x-api-key': '' }),
        401,
      );
      const wrong = await refusedWithoutRun(
        () => run({ webhook_payload: DOCUMENTED_PAYLOAD }, { 'x-api-key': `${TEST_KEY}x` }),
        401,
      );
      expect(missing.body).toBe(wrong.body);
      expect(json(wrong)).toEqual({ detail: 'Invalid API key' });
    });

    it('refuses two x-api-key header lines with 400, even when one is right', async () => {
      for (const keys of [
        [TEST_KEY, TEST_KEY],
        [TEST_KEY, 'sk_other_0123456789'],
        ['sk_other_0123456789', TEST_KEY],
      ]) {
        const response = await refusedWithoutRun(
          () => run({ webhook_payload: DOCUMENTED_PAYLOAD }, { 'x-api-key': keys }),
          400,
        );
        expect(json(response)).toEqual({ detail: containing('exactly one x-api-key') });
      }
    });

    it('never reads a key from the query string', async () => {
      for (const name of ['x-api-key', 'api_key', 'key']) {
        const response = await refusedWithoutRun(
          () =>
            t.app.inject({
              method: 'POST',
              url: `/workflows/run?workflow_id=${workflowId}&${name}=${TEST_KEY}`,
              payload: JSON.stringify({ webhook_payload: DOCUMENTED_PAYLOAD }),
              headers: jsonHeaders,
            }),
          401,
        );
        expect(response.body).not.toContain(TEST_KEY);
      }
    });
  });

  it("2. answers FastAPI's 422 (never 415) to text/plain and form bodies holding JSON, with no run", async () => {
    for (const type of [
      'text/plain',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'not a media type',
    ]) {
      const response = await refusedWithoutRun(
        () => run({ webhook_payload: DOCUMENTED_PAYLOAD }, { 'content-type': type }),
        422,
      );
      expect(json(response)).toEqual({
        detail: [
          { loc: ['body'], msg: containing('application/json'), type: 'model_attributes_type' },
        ],
      });
    }
  });

  it('2b. reads a body without Content-Type, or sent as *+json, as JSON', async () => {
    const body = JSON.stringify({ webhook_payload: DOCUMENTED_PAYLOAD });
    const bare = await t.app.inject({
      method: 'POST',
      url: `/workflows/run?workflow_id=${workflowId}`,
      payload: body,
      headers: { 'x-api-key': TEST_KEY },
    });
    expect(bare.headers['content-type']).toContain('application/json');
    expect(bare.statusCode, bare.body).toBe(200);
    const vendor = await run(body, { 'content-type': 'application/vnd.acme+json; charset=utf-8' });
    expect(vendor.statusCode, vendor.body).toBe(200);
  });

  it('3. refuses a missing, repeated, huge, path-like or SQL-like workflow_id', async () => {
    const body = { webhook_payload: DOCUMENTED_PAYLOAD };
    await refusedWithoutRun(() => run(body, {}, ''), 422);
    const repeated = await refusedWithoutRun(
      () => run(body, {}, `?workflow_id=${workflowId}&workflow_id=${workflowId}`),
      422,
    );
    expect(json(repeated)).toMatchObject({ detail: [{ loc: ['query', 'workflow_id'] }] });
    const huge = 'a'.repeat(10_000);
    const long = await refusedWithoutRun(() => run(body, {}, `?workflow_id=${huge}`), 404);
    expect(long.body.length).toBeLessThan(500);
    for (const id of [
      '../../x',
      '..%2F..%2Fetc%2Fpasswd',
      "x' OR '1'='1",
      '1; DROP TABLE runs;--',
    ]) {
      const response = await refusedWithoutRun(
        () => run(body, {}, `?workflow_id=${encodeURIComponent(id)}`),
        404,
      );
      expect(json(response)).toEqual({ detail: containing('not found') });
    }
    // The same ids as path parameters and filters: refused or empty, and the store intact.
    for (const id of ['..%2F..%2Fx', "x'%20OR%20'1'%3D'1"]) {
      expect([404, 422]).toContain((await t.call({ url: `/workflows/${id}` })).statusCode);
      expect([404, 422]).toContain(
        (await t.call({ url: `/workflows/runs/${id}/live_status` })).statusCode,
      );
    }
    const filtered = await t.call({
      url: `/workflows/runs?workflow_id=${encodeURIComponent("' OR 1=1 --")}`,
    });
    // An unknown workflow is a 404 (contract, "Revision of 2026-12-02"), not an SQL match.
    expect(filtered.statusCode).toBe(404);
    expect(json(filtered)).toEqual({ detail: containing('not found') });
    expect((await t.call({ url: `/workflows/${workflowId}` })).statusCode).toBe(200);
  });

  describe('6. prototype pollution', () => {
    const hostile = '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}';

    it('keeps __proto__ and constructor.prototype in a payload as data that round-trips', async () => {
      const text = `{"webhook_payload":[{"company_name":"Acme","meta":${hostile},"__proto__":{"polluted":true}}]}`;
      const response = await run(text, {}, `?workflow_id=${workflowId}&save_json=true`);
      expect(response.statusCode, response.body).toBe(200);
      const file = await resultJson(jobSchema.parse(json(response)).job_id);
      expect(file).toBe(
        `[{"company_name":"Acme","meta":${hostile},"__proto__":{"polluted":true}}]`,
      );
      expect({}).not.toHaveProperty('polluted');
      expect(Object.prototype).not.toHaveProperty('polluted');
    });

    it('treats __proto__ in specs_override as a key it may not set, and as a column name', async () => {
      const asKey = await refusedWithoutRun(
        () =>
          run(
            `{"webhook_payload":[{"company_name":"a"}],"specs_override":{"__proto__":{"polluted":true}}}`,
          ),
        422,
      );
      expect(json(asKey)).toMatchObject({
        detail: [{ loc: ['body', 'specs_override', '__proto__'] }],
      });
      const asColumn = await run(
        `{"webhook_payload":[{"__proto__":"x","constructor":"y"}],"specs_override":{"input_schema":{"__proto__":{"type":"string","required":true},"constructor":"string"}}}`,
        {},
        `?workflow_id=${workflowId}&save_json=true`,
      );
      expect(asColumn.statusCode, asColumn.body).toBe(200);
      expect(await resultJson(jobSchema.parse(json(asColumn)).job_id)).toBe(
        '[{"__proto__":"x","constructor":"y"}]',
      );
      expect(Object.prototype).not.toHaveProperty('polluted');
    });

    it('stores a spec with constructor.prototype columns exactly', async () => {
      const definition = linearWorkflow([], {
        input_schema: JSON.parse(
          '{"company_name":"string","constructor":{"type":"dict","description":"prototype"},"prototype":"string","__proto__":"string"}',
        ) as unknown, // JSON.parse output is plain data.
      });
      const id = await createWorkflow(t, definition);
      const stored = await t.call({ url: `/workflows/${id}` });
      expect(stored.body).toContain(
        '"input_schema":{"company_name":"string","constructor":{"type":"dict","description":"prototype"},"prototype":"string","__proto__":"string"}',
      );
      expect(Object.prototype).not.toHaveProperty('polluted');
    });
  });

  it('7. answers 422 naming the depth limit for 10,000 levels (~20 KB), not a 500', async () => {
    const deep = `{"webhook_payload":[{"company_name":"a","x":${'['.repeat(10_000)}${']'.repeat(10_000)}}]}`;
    expect(deep.length).toBeGreaterThan(20_000);
    const response = await refusedWithoutRun(() => run(deep), 422);
    expect(response.body).toContain(String(MAX_JSON_DEPTH));
    expect(json(response)).toMatchObject({ detail: [{ type: 'json_too_deep' }] });
    const objects = `{"webhook_payload":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`;
    expect((await refusedWithoutRun(() => run(objects), 422)).body).toContain('json_too_deep');
  });

  it("7b. answers a payload just past the judge's depth limit with the same FastAPI 422", async () => {
    // Depth 65 for the payload passes the body parser (64 + the body's two levels) and is
    // refused by the judge: the answer has the same shape and type as the parser's.
    const nest = (levels: number): string => `${'['.repeat(levels)}1${']'.repeat(levels)}`;
    const body = `{"webhook_payload":[{"company_name":"a","x":${nest(MAX_JSON_DEPTH - 1)}}]}`;
    const response = await refusedWithoutRun(() => run(body), 422);
    expect(json(response)).toMatchObject({
      detail: [{ loc: ['body', 'webhook_payload', 0, 'x'], type: 'json_too_deep' }],
    });
    expect(response.body).toContain(String(MAX_JSON_DEPTH));
  });

  describe('8. numbers, strings and bytes', () => {
    const warningsOf = async (jobId: string) => {
      const list = await t.call({ url: '/workflows/runs?limit=500' });
      const runs = z
        .array(
          z.object({
            job_id: z.string(),
            metrics: z.object({ warnings: z.array(z.object({ message: z.string() })) }).loose(),
          }),
        )
        .parse(json(list));
      return runs.find((r) => r.job_id === jobId)?.metrics.warnings.map((w) => w.message) ?? [];
    };

    it('accepts huge numbers with a warning: 2^64-ish loses precision, 1e400 becomes null', async () => {
      const response = await run(
        '{"webhook_payload":[{"company_name":"Acme","big":12345678901234567890,"inf":1e400}]}',
        {},
        `?workflow_id=${workflowId}&save_json=true`,
      );
      expect(response.statusCode, response.body).toBe(200);
      const jobId = jobSchema.parse(json(response)).job_id;
      expect(await resultJson(jobId)).toBe(
        '[{"company_name":"Acme","big":12345678901234567000,"inf":null}]',
      );
      expect((await warningsOf(jobId)).join('\n')).toMatch(/inf/);
    });

    it('accepts a lone surrogate with a warning; JSON results keep it as the \\ud800 escape', async () => {
      const response = await run(
        '{"webhook_payload":[{"company_name":"A\\ud800cme"}]}',
        {},
        `?workflow_id=${workflowId}&save_json=true`,
      );
      expect(response.statusCode, response.body).toBe(200);
      const jobId = jobSchema.parse(json(response)).job_id;
      expect(await resultJson(jobId)).toBe('[{"company_name":"A\\ud800cme"}]');
      expect(await warningsOf(jobId)).not.toEqual([]);
    });

    it('refuses bytes that are not UTF-8 with 422, instead of replacing them', async () => {
      const bytes = Buffer.concat([
        Buffer.from('{"webhook_payload":[{"company_name":"A'),
        Buffer.from([0xc3, 0x28, 0xff]),
        Buffer.from('"}]}'),
      ]);
      const response = await refusedWithoutRun(() => run(bytes), 422);
      expect(json(response)).toMatchObject({
        detail: [{ type: 'json_invalid', msg: containing('UTF-8') }],
      });
    });

    it('skips a leading byte order mark, like the browser judge', async () => {
      const body = Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(JSON.stringify({ webhook_payload: DOCUMENTED_PAYLOAD })),
      ]);
      const response = await run(body);
      expect(response.statusCode, response.body).toBe(200);
    });

    it('keeps the last of duplicate keys (JSON.parse), like the browser judge', async () => {
      const response = await run(
        '{"webhook_payload":[{"company_name":"First","company_name":"Last"}]}',
        {},
        `?workflow_id=${workflowId}&save_json=true`,
      );
      expect(response.statusCode, response.body).toBe(200);
      expect(await resultJson(jobSchema.parse(json(response)).job_id)).toBe(
        '[{"company_name":"Last"}]',
      );
    });
  });

  describe('9. webhook_payload shapes', () => {
    it.each([
      ['a string', '"acme"', [['body', 'webhook_payload']], 'webhook_payload is a string'],
      ['a number', '42', [['body', 'webhook_payload']], 'webhook_payload is a number'],
      ['true', 'true', [['body', 'webhook_payload']], 'webhook_payload is a boolean'],
      [
        '[1, 2]',
        '[1, 2]',
        [
          ['body', 'webhook_payload', 0],
          ['body', 'webhook_payload', 1],
        ],
        'row 1 of webhook_payload is a number',
      ],
      ['[null]', '[null]', [['body', 'webhook_payload', 0]], 'row 1 of webhook_payload is null'],
      ['[[]]', '[[]]', [['body', 'webhook_payload', 0]], 'row 1 of webhook_payload is a list'],
      [
        '[{}, "x"]',
        '[{"company_name":"Acme"}, "x"]',
        [['body', 'webhook_payload', 1]],
        'row 2 of webhook_payload is a string',
      ],
    ])(
      "refuses %s with FastAPI's 422 located at it, and no run",
      async (_name, payload, locs, says) => {
        const response = await refusedWithoutRun(() => run(`{"webhook_payload":${payload}}`), 422);
        expectContract(response, 'POST', '/workflows/run');
        const body = z
          .object({ detail: z.array(z.object({ loc: z.array(z.unknown()), msg: z.string() })) })
          .parse(json(response));
        expect(body.detail.map((error) => error.loc)).toEqual(locs);
        expect(body.detail[0]?.msg).toContain(says);
      },
    );

    it('refuses [] with 400 (a judging rule, not the body shape)', async () => {
      const response = await refusedWithoutRun(() => run('{"webhook_payload":[]}'), 400);
      expect(json(response)).toMatchObject({ detail: containing('empty') });
    });

    it('treats "webhook_payload": null as absent (FastAPI Optional): webhook_input or 400', async () => {
      const response = await refusedWithoutRun(() => run('{"webhook_payload":null}'), 400);
      expect(json(response)).toEqual({ detail: containing('webhook_input') });
    });

    it('refuses one million {} over the row limit with 400, without a run', async () => {
      const million = `{"webhook_payload":[${Array.from({ length: 1_000_000 }, () => '{}').join(',')}]}`;
      const response = await refusedWithoutRun(() => run(million), 400);
      expect(json(response)).toMatchObject({
        detail: containing(MAX_ROWS.toLocaleString('en-US').replaceAll(',', '')),
      });
    });
  });

  it('13. refuses another site (Origin, Sec-Fetch-Site) and sends no CORS headers', async () => {
    const crossSite: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'http://localhost:9999' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of crossSite) {
      const response = await refusedWithoutRun(
        () => run({ webhook_payload: DOCUMENTED_PAYLOAD }, headers),
        403,
      );
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      expect(json(response)).toEqual({ detail: containing('') });
    }
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/workflows/run',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const own = await run(
      { webhook_payload: DOCUMENTED_PAYLOAD },
      { origin: 'http://localhost:80', host: 'localhost:80', 'sec-fetch-site': 'same-origin' },
    );
    expect(own.statusCode, own.body).toBe(200);
  });

  it('stays consistent: every accepted run above finishes', async () => {
    const jobId = await startRun(t, workflowId);
    expect(await waitForTerminal(t, jobId)).toBe('completed');
  });
});
