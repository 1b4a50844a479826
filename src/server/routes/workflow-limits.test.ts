import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { WORKFLOW_DESCRIPTION_MAX_LENGTH, WORKFLOW_NAME_MAX_LENGTH } from '@core/limits.ts';
import {
  createWorkflow,
  linearWorkflow,
  startRun,
  waitForTerminal,
} from '../test-support/fixtures.ts';
import { containing } from '../test-support/matchers.ts';
import { json, startTestApp, type TestApp } from '../test-support/test-app.ts';

describe('bounded workflow names and descriptions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const post = (url: string, body: unknown) =>
    t.call({
      method: 'POST',
      url,
      payload: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });

  it('answers 422 naming the field for a name or description over the limit', async () => {
    const long = { ...linearWorkflow(), workflow_name: 'n'.repeat(WORKFLOW_NAME_MAX_LENGTH + 1) };
    const name = await post('/workflows/create_workflow', long);
    expect(name.statusCode).toBe(422);
    expect(json(name)).toMatchObject({
      detail: [{ loc: ['body', 'workflow_name'], msg: containing(`${WORKFLOW_NAME_MAX_LENGTH}`) }],
    });
    const wordy = {
      ...linearWorkflow(),
      workflow_description: 'd'.repeat(WORKFLOW_DESCRIPTION_MAX_LENGTH + 1),
    };
    const description = await post('/workflows/create_workflow', wordy);
    expect(description.statusCode).toBe(422);
    expect(json(description)).toMatchObject({
      detail: [{ loc: ['body', 'workflow_description'] }],
    });
    const fits = { ...linearWorkflow(), workflow_name: 'n'.repeat(WORKFLOW_NAME_MAX_LENGTH) };
    const id = await createWorkflow(t, fits);
    const update = await post(`/workflows/update_workflow?workflow_id=${id}`, {
      workflow_name: 'n'.repeat(WORKFLOW_NAME_MAX_LENGTH + 1),
    });
    expect(update.statusCode).toBe(422);
  });

  it('copies at most the limit of a name stored before the limit into each run', async () => {
    const id = await createWorkflow(t);
    t.app.sandbox.db
      .prepare('UPDATE workflows SET name = ? WHERE id = ?')
      .run('x'.repeat(100_000), id);
    const jobId = await startRun(t, id);
    await waitForTerminal(t, jobId);
    const runs = z
      .array(z.object({ job_id: z.string(), workflow_name: z.string() }))
      .parse(json(await t.call({ url: '/workflows/runs?limit=500' })));
    const run = runs.find((item) => item.job_id === jobId);
    expect(run?.workflow_name.length).toBe(WORKFLOW_NAME_MAX_LENGTH);
  });
});
