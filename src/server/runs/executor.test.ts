import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createWorkflow,
  linearWorkflow,
  startRun,
  waitForTerminal,
} from '../test-support/fixtures.ts';
import { json, startTestApp, type TestApp } from '../test-support/test-app.ts';
import { portOf } from '../test-support/port-of.ts';

const SECRET = 'whsec_test';
const rowsSchema = z.array(z.record(z.string(), z.unknown()));
const runSchema = z.array(z.object({ job_id: z.string(), status_reason: z.string().nullish() }));

describe('executing blocks', () => {
  let t: TestApp;
  let receiver: Server;
  let receiverUrl: string;
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  let failNext = 0;

  beforeAll(async () => {
    t = await startTestApp({ INLET_WEBHOOK_SIGNING_SECRET: SECRET });
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        if (failNext > 0) {
          failNext--;
          response.writeHead(503).end();
          return;
        }
        received.push({ headers: request.headers, body });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${portOf(receiver)}/hook`;
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  const results = async (jobId: string) => {
    const links = await t.call({ url: `/workflows/runs/${jobId}/results/download-links` });
    return rowsSchema.parse(
      z.array(z.object({ results: z.unknown() })).parse(json(links))[0]?.results,
    );
  };
  const reasonOf = async (jobId: string) => {
    const list = runSchema.parse(json(await t.call({ url: '/workflows/runs?limit=500' })));
    return list.find((run) => run.job_id === jobId)?.status_reason ?? '';
  };

  it('filters, deduplicates and removes columns for real', async () => {
    const id = await createWorkflow(
      t,
      linearWorkflow([
        {
          block_id: 'f',
          block_name: 'filter',
          specs: { column: 'industry', operator: 'neq', value: 'Retail' },
        },
        { block_id: 'd', block_name: 'deduplicate', specs: { columns: ['company_name'] } },
        { block_id: 'r', block_name: 'remove_columns', specs: { columns: ['industry'] } },
      ]),
    );
    const jobId = await startRun(t, id, {
      webhook_payload: [
        { company_name: 'Acme', industry: 'Software', website: 'acme.com' },
        { company_name: 'ACME', industry: 'Software', website: 'acme.io' },
        { company_name: 'Shop', industry: 'Retail' },
        { company_name: 'Globex', industry: 'Energy' },
      ],
    });
    expect(await waitForTerminal(t, jobId)).toBe('completed');
    expect(await results(jobId)).toEqual([
      { company_name: 'Acme', website: 'acme.com' },
      { company_name: 'Globex' },
    ]);
  });

  it('simulates enrichment deterministically and marks every added value', async () => {
    const id = await createWorkflow(
      t,
      linearWorkflow([
        { block_id: 'c', block_name: 'company_enrichment' },
        { block_id: 'l', block_name: 'company_to_leads' },
        { block_id: 'e', block_name: 'find_email' },
      ]),
    );
    const payload = { webhook_payload: [{ company_name: 'Acme', website: 'acme.com' }] };
    const first = await startRun(t, id, payload);
    const second = await startRun(t, id, payload);
    await waitForTerminal(t, first);
    await waitForTerminal(t, second);
    const rows = await results(first);
    expect(rows).toEqual(await results(second));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row._simulated).toBe(true);
      expect(String(row.email)).toMatch(/^[a-z.]+@acme\.com$/);
      expect(
        Object.keys(row).some((key) => key.endsWith('_simulated') && key !== '_simulated'),
      ).toBe(false);
    }
  });

  it('runs the blocks it used to refuse (find_phone) as simulated ones', async () => {
    const id = await createWorkflow(
      t,
      linearWorkflow([
        { block_id: 'l', block_name: 'company_to_leads' },
        { block_id: 'p', block_name: 'find_phone' },
      ]),
    );
    const jobId = await startRun(t, id);
    expect(await waitForTerminal(t, jobId)).toBe('completed');
    for (const row of await results(jobId))
      expect(String(row.phone)).toMatch(/^\+1 555 \d{3} \d{4}$/);
  });

  it('POSTs the rows to outgoing_webhook signed with Sixtyfour-Signature, retrying on 5xx', async () => {
    const id = await createWorkflow(
      t,
      linearWorkflow([
        { block_id: 'o', block_name: 'outgoing_webhook', specs: { url: receiverUrl } },
      ]),
    );
    failNext = 1;
    received.length = 0;
    const jobId = await startRun(t, id);
    expect(await waitForTerminal(t, jobId)).toBe('completed');
    expect(received).toHaveLength(1);
    const [delivery] = received;
    const header = String(delivery?.headers['sixtyfour-signature']);
    const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
    expect(match).not.toBeNull();
    const expected = createHmac('sha256', SECRET)
      .update(`${match?.[1] ?? ''}.${delivery?.body ?? ''}`)
      .digest('hex');
    expect(match?.[2]).toBe(expected);
    expect(JSON.parse(delivery?.body ?? '{}')).toMatchObject({ run_id: jobId, row_count: 2 });
  });

  it('refuses to call a host that is not loopback or allowed', async () => {
    const id = await createWorkflow(
      t,
      linearWorkflow([
        {
          block_id: 'o',
          block_name: 'outgoing_webhook',
          specs: { url: 'https://example.com/hook' },
        },
      ]),
    );
    const jobId = await startRun(t, id);
    expect(await waitForTerminal(t, jobId)).toBe('failed');
    expect(await reasonOf(jobId)).toContain('INLET_OUTGOING_ALLOW_HOSTS');
  });
});

describe('draining', () => {
  it('refuses new runs with 503 while draining and puts running ones back in the queue', async () => {
    const t = await startTestApp({ INLET_SANDBOX_ROW_MS: '20' });
    try {
      const id = await createWorkflow(t);
      const rows = Array.from({ length: 50 }, (_, index) => ({ company_name: `C${index}` }));
      const jobId = await startRun(t, id, { webhook_payload: rows });
      const draining = t.app.sandbox.drain(50);
      const refused = await t.call({
        method: 'POST',
        url: `/workflows/run?workflow_id=${id}`,
        payload: JSON.stringify({ webhook_payload: rows }),
        headers: { 'content-type': 'application/json' },
      });
      expect(refused.statusCode).toBe(503);
      await draining;
      const status = z
        .object({ overall_status: z.string() })
        .parse(json(await t.call({ url: `/workflows/runs/${jobId}/live_status` })));
      expect(status.overall_status).toBe('queued');
    } finally {
      await t.close();
    }
  });
});

describe('executing while run requests keep coming', () => {
  it('still completes runs during the stream, not only after it', async () => {
    // Paced rows: the first run is still going when the stream starts.
    const t = await startTestApp({ INLET_SANDBOX_ROW_MS: '5' });
    try {
      const workflowId = await createWorkflow(t);
      const first = await startRun(t, workflowId);
      const statusOf = async (jobId: string) =>
        z
          .object({ overall_status: z.string() })
          .parse(json(await t.call({ url: `/workflows/runs/${jobId}/live_status` })))
          .overall_status;
      // A stream of run requests, one after another, until the first run completed.
      let sentAfter = 0;
      while ((await statusOf(first)) !== 'completed') {
        await startRun(t, workflowId);
        sentAfter++;
        if (sentAfter > 2_000) throw new Error('The first run never completed during the stream');
      }
      expect(sentAfter).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });
});
