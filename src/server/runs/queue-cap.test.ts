import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createWorkflow, waitFor } from '../test-support/fixtures.ts';
import { containing } from '../test-support/matchers.ts';
import { json, startTestApp, type TestApp } from '../test-support/test-app.ts';
import { createQueueCap } from './queue-cap.ts';

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

  it('takes runs again once a queued one is cancelled', async () => {
    const queued = z
      .array(z.object({ job_id: z.string(), status: z.string() }))
      .parse(json(await t.call({ url: '/workflows/runs?limit=500' })))
      .find((item) => item.status === 'queued');
    expect(queued).toBeDefined();
    const cancelled = await t.call({
      method: 'POST',
      url: `/workflows/cancel?job_id=${queued?.job_id ?? ''}`,
    });
    expect(cancelled.statusCode).toBe(200);
    expect((await run()).statusCode).toBe(200);
    expect((await run()).statusCode).toBe(503);
  });
});

describe('counting the queue', () => {
  /** A queue of `size` runs that counts how often it was counted. */
  const countedQueue = (size: { queued: number; entries: number }) => {
    const counts: number[] = [];
    return {
      counts,
      size,
      queue: {
        countQueued: (limit: number) => {
          counts.push(limit);
          return Math.min(size.queued, limit);
        },
        queueEntries: () => size.entries,
      },
    };
  };

  it('counts once while the runs entered since cannot have reached the cap', () => {
    const { counts, size, queue } = countedQueue({ queued: 10, entries: 0 });
    const cap = createQueueCap(100, queue);
    for (let entry = 0; entry < 89; entry++) {
      cap.check();
      size.queued++;
      size.entries++;
    }
    expect(counts).toEqual([100]);
  });

  it('counts again when the bound reaches the cap, and refuses only when the count does', () => {
    const { counts, size, queue } = countedQueue({ queued: 98, entries: 0 });
    const cap = createQueueCap(100, queue);
    cap.check();
    // Two runs enter and one leaves: the bound (100) is at the cap, the queue (99) is not.
    size.entries += 2;
    size.queued += 1;
    cap.check();
    expect(counts).toEqual([100, 100]);
    size.entries += 1;
    size.queued += 1;
    expect(() => {
      cap.check();
    }).toThrow('INLET_MAX_QUEUED_RUNS');
  });

  it('never counts without a cap', () => {
    const { counts, queue } = countedQueue({ queued: 5, entries: 5 });
    createQueueCap(0, queue).check();
    expect(counts).toEqual([]);
  });
});
