import { describe, expect, it } from 'vitest';
import { createIdempotencyStore } from '../store/idempotency-store.ts';
import { createWorkflowStore } from '../store/workflow-store.ts';
import { DOCUMENTED_PAYLOAD, linearWorkflow } from '../test-support/fixtures.ts';
import { runRequest, storedWorkflow, useTempDatabase } from '../test-support/run-path-fixtures.ts';
import { prepareRun } from './prepare-run.ts';
import { cacheWorkflows } from './workflow-cache.ts';

const ID = 'e0000000-0000-4000-8000-000000000005';

describe('the payload a prepared run stores', () => {
  const db = useTempDatabase('prepare');
  const store = createWorkflowStore(db);
  store.save(
    storedWorkflow(
      ID,
      linearWorkflow([], { webhook_input: JSON.stringify(DOCUMENTED_PAYLOAD) }).workflow_definition,
    ),
  );
  const readers = {
    workflows: cacheWorkflows(store),
    idempotency: createIdempotencyStore(db),
    maxRows: 100,
    maxBodyBytes: 1e6,
  };
  const prepare = (body: unknown) => prepareRun(readers, runRequest(ID, body));

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
