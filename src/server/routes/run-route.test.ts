import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MAX_JSON_DEPTH } from '@core/limits.ts';
import {
  DOCUMENTED_PAYLOAD,
  createWorkflow,
  linearWorkflow,
  startRun,
  waitForTerminal,
} from '../test-support/fixtures.ts';
import { json, startTestApp, TEST_KEY, type TestApp } from '../test-support/test-app.ts';
import { containing, matching } from '../test-support/matchers.ts';

const RUN = '/workflows/run';
const jsonHeaders = { 'content-type': 'application/json' };

const linksSchema = z.array(
  z.object({
    download_url: z.string(),
    row_count: z.number(),
    results: z.array(z.record(z.string(), z.unknown())).nullish(),
  }),
);

// Every case twice: run requests prepared inline, and on the intake's worker thread (its own
// connection, messages both ways) — the answers must be the same.
describe.each([
  { intake: 'inline', thread: '0' },
  { intake: 'thread', thread: '1' },
] as const)('POST /workflows/run, prepared $intake', ({ intake, thread }) => {
  let t: TestApp;
  let workflowId: string;

  beforeAll(async () => {
    t = await startTestApp({
      INLET_MAX_ROWS: '50',
      INLET_MAX_BODY_BYTES: '20000',
      INLET_RUN_INTAKE_THREAD: thread,
    });
    expect(await t.app.sandbox.intake.ready).toBe(intake);
    workflowId = await createWorkflow(t);
  });
  afterAll(() => t.close());

  const run = (body: unknown, options: { query?: string; headers?: Record<string, string> } = {}) =>
    t.call({
      method: 'POST',
      url: `${RUN}?workflow_id=${workflowId}${options.query ?? ''}`,
      payload: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { ...jsonHeaders, ...options.headers },
      contract: RUN,
    });

  it('starts the documented example and completes it with downloadable results', async () => {
    const response = await run(
      { webhook_payload: DOCUMENTED_PAYLOAD },
      { query: '&save_json=true' },
    );
    expect(response.statusCode).toBe(200);
    const started = z
      .object({
        status: z.string(),
        workflow_id: z.string(),
        job_id: z.uuid(),
        cache_config: z.null(),
      })
      .strict()
      .parse(json(response));
    expect(started).toMatchObject({
      status: 'queued',
      workflow_id: workflowId,
      cache_config: null,
    });

    expect(await waitForTerminal(t, started.job_id)).toBe('completed');
    for (const format of ['csv', 'json']) {
      const links = await t.call({
        url: `/workflows/runs/${started.job_id}/results/download-links?format=${format}`,
        contract: '/workflows/runs/{run_id}/results/download-links',
      });
      expect(links.statusCode).toBe(200);
      const [link] = linksSchema.parse(json(links));
      expect(link?.row_count).toBe(2);
      expect(link?.results?.map((row) => row.company_name)).toEqual(['Acme', 'Globex']);
      const url = new URL(link?.download_url ?? '');
      // The server's own origin (HOST:PORT here), never the request's Host header.
      expect(url.origin).toBe('http://127.0.0.1:6464');
      const file = await t.app.inject({ url: url.pathname + url.search });
      expect(file.statusCode).toBe(200);
      if (format === 'csv') expect(file.body.split('\r\n')[1]).toBe('Acme,acme.com,Software');
      else expect(JSON.parse(file.body)).toEqual(DOCUMENTED_PAYLOAD);
    }
  });

  it('refuses a tampered or expired download link', async () => {
    const jobId = await startRun(t, workflowId);
    await waitForTerminal(t, jobId);
    const links = await t.call({ url: `/workflows/runs/${jobId}/results/download-links` });
    const url = new URL(linksSchema.parse(json(links))[0]?.download_url ?? '');
    const tampered = await t.app.inject({
      url: `${url.pathname}?expires=9999999999&signature=${url.searchParams.get('signature') ?? ''}`,
    });
    expect(tampered.statusCode).toBe(403);
    const expired = await t.app.inject({ url: `${url.pathname}?expires=1&signature=x` });
    expect(expired.statusCode).toBe(403);
  });

  it('answers 404 for json links of a run without save_json, 409 before completion', async () => {
    const jobId = await startRun(t, workflowId);
    await waitForTerminal(t, jobId);
    const noJson = await t.call({
      url: `/workflows/runs/${jobId}/results/download-links?format=json`,
      contract: '/workflows/runs/{run_id}/results/download-links',
    });
    expect(noJson.statusCode).toBe(404);
    const badFormat = await t.call({
      url: `/workflows/runs/${jobId}/results/download-links?format=xml`,
      contract: '/workflows/runs/{run_id}/results/download-links',
    });
    expect(badFormat.statusCode).toBe(422);
  });

  it('rejects a payload the judge rejects, with row pointers and no run', async () => {
    const before = await t.call({ url: '/workflows/runs' });
    const response = await run({ webhook_payload: [{ website: 'a.com' }, { company_name: null }] });
    expect(response.statusCode).toBe(400);
    const body = z
      .object({
        detail: z.string(),
        errors: z.array(
          z.object({
            row: z.number().nullable(),
            column: z.string().nullable(),
            message: z.string(),
          }),
        ),
      })
      .parse(json(response));
    expect(body.errors.map((error) => [error.row, error.column])).toEqual([
      [0, 'company_name'],
      [1, 'company_name'],
    ]);
    const after = await t.call({ url: '/workflows/runs' });
    expect(json(after)).toEqual(json(before));
  });

  it.each([
    ['an empty array', [], 400],
    ['a scalar row', [1], 422],
    ['a scalar payload', 5, 422],
  ])('rejects %s with %i', async (_name, payload, status) => {
    const response = await run({ webhook_payload: payload });
    expect(response.statusCode).toBe(status);
  });

  it('records warnings and starts the run for type mismatches and advisory columns', async () => {
    const jobId = await startRun(t, workflowId, {
      webhook_payload: [{ company_name: 'Acme', website: 5, extra: 'x' }],
    });
    await waitForTerminal(t, jobId);
    const list = await t.call({ url: '/workflows/runs?limit=1', contract: '/workflows/runs' });
    const [first] = z
      .array(z.object({ job_id: z.string(), metrics: z.object({ warnings_count: z.number() }) }))
      .parse(json(list));
    expect(first?.job_id).toBe(jobId);
    expect(first?.metrics.warnings_count).toBeGreaterThanOrEqual(2);
  });

  it('keeps __proto__ and constructor as plain data columns', async () => {
    const row = JSON.parse(
      '{"company_name":"Acme","__proto__":{"polluted":true},"constructor":"x"}',
    ) as unknown; // JSON.parse output is plain data.
    const jobId = await startRun(t, workflowId, { webhook_payload: [row] }, '&save_json=true');
    expect(await waitForTerminal(t, jobId)).toBe('completed');
    const links = await t.call({
      url: `/workflows/runs/${jobId}/results/download-links?format=json`,
    });
    const url = new URL(linksSchema.parse(json(links))[0]?.download_url ?? '');
    const file = await t.app.inject({ url: url.pathname + url.search });
    expect(file.body).toBe(
      '[{"company_name":"Acme","__proto__":{"polluted":true},"constructor":"x"}]',
    );
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('uses webhook_input when there is no webhook_payload, and 400 when neither exists', async () => {
    const withInput = await createWorkflow(
      t,
      linearWorkflow([], { webhook_input: JSON.stringify([{ company_name: 'Sample' }]) }),
    );
    const jobId = await startRun(t, withInput, {});
    expect(await waitForTerminal(t, jobId)).toBe('completed');
    const response = await run({});
    expect(response.statusCode).toBe(400);
    expect(json(response)).toMatchObject({
      detail: containing('webhook_input'),
    });
  });

  // webhook_input is a string inside the spec, not a field FastAPI validates: its rows are
  // judged by the sandbox, and a row that is not an object is a 400 like the other rules.
  it('refuses a webhook_input whose rows are not objects with 400, not a body 422', async () => {
    const response = await run({ specs_override: { webhook_input: '[1, {"company_name": "A"}]' } });
    expect(response.statusCode).toBe(400);
    expect(json(response)).toMatchObject({
      detail: containing("The webhook block's webhook_input was rejected: Row 1 is a number"),
      errors: [{ row: 0, column: null }],
    });
  });

  it('applies specs_override for this run only, and refuses other keys with 422', async () => {
    const accepted = await run({
      webhook_payload: [{ email: 'a@b.co' }],
      specs_override: { input_schema: { email: { type: 'string', required: true } } },
    });
    expect(accepted.statusCode).toBe(200);
    const refused = await run({
      webhook_payload: DOCUMENTED_PAYLOAD,
      specs_override: { url: 'x' },
    });
    expect(refused.statusCode).toBe(422);
    expect(JSON.stringify(json(refused))).toContain('url');
    const stillStrict = await run({ webhook_payload: [{ email: 'a@b.co' }] });
    expect(stillStrict.statusCode).toBe(400);
  });

  it('judges each run by the workflow as last saved, and 404s once it is deleted', async () => {
    const id = await createWorkflow(t);
    const runOn = (body: unknown) =>
      t.call({
        method: 'POST',
        url: `${RUN}?workflow_id=${id}`,
        payload: JSON.stringify(body),
        headers: jsonHeaders,
        contract: RUN,
      });
    const emailOnly = { webhook_payload: [{ email: 'a@b.co' }] };
    // company_name is required: refused, and the workflow is now read (and kept) by the intake.
    expect((await runOn(emailOnly)).statusCode).toBe(400);
    const saved = await t.call({
      method: 'POST',
      url: `/workflows/update_workflow?workflow_id=${id}`,
      payload: JSON.stringify(linearWorkflow([], { input_schema: { email: 'string' } })),
      headers: jsonHeaders,
    });
    expect(saved.statusCode).toBe(200);
    expect((await runOn(emailOnly)).statusCode).toBe(200);
    const deleted = await t.call({
      method: 'POST',
      url: `/workflows/delete_workflow?workflow_id=${id}`,
      headers: jsonHeaders,
    });
    expect(deleted.statusCode).toBe(200);
    expect((await runOn(emailOnly)).statusCode).toBe(404);
  });

  it('refuses a specs_override that breaks the row types of the graph', async () => {
    const id = await createWorkflow(
      t,
      linearWorkflow([{ block_id: 'e', block_name: 'company_enrichment' }]),
    );
    const response = await t.call({
      method: 'POST',
      url: `${RUN}?workflow_id=${id}`,
      payload: JSON.stringify({
        webhook_payload: DOCUMENTED_PAYLOAD,
        specs_override: { dataframe_type: 'LEAD' },
      }),
      headers: jsonHeaders,
      contract: RUN,
    });
    expect(response.statusCode).toBe(422);
  });

  it('answers FastAPI 422s for malformed JSON, wrong body types and bad query params', async () => {
    const malformed = await run('{"webhook_payload": [');
    expect(malformed.statusCode).toBe(422);
    expect(json(malformed)).toMatchObject({
      detail: [{ type: 'json_invalid', loc: ['body', 21] }],
    });
    const wrongType = await run({ specs_override: 'x' });
    expect(wrongType.statusCode).toBe(422);
    expect(json(wrongType)).toMatchObject({ detail: [{ loc: ['body', 'specs_override'] }] });
    const notObject = await run('[1]');
    expect(notObject.statusCode).toBe(422);
    const badBool = await run({}, { query: '&save_json=maybe' });
    expect(badBool.statusCode).toBe(422);
    expect(json(badBool)).toMatchObject({ detail: [{ loc: ['query', 'save_json'] }] });
    const noWorkflow = await t.call({
      method: 'POST',
      url: RUN,
      payload: '{}',
      headers: jsonHeaders,
      contract: RUN,
    });
    expect(json(noWorkflow)).toMatchObject({
      detail: [{ loc: ['query', 'workflow_id'], type: 'missing' }],
    });
  });

  it('answers 422 naming the depth limit for a body nested too deep, without overflowing', async () => {
    const deep = `{"webhook_payload":[{"company_name":"a","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`;
    const response = await t.call({
      method: 'POST',
      url: `${RUN}?workflow_id=${workflowId}`,
      payload: deep,
      headers: { ...jsonHeaders },
    });
    // This body is over the test's 20 kB limit too; check the depth rule below it.
    expect([413, 422]).toContain(response.statusCode);
    const nested = `{"webhook_payload":[{"company_name":"a","x":${'['.repeat(200)}${']'.repeat(200)}}]}`;
    const deepResponse = await run(nested);
    expect(deepResponse.statusCode).toBe(422);
    expect(deepResponse.body).toContain(String(MAX_JSON_DEPTH));
  });

  it('answers 413 {"detail"} for a body over INLET_MAX_BODY_BYTES', async () => {
    const big = JSON.stringify({ webhook_payload: [{ company_name: 'x'.repeat(30_000) }] });
    const response = await run(big);
    expect(response.statusCode).toBe(413);
    expect(json(response)).toEqual({ detail: containing('20000') });
  });

  it('rejects more rows than INLET_MAX_ROWS', async () => {
    const rows = Array.from({ length: 51 }, (_, index) => ({ company_name: `c${index}` }));
    const response = await run({ webhook_payload: rows });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('50');
  });

  it("answers FastAPI's 422 for a body that is not JSON (no 415)", async () => {
    const response = await run('company_name=Acme', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.statusCode).toBe(422);
    expect(json(response)).toMatchObject({ detail: [{ loc: ['body'] }] });
  });

  it('answers 404 for an unknown workflow', async () => {
    const response = await t.call({
      method: 'POST',
      url: `${RUN}?workflow_id=00000000-0000-4000-8000-000000000000`,
      payload: '{}',
      headers: jsonHeaders,
      contract: RUN,
    });
    expect(response.statusCode).toBe(404);
  });

  describe('auth', () => {
    it('answers 401 without a key or with a wrong one', async () => {
      for (const headers of [{}, { 'x-api-key': 'wrong' }]) {
        const response = await t.app.inject({
          method: 'POST',
          url: `${RUN}?workflow_id=${workflowId}`,
          payload: {},
          headers,
        });
        expect(response.statusCode).toBe(401);
        expect(json(response)).toEqual({ detail: 'Invalid API key' });
      }
    });

    it('answers 400 to a webhook_payload sent with JWT auth only, 401 to other Bearer requests', async () => {
      const withPayload = await t.app.inject({
        method: 'POST',
        url: `${RUN}?workflow_id=${workflowId}`,
        payload: { webhook_payload: DOCUMENTED_PAYLOAD },
        headers: { authorization: 'Bearer eyJhbGciOi.x.y' },
      });
      expect(withPayload.statusCode).toBe(400);
      expect(json(withPayload)).toMatchObject({ detail: matching(/JWT/) });
      const without = await t.app.inject({
        method: 'POST',
        url: `${RUN}?workflow_id=${workflowId}`,
        payload: {},
        headers: { authorization: 'Bearer eyJhbGciOi.x.y' },
      });
      expect(without.statusCode).toBe(401);
      const list = await t.app.inject({
        url: '/workflows',
        headers: { authorization: 'Bearer eyJ' },
      });
      expect(list.statusCode).toBe(401);
    });
  });

  describe('Idempotency-Key', () => {
    it('returns the first job with already_started for the same body, 422 for another', async () => {
      const headers = { 'idempotency-key': 'key-1' };
      const first = await run({ webhook_payload: DOCUMENTED_PAYLOAD }, { headers });
      const second = await run({ webhook_payload: DOCUMENTED_PAYLOAD }, { headers });
      const firstBody = z.object({ job_id: z.string() }).parse(json(first));
      expect(json(second)).toMatchObject({ job_id: firstBody.job_id, already_started: true });
      const other = await run({ webhook_payload: [{ company_name: 'Other' }] }, { headers });
      expect(other.statusCode).toBe(422);
      expect(json(other)).toMatchObject({ detail: [{ loc: ['header', 'Idempotency-Key'] }] });
      const fresh = await run(
        { webhook_payload: DOCUMENTED_PAYLOAD },
        { headers: { 'idempotency-key': 'key-2' } },
      );
      expect(z.object({ job_id: z.string() }).parse(json(fresh)).job_id).not.toBe(firstBody.job_id);
    });

    it('starts one run for concurrent requests with one key; those with another body get 422', async () => {
      const countRuns = () =>
        z
          .object({ n: z.number() })
          .parse(t.app.sandbox.db.prepare('SELECT count(*) AS n FROM runs').get()).n;
      const before = countRuns();
      const headers = { 'idempotency-key': 'key-concurrent' };
      const bodies = [
        ...Array.from({ length: 12 }, () => ({ webhook_payload: DOCUMENTED_PAYLOAD })),
        ...Array.from({ length: 4 }, (_, index) => ({
          webhook_payload: [{ company_name: `Other ${index}` }],
        })),
      ];
      // All sent before any is answered: every one passes the intake's first look at the key.
      const answers = await Promise.all(bodies.map((body) => run(body, { headers })));
      expect(countRuns()).toBe(before + 1);
      const accepted = answers.flatMap((answer, index) =>
        answer.statusCode === 200
          ? [{ index, jobId: z.object({ job_id: z.string() }).parse(json(answer)).job_id }]
          : [],
      );
      expect(new Set(accepted.map((answer) => answer.jobId)).size).toBe(1);
      const winner = JSON.stringify(bodies[accepted[0]?.index ?? -1]);
      answers.forEach((answer, index) => {
        if (JSON.stringify(bodies[index]) === winner) expect(answer.statusCode).toBe(200);
        else
          expect(json(answer)).toMatchObject({ detail: [{ loc: ['header', 'Idempotency-Key'] }] });
      });
    });
  });

  it('never answers with the key in a header or body', async () => {
    const response = await run({ webhook_payload: DOCUMENTED_PAYLOAD });
    expect(JSON.stringify(response.headers) + response.body).not.toContain(TEST_KEY);
  });
});

describe('POST /workflows/run while the sandbox shuts down', () => {
  it('answers the 503 before it reads the request: a malformed body gets it too', async () => {
    const t = await startTestApp({});
    try {
      const workflowId = await createWorkflow(t);
      await t.app.sandbox.drain(0);
      const malformed = await t.call({
        method: 'POST',
        url: `${RUN}?workflow_id=${workflowId}`,
        payload: '{"webhook_payload": [',
        headers: jsonHeaders,
      });
      expect(malformed.statusCode).toBe(503);
      expect(malformed.headers['retry-after']).toBe('5');
      expect(json(malformed)).toEqual({ detail: containing('shutting down') });
    } finally {
      await t.close();
    }
  });
});
