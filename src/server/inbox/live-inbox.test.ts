import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeImpactResponseSchema } from '@core/wire/change-impact.ts';
import { inboxEntrySchema, inboxListResponseSchema } from '@core/wire/inbox.ts';
import { MASKED_HEADER_VALUE } from '@core/wire/receiver.ts';
import {
  after,
  before,
  type Inject,
  jsonHeaders,
  postImpact,
  postRun,
} from '../test-support/change-impact-fixtures.ts';
import { linearWorkflow } from '../test-support/fixtures.ts';
import { json, startTestApp, TEST_KEY, type TestApp } from '../test-support/test-app.ts';
import { pageCookie, startUiApp } from '../test-support/ui-app.ts';
import { portOf } from '../test-support/port-of.ts';

/*
 * Issue 15, "Changes checked against evidence", for the live target: run requests sent to
 * Sixtyfour through Inlet's proxy are recorded in the inbox as target live (the upstream's
 * answer, no key), and the impact route judges the entries of the target asked for. A second
 * Inlet server, with a key of its own, speaks the contract as the upstream.
 */

const UPSTREAM_KEY = 'sk_upstream_5e1d9c3b7a2f4680';
const WORKFLOW_ID = 'live-impact-workflow';

describe('run requests through the proxy in the inbox', () => {
  let upstream: TestApp;
  let proxy: { app: FastifyInstance; close: () => Promise<void> };
  let cookie: string;
  /** The proxy server's own routes, with its sandbox key (as a script would call them). */
  const local = (options: InjectOptions) =>
    proxy.app.inject({ ...options, headers: { 'x-api-key': TEST_KEY, ...options.headers } });
  /** The proxy server's routes with no key but the caller's own (a cookie, or a typed key). */
  const unkeyed: Inject = (options) => proxy.app.inject(options);
  const liveRun = (payload: unknown, headers: Record<string, string>, id = WORKFLOW_ID) =>
    postRun(unkeyed, id, JSON.stringify({ webhook_payload: payload }), {
      base: '/inlet/sixtyfour',
      headers,
    });
  const listed = async (query: string) => {
    const response = await local({ url: `/inlet/inbox${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return inboxListResponseSchema.parse(json(response)).entries;
  };
  const impact = async (payload: Record<string, unknown>) => {
    const response = await postImpact(local, {
      workflow_id: WORKFLOW_ID,
      before,
      after,
      ...payload,
    });
    expect(response.statusCode, response.body).toBe(200);
    return changeImpactResponseSchema.parse(json(response));
  };

  beforeAll(async () => {
    upstream = await startTestApp({ INLET_API_KEY: UPSTREAM_KEY });
    await upstream.app.listen({ host: '127.0.0.1', port: 0 });
    proxy = await startUiApp({
      SIXTYFOUR_API_BASE: `http://127.0.0.1:${portOf(upstream.app.server)}`,
      SIXTYFOUR_API_KEY: UPSTREAM_KEY,
    });
    ({ cookie } = await pageCookie(proxy.app));
    // The same workflow on Sixtyfour and in the local sandbox, so only the target tells them apart.
    const stored = await upstream.app.inject({
      method: 'POST',
      url: '/workflows/create_workflow',
      payload: JSON.stringify({ ...linearWorkflow([], before), id: WORKFLOW_ID }),
      headers: { ...jsonHeaders, 'x-api-key': UPSTREAM_KEY },
    });
    expect(stored.statusCode, stored.body).toBe(200);
    const created = await local({
      method: 'POST',
      url: '/workflows/create_workflow',
      payload: JSON.stringify({ ...linearWorkflow([], before), id: WORKFLOW_ID }),
      headers: jsonHeaders,
    });
    expect(created.statusCode, created.body).toBe(200);
  });
  afterAll(async () => {
    await proxy.close();
    await upstream.close();
  });

  it('records each proxied run request as target live, with the answer and no key', async () => {
    // The UI's call (the server lends its key), and a client's with the key it typed.
    const fromUi = await liveRun([{ company_name: 'Beta' }], { cookie });
    expect(fromUi.statusCode, fromUi.body).toBe(200);
    const typed = await liveRun(
      [{ company_name: 'Acme', website: 'acme.com', note: UPSTREAM_KEY }],
      {
        'x-api-key': UPSTREAM_KEY,
      },
    );
    expect(typed.statusCode, typed.body).toBe(200);
    const unknown = await liveRun([{ company_name: 'Nowhere' }], { cookie }, 'no-such-workflow');
    expect(unknown.statusCode).toBe(404);
    const sandboxRun = await postRun(
      local,
      WORKFLOW_ID,
      JSON.stringify({ webhook_payload: [{ company_name: 'Sandboxed' }] }),
    );
    expect(sandboxRun.statusCode, sandboxRun.body).toBe(200);

    const live = await listed('?target=live');
    expect(live.map((entry) => [entry.target, entry.status_code, entry.workflow_id])).toEqual([
      ['live', 404, 'no-such-workflow'],
      ['live', 200, WORKFLOW_ID],
      ['live', 200, WORKFLOW_ID],
    ]);
    expect(live[0]?.causes).toEqual(['unknown_workflow']);
    // The sandbox's workflow of the same id is not the one these were sent to: no name.
    expect(live.map((entry) => entry.workflow_name)).toEqual([null, null, null]);
    // Without a target the list stays the sandbox's, as it was before live requests were kept.
    const sandbox = await listed('');
    expect(sandbox.map((entry) => [entry.target, entry.url])).toEqual([
      ['sandbox', `/workflows/run?workflow_id=${WORKFLOW_ID}`],
    ]);
    expect(sandbox[0]?.workflow_name).toBe('Test workflow');

    const jobIds = JSON.stringify([json(typed), json(fromUi)]);
    for (const summary of live.slice(1)) {
      const response = await local({ url: `/inlet/inbox/${summary.id}` });
      const entry = inboxEntrySchema.parse(json(response));
      expect(entry.url).toBe(`/inlet/sixtyfour/workflows/run?workflow_id=${WORKFLOW_ID}`);
      expect(entry.outcome).toBe('accepted');
      expect(entry.job_id).not.toBeNull();
      expect(jobIds).toContain(entry.job_id);
      expect(entry.answer).toContain('"queued"');
      expect(entry.body).toContain('webhook_payload');
      for (const header of entry.headers.filter((h) => ['x-api-key', 'cookie'].includes(h.name)))
        expect(header.value).toBe(MASKED_HEADER_VALUE);
      expect(response.body).not.toContain(UPSTREAM_KEY);
      expect(response.body).not.toContain(TEST_KEY);
    }
  });

  it('judges only the live entries when asked for target live, the sandbox ones by default', async () => {
    const live = await listed(`?target=live&workflow_id=${WORKFLOW_ID}`);
    const beta = live.at(-1);
    const liveImpact = await impact({ target: 'live' });
    expect(liveImpact.items.map((item) => [item.id, item.change])).toEqual([
      [beta?.id, 'newly_refused'],
    ]);
    expect(liveImpact.counts).toMatchObject({ newly_refused: 1, unchanged: 1 });
    expect(liveImpact.skipped).toBe(0);

    const [sandboxEntry] = await listed(`?workflow_id=${WORKFLOW_ID}`);
    const sandboxImpact = await impact({});
    expect(sandboxImpact.items.map((item) => [item.id, item.change])).toEqual([
      [sandboxEntry?.id, 'newly_refused'],
    ]);
    expect(sandboxImpact.counts).toMatchObject({ newly_refused: 1, unchanged: 0 });
  });
});
