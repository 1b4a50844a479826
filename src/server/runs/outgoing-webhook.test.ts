import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createWorkflow,
  linearWorkflow,
  startRun,
  waitForTerminal,
} from '../test-support/fixtures.ts';
import { json, startTestApp, type TestApp } from '../test-support/test-app.ts';
import { portOf } from '../test-support/port-of.ts';

/*
 * Issue 11, outgoing_webhook deliveries, against a real receiver on 127.0.0.1 and a real
 * listening sandbox (so the receiver can follow results_download_url while it is called).
 */

const SECRET = 'whsec_delivery_test';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const envelopeSchema = z.object({
  event_id: z.string(),
  event_type: z.string(),
  run_id: z.string(),
  workflow_id: z.string(),
  block_id: z.string(),
  results: z.array(z.record(z.string(), z.unknown())).nullable(),
  row_count: z.number(),
  results_download_url: z.string(),
  sent_at: z.string(),
});
const liveSchema = z.object({
  overall_status: z.string(),
  blocks: z.array(
    z.object({
      block_id: z.string(),
      block_name: z.string(),
      status: z.string(),
      error_message: z.string().nullish(),
      metrics: z.record(z.string(), z.unknown()),
    }),
  ),
});
const runListSchema = z.array(
  z.object({ job_id: z.string(), status: z.string(), status_reason: z.string().nullish() }),
);
const linksSchema = z.array(
  z.object({ download_url: z.string(), row_count: z.number(), results: z.unknown() }),
);

type Delivery = {
  headers: IncomingHttpHeaders;
  body: string;
  download?: { status: number; text: string };
};
/** What the receiver does with the next request: answer a status (with a body), or never answer. */
type Plan = { status: number; body?: string } | 'hang';

const rowsOf = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    company_name: `Company ${index}`,
    website: `c${index}.example`,
  }));

describe('outgoing_webhook deliveries', () => {
  let t: TestApp;
  let receiver: Server;
  let base: string;
  const deliveries: Delivery[] = [];
  let plans: Plan[] = [];
  let followLink = false;

  beforeAll(async () => {
    t = await startTestApp({
      INLET_WEBHOOK_SIGNING_SECRET: SECRET,
      INLET_OUTGOING_BACKOFF_MS: '1',
      INLET_OUTGOING_TIMEOUT_MS: '500',
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        void (async () => {
          const delivery: Delivery = { headers: request.headers, body };
          deliveries.push(delivery);
          if (followLink) {
            // The link works while the delivery is still being made.
            const url = envelopeSchema.parse(JSON.parse(body)).results_download_url;
            const download = await fetch(url);
            delivery.download = { status: download.status, text: await download.text() };
          }
          const plan = plans.shift() ?? { status: 204 };
          if (plan === 'hang') return;
          response.writeHead(plan.status, { 'content-type': 'text/plain' }).end(plan.body ?? '');
        })();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    base = `127.0.0.1:${portOf(receiver)}`;
  });
  afterAll(async () => {
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
    await t.close();
  });
  beforeEach(() => {
    deliveries.length = 0;
    plans = [];
    followLink = false;
  });

  const sandboxOrigin = () => `http://127.0.0.1:${portOf(t.app.server)}`;
  const workflowTo = (url: string) =>
    createWorkflow(
      t,
      linearWorkflow([{ block_id: 'deliver', block_name: 'outgoing_webhook', specs: { url } }]),
    );
  const live = async (jobId: string) =>
    liveSchema.parse(json(await t.call({ url: `/workflows/runs/${jobId}/live_status` })));
  const reasonOf = async (jobId: string) =>
    runListSchema
      .parse(json(await t.call({ url: '/workflows/runs?limit=500' })))
      .find((run) => run.job_id === jobId)?.status_reason ?? '';

  it('posts the documented envelope with its headers, signed, and a link that already works', async () => {
    followLink = true;
    const workflowId = await workflowTo(`http://${base}/hook`);
    const rows = rowsOf(2);
    const jobId = await startRun(t, workflowId, { webhook_payload: rows });
    expect(await waitForTerminal(t, jobId)).toBe('completed');
    expect(deliveries).toHaveLength(1);
    const [delivery] = deliveries;
    const envelope = envelopeSchema.parse(JSON.parse(delivery?.body ?? ''));
    const status = await live(jobId);
    const block = status.blocks.find((candidate) => candidate.block_name === 'outgoing_webhook');
    expect(envelope).toEqual({
      event_id: expect.stringMatching(UUID) as unknown,
      event_type: 'outgoing_webhook.completed',
      run_id: jobId,
      workflow_id: workflowId,
      block_id: block?.block_id,
      results: rows,
      row_count: 2,
      results_download_url: expect.stringContaining(`/inlet/downloads/${jobId}/`) as unknown,
      sent_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
    });
    expect(delivery?.download?.status).toBe(200);
    expect(delivery?.download?.text).toContain('Company 1');
    expect(delivery?.headers['content-type']).toBe('application/json');
    expect(delivery?.headers['sixtyfour-event-id']).toBe(envelope.event_id);
    expect(delivery?.headers['sixtyfour-event-type']).toBe('outgoing_webhook.completed');
    expect(delivery?.headers['sixtyfour-delivery-attempt']).toBe('1');
    const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(
      String(delivery?.headers['sixtyfour-signature']),
    );
    expect(match).not.toBeNull();
    const expected = createHmac('sha256', SECRET)
      .update(`${match?.[1] ?? ''}.${delivery?.body ?? ''}`)
      .digest('hex');
    expect(match?.[2]).toBe(expected);
    expect(block).toMatchObject({ status: 'completed', metrics: { row_count: 2 } });
  });

  it('retries non-2xx answers and timeouts with the same event id and body, counting attempts', async () => {
    plans = [{ status: 500 }, 'hang', { status: 302 }, { status: 200 }];
    const workflowId = await workflowTo(`http://${base}/hook`);
    const jobId = await startRun(t, workflowId, { webhook_payload: rowsOf(3) });
    expect(await waitForTerminal(t, jobId)).toBe('completed');
    expect(deliveries).toHaveLength(4);
    expect(deliveries.map((delivery) => delivery.headers['sixtyfour-delivery-attempt'])).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
    const ids = new Set(deliveries.map((delivery) => delivery.headers['sixtyfour-event-id']));
    expect(ids.size).toBe(1);
    expect(new Set(deliveries.map((delivery) => delivery.body)).size).toBe(1);
    expect(envelopeSchema.parse(JSON.parse(deliveries[0]?.body ?? '')).event_id).toBe([...ids][0]);
  });

  it('fails the block after 5 retries with the last answer, and keeps the run results downloadable', async () => {
    plans = Array.from({ length: 6 }, () => ({
      status: 503,
      body: 'receiver is down for maintenance',
    }));
    const workflowId = await workflowTo(`http://${base}/down`);
    const jobId = await startRun(t, workflowId, { webhook_payload: rowsOf(4) });
    expect(await waitForTerminal(t, jobId)).toBe('failed');
    expect(deliveries).toHaveLength(6);
    const status = await live(jobId);
    const block = status.blocks.find((candidate) => candidate.block_name === 'outgoing_webhook');
    expect(block?.status).toBe('failed');
    expect(block?.error_message).toContain('after 6 attempts');
    expect(block?.error_message).toContain('answered 503: receiver is down for maintenance');
    expect(status.blocks.filter((candidate) => candidate.status === 'completed')).toHaveLength(1);
    const reason = await reasonOf(jobId);
    expect(reason).toContain('answered 503');
    expect(reason).toContain('results are kept');
    const links = await t.call({
      url: `/workflows/runs/${jobId}/results/download-links`,
      contract: '/workflows/runs/{run_id}/results/download-links',
    });
    expect(links.statusCode, links.body).toBe(200);
    const [link] = linksSchema.parse(json(links));
    expect(link?.row_count).toBe(4);
    // Asked through inject, the link names inject's host; the path is served by the real server.
    const { pathname, search } = new URL(link?.download_url ?? '');
    const download = await fetch(`${sandboxOrigin()}${pathname}${search}`);
    expect(download.status).toBe(200);
    expect((await download.text()).trim().split('\r\n')).toHaveLength(5);
    // A format the run did not save is a 404 that says how to get it, not "no results".
    const ndjson = await t.call({
      url: `/workflows/runs/${jobId}/results/download-links?format=ndjson`,
    });
    expect(ndjson.statusCode).toBe(404);
    expect(ndjson.body).toContain('result_formats=ndjson');
  });

  it('never writes the query of a URL (it may hold a token) into a status or error', async () => {
    plans = Array.from({ length: 6 }, () => ({ status: 401, body: 'no' }));
    const workflowId = await workflowTo(`http://${base}/private?token=abc123`);
    const jobId = await startRun(t, workflowId, { webhook_payload: rowsOf(1) });
    expect(await waitForTerminal(t, jobId)).toBe('failed');
    expect(deliveries).toHaveLength(6);
    const visible = JSON.stringify([await live(jobId), await reasonOf(jobId)]);
    expect(visible).toContain(`http://${base}/private`);
    expect(visible).not.toContain('abc123');
  });

  it('refuses a URL with credentials at save, saying what to do instead', async () => {
    const saved = await t.call({
      method: 'POST',
      url: '/workflows/create_workflow',
      payload: {
        workflow_name: 'with credentials',
        workflow_definition: linearWorkflow([
          {
            block_id: 'deliver',
            block_name: 'outgoing_webhook',
            specs: { url: `http://hook-user:s3cr3t-pass@${base}/private` },
          },
        ]),
      },
    });
    expect(saved.statusCode).toBe(422);
    expect(saved.body).not.toContain('s3cr3t-pass');
    expect(deliveries).toHaveLength(0);
  });

  it('leaves results out of the body over 1,000 rows; the link has them all', async () => {
    const workflowId = await workflowTo(`http://${base}/hook`);
    const jobId = await startRun(t, workflowId, { webhook_payload: rowsOf(1_001) });
    expect(await waitForTerminal(t, jobId)).toBe('completed');
    const envelope = envelopeSchema.parse(JSON.parse(deliveries[0]?.body ?? ''));
    expect(envelope.results).toBeNull();
    expect(envelope.row_count).toBe(1_001);
    const download = await fetch(envelope.results_download_url);
    expect((await download.text()).trim().split('\r\n')).toHaveLength(1_002);
    // The link is signed: changed, it is refused.
    const forged = await fetch(
      envelope.results_download_url.replace(/signature=[^&]+/, 'signature=x'),
    );
    expect(forged.status).toBe(403);
  });

  it('refuses a non-loopback host without trying it: the block fails, the results stay', async () => {
    const workflowId = await workflowTo('https://example.com/hook');
    const jobId = await startRun(t, workflowId, { webhook_payload: rowsOf(1) });
    expect(await waitForTerminal(t, jobId)).toBe('failed');
    expect(await reasonOf(jobId)).toContain('INLET_OUTGOING_ALLOW_HOSTS');
    const links = await t.call({ url: `/workflows/runs/${jobId}/results/download-links` });
    expect(links.statusCode).toBe(200);
  });
});
