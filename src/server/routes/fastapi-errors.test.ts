import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkflow, DOCUMENTED_PAYLOAD, linearWorkflow } from '../test-support/fixtures.ts';
import { expectContract } from '../test-support/openapi-contract.ts';
import { json, startTestApp, TEST_KEY, type TestApp } from '../test-support/test-app.ts';

/*
 * Issue 11, "The API, as FastAPI answers": the body-shape 422s and Content-Type rules of
 * POST /workflows/run, answered the same whether the run intake reads the body on its worker
 * thread (INLET_RUN_INTAKE_THREAD=1) or on the event loop (=0).
 */

type Case = { name: string; body: string; type?: string; status: number; loc?: unknown[][] };

const CASES: Case[] = [
  {
    name: 'a string',
    body: '{"webhook_payload":"a string"}',
    status: 422,
    loc: [['body', 'webhook_payload']],
  },
  {
    name: 'a number',
    body: '{"webhook_payload":42}',
    status: 422,
    loc: [['body', 'webhook_payload']],
  },
  {
    name: '[1, 2]',
    body: '{"webhook_payload":[1, 2]}',
    status: 422,
    loc: [
      ['body', 'webhook_payload', 0],
      ['body', 'webhook_payload', 1],
    ],
  },
  {
    name: 'a row then null',
    body: '{"webhook_payload":[{"company_name":"A"},null]}',
    status: 422,
    loc: [['body', 'webhook_payload', 1]],
  },
  {
    name: 'text/plain',
    body: JSON.stringify({ webhook_payload: DOCUMENTED_PAYLOAD }),
    type: 'text/plain',
    status: 422,
    loc: [['body']],
  },
  {
    name: 'form-encoded',
    body: 'webhook_payload=x',
    type: 'application/x-www-form-urlencoded',
    status: 422,
    loc: [['body']],
  },
  { name: 'malformed JSON', body: '{"webhook_payload":[', status: 422 },
  { name: 'a body that is an array', body: '[{"company_name":"A"}]', status: 422, loc: [['body']] },
  {
    name: 'specs_override a string',
    body: '{"specs_override":"x","webhook_payload":{"company_name":"A"}}',
    status: 422,
    loc: [['body', 'specs_override']],
  },
  { name: 'an empty array (400)', body: '{"webhook_payload":[]}', status: 400 },
  {
    name: 'a missing required column (400)',
    body: '{"webhook_payload":[{"website":"a.com"}]}',
    status: 400,
  },
  {
    name: 'no Content-Type, read as JSON',
    body: JSON.stringify({ webhook_payload: DOCUMENTED_PAYLOAD }),
    type: '',
    status: 200,
  },
  {
    name: '+json',
    body: JSON.stringify({ webhook_payload: DOCUMENTED_PAYLOAD }),
    type: 'application/merge-patch+json',
    status: 200,
  },
];

describe('FastAPI-shaped errors of POST /workflows/run, with and without the intake thread', () => {
  const apps: { mode: string; t: TestApp; workflowId: string }[] = [];
  beforeAll(async () => {
    for (const mode of ['0', '1']) {
      const t = await startTestApp({ INLET_RUN_INTAKE_THREAD: mode });
      expect(await t.app.sandbox.intake.ready).toBe(mode === '1' ? 'thread' : 'inline');
      // The same id in both apps, so the answers can be compared whole.
      const workflowId = await createWorkflow(t, {
        ...linearWorkflow(),
        id: 'demo-fastapi-errors',
      });
      apps.push({ mode, t, workflowId });
    }
  });
  afterAll(async () => {
    for (const { t } of apps) await t.close();
  });

  it.each(CASES)('$name → $status, the same in both modes', async (item) => {
    const answers = [];
    for (const { mode, t, workflowId } of apps) {
      const headers: Record<string, string> = { 'x-api-key': TEST_KEY };
      if (item.type !== '') headers['content-type'] = item.type ?? 'application/json';
      const response = await t.app.inject({
        method: 'POST',
        url: `/workflows/run?workflow_id=${workflowId}`,
        payload: item.body,
        headers,
      });
      expect(response.statusCode, `${mode}: ${response.body}`).toBe(item.status);
      expectContract(response, 'POST', '/workflows/run');
      const body = json(response);
      if (item.loc) {
        expect(body).toMatchObject({ detail: item.loc.map((loc) => ({ loc })) });
        expect((body as { detail: unknown[] }).detail).toHaveLength(item.loc.length); // Shape checked just above.
      }
      answers.push(item.status === 200 ? null : body);
    }
    expect(answers[0]).toEqual(answers[1]);
  });
});
