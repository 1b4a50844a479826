import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { companyWebhookBlock, createWorkflow, linearWorkflow } from '../test-support/fixtures.ts';
import { json, startTestApp, type TestApp } from '../test-support/test-app.ts';

const jsonHeaders = { 'content-type': 'application/json' };
const workflowSchema = z.object({
  id: z.string(),
  name: z.string(),
  workflow_definition: z
    .object({
      blocks: z.array(
        z.object({
          block_id: z.string(),
          block_name: z.string(),
          specs: z.record(z.string(), z.unknown()),
        }),
      ),
      edges: z.array(z.object({ from_block_id: z.string(), to_block_id: z.string() })),
    })
    .nullish(),
});

describe('workflow endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('creates, lists, gets, updates (upsert) and deletes a workflow', async () => {
    const id = await createWorkflow(
      t,
      linearWorkflow([{ block_id: 'e1', block_name: 'company_enrichment' }]),
    );
    const list = await t.call({ url: '/workflows', contract: '/workflows' });
    const listed = z.array(workflowSchema).parse(json(list));
    expect(listed.find((workflow) => workflow.id === id)?.workflow_definition).toBeUndefined();

    const one = await t.call({ url: `/workflows/${id}`, contract: '/workflows/{workflow_id}' });
    const workflow = workflowSchema.parse(json(one));
    const blocks = workflow.workflow_definition?.blocks ?? [];
    expect(blocks.map((block) => block.block_name)).toEqual(['webhook', 'company_enrichment']);
    // Non-UUID block ids are normalized to UUIDs, edges with them.
    expect(workflow.workflow_definition?.edges).toEqual([
      { from_block_id: blocks[0]?.block_id, to_block_id: blocks[1]?.block_id },
    ]);
    expect(blocks[0]?.block_id).toMatch(/^[0-9a-f-]{36}$/);

    const renamed = await t.call({
      method: 'POST',
      url: `/workflows/update_workflow?workflow_id=${id}`,
      payload: JSON.stringify({ workflow_name: 'Renamed' }),
      headers: jsonHeaders,
      contract: '/workflows/update_workflow',
    });
    expect(workflowSchema.parse(json(renamed)).name).toBe('Renamed');

    const newId = '3f0e5a52-6a57-4c38-9d1e-8f1e2b9a7c11';
    const upserted = await t.call({
      method: 'POST',
      url: `/workflows/update_workflow?workflow_id=${newId}`,
      payload: JSON.stringify(linearWorkflow()),
      headers: jsonHeaders,
      contract: '/workflows/update_workflow',
    });
    expect(upserted.statusCode).toBe(200);
    expect(workflowSchema.parse(json(upserted)).id).toBe(newId);

    const deleted = await t.call({
      method: 'POST',
      url: `/workflows/delete_workflow?workflow_id=${id}`,
      contract: '/workflows/delete_workflow',
    });
    expect(deleted.statusCode).toBe(200);
    const gone = await t.call({ url: `/workflows/${id}`, contract: '/workflows/{workflow_id}' });
    expect(gone.statusCode).toBe(404);
    const again = await t.call({
      method: 'POST',
      url: `/workflows/delete_workflow?workflow_id=${id}`,
    });
    expect(again.statusCode).toBe(404);
  });

  it('keeps a __proto__ column of the webhook spec exactly', async () => {
    const definition = linearWorkflow();
    const text = JSON.stringify(definition).replace(
      '"website":"string"',
      '"__proto__":"string","website":"string"',
    );
    const created = await t.call({
      method: 'POST',
      url: '/workflows/create_workflow',
      payload: text,
      headers: jsonHeaders,
      contract: '/workflows/create_workflow',
    });
    expect(created.statusCode).toBe(200);
    expect(created.body).toContain('"__proto__":"string"');
  });

  it('refuses a graph that feeds a block the wrong row type with 422', async () => {
    const response = await t.call({
      method: 'POST',
      url: '/workflows/create_workflow',
      payload: JSON.stringify(linearWorkflow([{ block_id: 'f', block_name: 'find_email' }])),
      headers: jsonHeaders,
      contract: '/workflows/create_workflow',
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('takes LEAD rows');
    const converted = await t.call({
      method: 'POST',
      url: '/workflows/create_workflow',
      payload: JSON.stringify(
        linearWorkflow([
          { block_id: 'c2l', block_name: 'company_to_leads' },
          { block_id: 'f', block_name: 'find_email' },
        ]),
      ),
      headers: jsonHeaders,
    });
    expect(converted.statusCode).toBe(200);
  });

  it.each([
    [
      'an invalid webhook spec',
      {
        ...linearWorkflow(),
        workflow_definition: {
          blocks: [companyWebhookBlock({ dataframe_type: 'PERSON' })],
          edges: [],
        },
      },
    ],
    ['an unknown block', linearWorkflow([{ block_id: 'x', block_name: 'teleport' }])],
    [
      'an edge to nowhere',
      {
        ...linearWorkflow(),
        workflow_definition: {
          blocks: [companyWebhookBlock()],
          edges: [{ from_block_id: 'webhook_1', to_block_id: 'nope' }],
        },
      },
    ],
    [
      'a filter without an operator',
      linearWorkflow([{ block_id: 'f', block_name: 'filter', specs: { column: 'x' } }]),
    ],
    [
      'a missing workflow_name',
      { workflow_description: '', workflow_definition: { blocks: [], edges: [] } },
    ],
  ])('refuses %s with 422', async (_name, body) => {
    const response = await t.call({
      method: 'POST',
      url: '/workflows/create_workflow',
      payload: JSON.stringify(body),
      headers: jsonHeaders,
      contract: '/workflows/create_workflow',
    });
    expect(response.statusCode).toBe(422);
  });

  it('answers 404 for an unknown workflow id, slug or UUID', async () => {
    const slug = await t.call({
      url: '/workflows/wf_abc123',
      contract: '/workflows/{workflow_id}',
    });
    expect(slug.statusCode).toBe(404);
    const unknown = await t.call({
      url: '/workflows/00000000-0000-4000-8000-000000000000',
      contract: '/workflows/{workflow_id}',
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('describes every block with a JSON Schema made from its zod schema', async () => {
    const response = await t.call({ url: '/workflows/blocks', contract: '/workflows/blocks' });
    const blocks = z
      .array(z.object({ block_name: z.string(), specs_schema: z.record(z.string(), z.unknown()) }))
      .parse(json(response));
    const names = blocks.map((block) => block.block_name);
    expect(names).toEqual(
      expect.arrayContaining([
        'webhook',
        'filter',
        'deduplicate',
        'remove_columns',
        'outgoing_webhook',
        'find_email',
      ]),
    );
    const filter = blocks.find((block) => block.block_name === 'filter')?.specs_schema;
    expect(JSON.stringify(filter)).toContain('is_not_empty');
    const webhook = blocks.find((block) => block.block_name === 'webhook')?.specs_schema;
    // Sixtyfour's own examples send `specs: {}` (contract, "Revision of 2026-12-02").
    expect(webhook).not.toHaveProperty('required');
  });
});
