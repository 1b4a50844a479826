import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { workflowGraphSchema } from '@core/wire/workflow.ts';
import { createIdempotencyStore } from '../store/idempotency-store.ts';
import { openDatabase } from '../store/open-database.ts';
import { createWorkflowStore } from '../store/workflow-store.ts';
import { DOCUMENTED_PAYLOAD, linearWorkflow } from '../test-support/fixtures.ts';
import { prepareRun } from './prepare-run.ts';
import { cacheWorkflows } from './workflow-cache.ts';

const ID = 'e0000000-0000-4000-8000-000000000005';

describe('the payload a prepared run stores', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'inlet-prepare-'));
  const db = openDatabase(dir);
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const at = '2026-12-04T00:00:00.000Z';
  const store = createWorkflowStore(db);
  store.save({
    id: ID,
    name: 'Bodies',
    description: null,
    status: 'active',
    step: 'draft',
    definition: workflowGraphSchema.parse(
      linearWorkflow([], { webhook_input: JSON.stringify(DOCUMENTED_PAYLOAD) }).workflow_definition,
    ),
    created_at: at,
    updated_at: at,
    last_run_date: null,
  });
  const readers = {
    workflows: cacheWorkflows(store),
    idempotency: createIdempotencyStore(db),
    maxRows: 100,
    maxBodyBytes: 1e6,
  };
  const prepare = (body: unknown) =>
    prepareRun(readers, {
      body: new TextEncoder().encode(JSON.stringify(body)),
      query: { workflow_id: ID },
      caller: { kind: 'api-key', keyHash: 'h' },
      idempotencyKey: undefined,
    });

  it('is the body compressed once for the inbox, when the rows came in it', () => {
    const prepared = prepare({ webhook_payload: DOCUMENTED_PAYLOAD });
    if (prepared.kind !== 'insert') throw new Error(JSON.stringify(prepared));
    expect(prepared.run.payloadForm).toBe('body');
    expect(prepared.run.payload).toBe(prepared.inboxBody);
  });

  it('is the rows serialised when they come from the webhook block’s webhook_input', () => {
    const prepared = prepare({});
    if (prepared.kind !== 'insert') throw new Error(JSON.stringify(prepared));
    expect(prepared.run.payloadForm).toBe('rows');
    expect(prepared.run.payload).not.toBe(prepared.inboxBody);
  });
});
