import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createWorkflow, waitFor } from '../test-support/fixtures.ts';
import { containing } from '../test-support/matchers.ts';
import { json, startTestApp, type TestApp } from '../test-support/test-app.ts';

describe('the cap on queued runs', () => {
  let t: TestApp;
  let workflowId: string;
  beforeAll(async () => {
    // Rows take a minute each, so two runs run (the executor's concurrency) and later ones wait.
    t = await startTestApp({ INLET_MAX_QUEUED_RUNS: '2', INLET_SANDBOX_ROW_MS: '60000' });
    workflowId = await createWorkflow(t);
  });
  afterAll(() => t.close());

  const run = () =>
    t.call({
      method: 'POST',
      url: `/workflows/run?workflow_id=${workflowId}`,
      payload: JSON.stringify({ webhook_payload: [{ company_name: 'Acme' }] }),
      headers: { 'content-type': 'application/json' },
    });
  const statuses = async () =>
    z
      .array(z.object({ status: z.string() }))
      .parse(json(await t.call({ url: '/workflows/runs?limit=500' })))
      .map((item) => item.status);

  it('answers 503 with Retry-After once INLET_MAX_QUEUED_RUNS runs are waiting', async () => {
    expect((await run()).statusCode).toBe(200);
    expect((await run()).statusCode).toBe(200);
    await waitFor(async () => (await statuses()).filter((s) => s === 'running').length === 2);
    expect((await run()).statusCode).toBe(200);
    expect((await run()).statusCode).toBe(200);
    const refused = await run();
    expect(refused.statusCode).toBe(503);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(json(refused)).toEqual({ detail: containing('INLET_MAX_QUEUED_RUNS') });
    expect((await statuses()).length).toBe(4);
  });
});
