import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createWorkflow,
  DOCUMENTED_PAYLOAD,
  linearWorkflow,
  startRun,
  waitForTerminal,
} from '../test-support/fixtures.ts';
import { json, startTestApp, type TestApp } from '../test-support/test-app.ts';

/*
 * Issue 11, "The API, as FastAPI answers": workflows under any string id (Sixtyfour's demo
 * slugs), 409 on an existing id, update_workflow as an upsert and a partial update, and no
 * workflow without blocks.
 */

const jsonHeaders = { 'content-type': 'application/json' };
const workflowSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  workflow_definition: z
    .object({ blocks: z.array(z.object({ block_id: z.string(), block_name: z.string() })) })
    .nullish(),
});
const locsOf = (body: unknown): unknown[] =>
  z
    .object({ detail: z.array(z.object({ loc: z.array(z.unknown()) })) })
    .parse(body)
    .detail.map((error) => error.loc);

describe('workflow ids and updates', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const create = (body: unknown) =>
    t.call({
      method: 'POST',
      url: '/workflows/create_workflow',
      payload: JSON.stringify(body),
      headers: jsonHeaders,
      contract: '/workflows/create_workflow',
    });
  const update = (id: string, body: unknown) =>
    t.call({
      method: 'POST',
      url: `/workflows/update_workflow?workflow_id=${encodeURIComponent(id)}`,
      payload: JSON.stringify(body),
      headers: jsonHeaders,
      contract: '/workflows/update_workflow',
    });
  const get = (id: string) =>
    t.call({ url: `/workflows/${encodeURIComponent(id)}`, contract: '/workflows/{workflow_id}' });

  it('creates a workflow under a slug id, gets it, runs it and lists its runs', async () => {
    const created = await create({ ...linearWorkflow(), id: 'demo-icp-qualifier' });
    expect(created.statusCode, created.body).toBe(200);
    expect(workflowSchema.parse(json(created)).id).toBe('demo-icp-qualifier');
    expect(workflowSchema.parse(json(await get('demo-icp-qualifier'))).id).toBe(
      'demo-icp-qualifier',
    );
    // Slugs are kept exactly: another case is another id.
    expect((await get('Demo-ICP-Qualifier')).statusCode).toBe(404);
    const jobId = await startRun(t, 'demo-icp-qualifier', { webhook_payload: DOCUMENTED_PAYLOAD });
    expect(await waitForTerminal(t, jobId)).toBe('completed');
    const runs = await t.call({
      url: '/workflows/runs?workflow_id=demo-icp-qualifier',
      contract: '/workflows/runs',
    });
    expect(z.array(z.object({ job_id: z.string() })).parse(json(runs))[0]?.job_id).toBe(jobId);
  });

  it('answers 409 when the id exists, slug or UUID (in any case), and keeps the first', async () => {
    const first = await create({ ...linearWorkflow(), id: 'demo-twice', workflow_name: 'First' });
    expect(first.statusCode).toBe(200);
    const second = await create({ ...linearWorkflow(), id: 'demo-twice', workflow_name: 'Second' });
    expect(second.statusCode).toBe(409);
    expect(json(second)).toEqual({ detail: expect.stringContaining('update_workflow') as unknown });
    expect(workflowSchema.parse(json(await get('demo-twice'))).name).toBe('First');
    const uuid = '6c1b8f0e-2d4a-4b7e-9f3c-1a2b3c4d5e6f';
    expect((await create({ ...linearWorkflow(), id: uuid })).statusCode).toBe(200);
    expect((await create({ ...linearWorkflow(), id: uuid.toUpperCase() })).statusCode).toBe(409);
  });

  it('refuses ids it cannot keep with a 422 that says what to change', async () => {
    for (const [id, says] of [
      ['', 'empty'],
      ['x'.repeat(201), '200'],
      [' padded', 'space'],
      ['tab\there', 'control'],
      ['bidi\u202eevil', 'bidi'],
      ['blocks', 'fixed route'],
    ] as const) {
      const response = await create({ ...linearWorkflow(), id });
      expect(response.statusCode, JSON.stringify(id)).toBe(422);
      expect(locsOf(json(response))).toEqual([['body', 'id']]);
      expect(response.body).toContain(says);
    }
    const query = await update('x'.repeat(201), linearWorkflow());
    expect(query.statusCode).toBe(422);
    expect(locsOf(json(query))).toEqual([['query', 'workflow_id']]);
  });

  it('refuses a workflow with no blocks with 422, at create and update', async () => {
    const empty = { ...linearWorkflow(), workflow_definition: { blocks: [], edges: [] } };
    const created = await create(empty);
    expect(created.statusCode).toBe(422);
    expect(locsOf(json(created))).toEqual([['body', 'workflow_definition', 'blocks']]);
    const id = await createWorkflow(t);
    const updated = await update(id, { workflow_definition: { blocks: [], edges: [] } });
    expect(updated.statusCode).toBe(422);
    expect(workflowSchema.parse(json(await get(id))).workflow_definition?.blocks).toHaveLength(1);
  });

  it('updates partially: a new name alone keeps the definition and description', async () => {
    const id = await createWorkflow(
      t,
      linearWorkflow([
        { block_id: 'trim', block_name: 'remove_columns', specs: { columns: ['industry'] } },
      ]),
    );
    const before = workflowSchema.parse(json(await get(id)));
    const renamed = await update(id, { workflow_name: 'New' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const after = workflowSchema.parse(json(await get(id)));
    expect(after.name).toBe('New');
    expect(after.description).toBe(before.description);
    expect(after.workflow_definition).toEqual(before.workflow_definition);
    // null is "not sent", as FastAPI's Optional fields read it.
    const nulls = await update(id, { workflow_name: null, workflow_definition: null });
    expect(nulls.statusCode).toBe(200);
    expect(workflowSchema.parse(json(await get(id)))).toEqual(after);
  });

  it('upserts: update_workflow creates a slug-id workflow it does not know', async () => {
    const upserted = await update('demo-upserted', linearWorkflow());
    expect(upserted.statusCode, upserted.body).toBe(200);
    expect(workflowSchema.parse(json(await get('demo-upserted'))).name).toBe('Test workflow');
    // Without a definition there is nothing to create: 404 that says what to send.
    const nothing = await update('demo-never-made', { workflow_name: 'Only a name' });
    expect(nothing.statusCode).toBe(404);
    expect(nothing.body).toContain('workflow_definition');
    const deleted = await t.call({
      method: 'POST',
      url: '/workflows/delete_workflow?workflow_id=demo-upserted',
      contract: '/workflows/delete_workflow',
    });
    expect(deleted.statusCode).toBe(200);
    expect((await get('demo-upserted')).statusCode).toBe(404);
  });
});
