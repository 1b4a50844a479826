import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeImpactResponseSchema } from '@core/wire/change-impact.ts';
import { after, before, postImpact, postRun } from '../test-support/change-impact-fixtures.ts';
import { createWorkflow, linearWorkflow } from '../test-support/fixtures.ts';
import { json, startTestApp, type TestApp } from '../test-support/test-app.ts';

/*
 * Issue 15, "Changes checked against evidence": the recorded requests of a workflow judged
 * against the spec before and after a change, through the real app, inbox and judge.
 */

describe('POST /inlet/inbox/impact', () => {
  let t: TestApp;
  let workflowId: string;
  const send = (body: string) => postRun(t.call, workflowId, body);
  const impact = (payload: unknown) => postImpact(t.call, payload);

  beforeAll(async () => {
    t = await startTestApp();
    workflowId = await createWorkflow(t, linearWorkflow([], before));
    const sent = [
      { webhook_payload: [{ company_name: 'Acme', website: 'acme.com' }] },
      { webhook_payload: [{ company_name: 'Beta' }] },
      { webhook_payload: [{ company_name: 'Gamma', website: 'g.io' }, { company_name: 'Delta' }] },
      { webhook_payload: [{ website: 'nameless.example' }] },
    ];
    for (const body of sent) await send(JSON.stringify(body));
    await send('{"webhook_payload": [');
  });
  afterAll(() => t.close());

  it('lists exactly the recorded requests that lack the newly required column', async () => {
    const response = await impact({ workflow_id: workflowId, before, after });
    expect(response.statusCode, response.body).toBe(200);
    const answer = changeImpactResponseSchema.parse(json(response));
    const refused = answer.items.filter((item) => item.change === 'newly_refused');
    expect(refused).toHaveLength(2);
    for (const item of refused) {
      expect(item.label).toMatch(/^Request \d+ \(answered 200\)$/);
      expect(item.before.verdict).toBe('accepted');
      expect(item.after.verdict).toBe('rejected');
      expect(item.message).toContain('website');
    }
    // Acme already had a website; the nameless request was refused before and still is.
    expect(answer.counts).toMatchObject({ newly_refused: 2, unchanged: 2, newly_accepted: 0 });
    // The malformed request has no webhook_payload to judge.
    expect(answer.skipped).toBe(1);
  });

  it('judges the samples sent with it, and says when a change accepts more', async () => {
    const response = await impact({
      workflow_id: workflowId,
      before: after,
      after: before,
      samples: [{ label: 'Draft sample', text: '[{"company_name": "Beta"}]' }],
    });
    const answer = changeImpactResponseSchema.parse(json(response));
    expect(answer.counts.newly_accepted).toBe(3);
    expect(answer.items.find((item) => item.id === null)).toMatchObject({
      label: 'Draft sample',
      change: 'newly_accepted',
    });
  });

  it('refuses a spec the sandbox would refuse, naming the side', async () => {
    const response = await impact({
      workflow_id: workflowId,
      before,
      after: { input_schema: { website: { type: 'colour' } } },
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('"after"');
  });
});
