import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createWorkflow,
  linearWorkflow,
  startRun,
  waitFor,
  waitForTerminal,
} from '../test-support/fixtures.ts';
import { json, startTestApp, type TestApp } from '../test-support/test-app.ts';

const rows = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ company_name: `Company ${index}` }));
const liveSchema = z.object({
  overall_status: z.string(),
  blocks: z.array(
    z.object({ status: z.string(), processed_count: z.number(), total_count: z.number() }),
  ),
});

describe('live status, run list and cancel', () => {
  let t: TestApp;
  let workflowId: string;
  beforeAll(async () => {
    // Paced so runs stay running long enough to cancel: 40 rows × 25 ms.
    t = await startTestApp({ INLET_SANDBOX_ROW_MS: '25' });
    workflowId = await createWorkflow(t);
  });
  afterAll(() => t.close());

  const live = async (jobId: string) =>
    liveSchema.parse(
      json(
        await t.call({
          url: `/workflows/runs/${jobId}/live_status`,
          contract: '/workflows/runs/{run_id}/live_status',
        }),
      ),
    );
  const cancel = (jobId: string) =>
    t.call({
      method: 'POST',
      url: `/workflows/cancel?job_id=${jobId}`,
      contract: '/workflows/cancel',
    });

  it('shows per-block progress while running, then cancels at a row boundary within a second', async () => {
    const jobId = await startRun(t, workflowId, { webhook_payload: rows(40) });
    await waitFor(async () => ((await live(jobId)).blocks[0]?.processed_count ?? 0) > 2);
    const during = await live(jobId);
    expect(during.overall_status).toBe('running');
    expect(during.blocks[0]).toMatchObject({ status: 'running', total_count: 40 });

    const started = Date.now();
    const response = await cancel(jobId);
    // The cancel response spells it as Sixtyfour's OpenAPI; live status keeps `cancelled`.
    expect(json(response)).toEqual({ job_id: jobId, status: 'canceled' });
    const processedAtCancel = (await live(jobId)).blocks[0]?.processed_count ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = await live(jobId);
    expect(after.overall_status).toBe('cancelled');
    expect(after.blocks[0]?.processed_count ?? 0).toBeLessThanOrEqual(processedAtCancel + 1);
    expect(Date.now() - started).toBeLessThan(1_000);
    const links = await t.call({ url: `/workflows/runs/${jobId}/results/download-links` });
    expect(links.statusCode).toBe(409);
  });

  it('cancels a queued run at once and never starts it', async () => {
    // Two runs fill the executor; the third waits in the queue.
    const busy = [
      await startRun(t, workflowId, { webhook_payload: rows(40) }),
      await startRun(t, workflowId, { webhook_payload: rows(40) }),
    ];
    const queued = await startRun(t, workflowId, { webhook_payload: rows(5) });
    expect((await live(queued)).overall_status).toBe('queued');
    expect(json(await cancel(queued))).toEqual({ job_id: queued, status: 'canceled' });
    for (const jobId of busy) await cancel(jobId);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const after = await live(queued);
    expect(after.overall_status).toBe('cancelled');
    expect(after.blocks.every((block) => block.status === 'pending')).toBe(true);
    // Cancelling it again answers the same spelling; both spellings filter the run list.
    expect(json(await cancel(queued))).toEqual({ job_id: queued, status: 'canceled' });
    for (const spelling of ['cancelled', 'canceled']) {
      const list = await t.call({
        url: `/workflows/runs?status=${spelling}&workflow_id=${workflowId}`,
        contract: '/workflows/runs',
      });
      const listed = z
        .array(z.object({ job_id: z.string(), status: z.string() }))
        .parse(json(list));
      expect(
        listed.map((run) => run.job_id),
        spelling,
      ).toContain(queued);
      expect(
        listed.every((run) => run.status === 'cancelled'),
        spelling,
      ).toBe(true);
    }
  });

  it('answers 404 for the runs of an unknown workflow, slug or UUID', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'demo-nobody-made']) {
      const response = await t.call({
        url: `/workflows/runs?workflow_id=${id}`,
        contract: '/workflows/runs',
      });
      expect(response.statusCode, id).toBe(404);
      expect(json(response)).toEqual({ detail: `Workflow ${id} not found` });
    }
  });

  it('answers a finished run with its status unchanged', async () => {
    const jobId = await startRun(t, workflowId, { webhook_payload: rows(1) });
    expect(await waitForTerminal(t, jobId)).toBe('completed');
    expect(json(await cancel(jobId))).toEqual({ job_id: jobId, status: 'completed' });
    expect(json(await cancel(jobId))).toEqual({ job_id: jobId, status: 'completed' });
  });

  it('answers 404 for an unknown run, 422 without job_id or with a bad run id', async () => {
    expect((await cancel('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const missing = await t.call({
      method: 'POST',
      url: '/workflows/cancel',
      contract: '/workflows/cancel',
    });
    expect(missing.statusCode).toBe(422);
    const bad = await t.call({
      url: '/workflows/runs/run_xyz789/live_status',
      contract: '/workflows/runs/{run_id}/live_status',
    });
    expect(bad.statusCode).toBe(422);
  });

  it('lists runs newest first, filtered by status, workflow and limit', async () => {
    const otherWorkflow = await createWorkflow(t, linearWorkflow());
    const first = await startRun(t, otherWorkflow, { webhook_payload: rows(1) });
    const second = await startRun(t, otherWorkflow, { webhook_payload: rows(1) });
    await waitForTerminal(t, first);
    await waitForTerminal(t, second);
    const list = await t.call({
      url: `/workflows/runs?workflow_id=${otherWorkflow}`,
      contract: '/workflows/runs',
    });
    const ids = z
      .array(z.object({ job_id: z.string() }))
      .parse(json(list))
      .map((run) => run.job_id);
    expect(ids).toEqual([second, first]);
    const limited = await t.call({ url: '/workflows/runs?limit=1', contract: '/workflows/runs' });
    expect(z.array(z.unknown()).parse(json(limited))).toHaveLength(1);
    const cancelled = await t.call({
      url: '/workflows/runs?status=cancelled',
      contract: '/workflows/runs',
    });
    expect(
      z
        .array(z.object({ status: z.string() }))
        .parse(json(cancelled))
        .every((run) => run.status === 'cancelled'),
    ).toBe(true);
    const active = await t.call({
      url: '/workflows/runs?status=active',
      contract: '/workflows/runs',
    });
    expect(active.statusCode).toBe(200);
    for (const query of ['limit=0', 'limit=501', 'limit=x', 'status=done']) {
      const bad = await t.call({ url: `/workflows/runs?${query}`, contract: '/workflows/runs' });
      expect(bad.statusCode, query).toBe(422);
    }
  });
});

describe('cancel racing completion', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('ends every run in exactly one terminal state, with results only when completed', async () => {
    const workflowId = await createWorkflow(t);
    for (let round = 0; round < 15; round++) {
      const jobId = await startRun(t, workflowId, { webhook_payload: rows(3) });
      const cancelAnswer = z
        .looseObject({ status: z.string() })
        .parse(json(await t.call({ method: 'POST', url: `/workflows/cancel?job_id=${jobId}` })));
      const final = await waitForTerminal(t, jobId);
      // A cancel that lost the race answers the run's own status; one that won says `canceled`.
      if (final === 'cancelled') expect(cancelAnswer.status).toBe('canceled');
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(await waitForTerminal(t, jobId)).toBe(final);
      const links = await t.call({ url: `/workflows/runs/${jobId}/results/download-links` });
      expect(links.statusCode).toBe(final === 'completed' ? 200 : 409);
    }
  });
});
