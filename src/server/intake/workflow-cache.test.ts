import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { workflowGraphSchema } from '@core/wire/workflow.ts';
import { openDatabase } from '../store/open-database.ts';
import { createWorkflowStore, type StoredWorkflow } from '../store/workflow-store.ts';
import { linearWorkflow } from '../test-support/fixtures.ts';
import { containing } from '../test-support/matchers.ts';
import { cacheWorkflows } from './workflow-cache.ts';

describe('the workflows the run path reads', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'inlet-workflow-cache-'));
  const db = openDatabase(dir);
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const store = createWorkflowStore(db);
  const at = '2026-12-04T00:00:00.000Z';
  const stored = (definition: unknown): StoredWorkflow => ({
    id: 'a0000000-0000-4000-8000-000000000001',
    name: 'Leads',
    description: null,
    status: 'active',
    step: 'draft',
    definition: workflowGraphSchema.parse(definition),
    created_at: at,
    updated_at: at,
    last_run_date: null,
  });

  it('checks a stored version once, and the next version after a write', () => {
    const { workflow_definition: graph } = linearWorkflow();
    store.save(stored(graph));
    const workflows = cacheWorkflows(store);
    const first = workflows.get('a0000000-0000-4000-8000-000000000001');
    expect(first?.check).toMatchObject({ ok: true, text: JSON.stringify(first?.definition) });
    // The same checked object until a write: nothing is read or validated again.
    expect(workflows.get('a0000000-0000-4000-8000-000000000001')).toBe(first);

    store.save(stored({ ...graph, edges: [], blocks: [...graph.blocks, ...graph.blocks] }));
    expect(workflows.get('a0000000-0000-4000-8000-000000000001')).toBe(first);
    workflows.forget();
    const next = workflows.get('a0000000-0000-4000-8000-000000000001');
    expect(next?.check).toEqual({
      ok: false,
      problem: containing('graph is invalid'),
    });
  });

  it('remembers a workflow that is not there until a write', () => {
    const workflows = cacheWorkflows(store);
    expect(workflows.get('b0000000-0000-4000-8000-000000000002')).toBeUndefined();
    store.save({
      ...stored(linearWorkflow().workflow_definition),
      id: 'b0000000-0000-4000-8000-000000000002',
    });
    expect(workflows.get('b0000000-0000-4000-8000-000000000002')).toBeUndefined();
    workflows.forget();
    expect(workflows.get('b0000000-0000-4000-8000-000000000002')?.check.ok).toBe(true);
  });

  it('keeps no workflow whose graph text is over a million characters', () => {
    const big = linearWorkflow([], { webhook_input: JSON.stringify('x'.repeat(1_000_001)) });
    store.save({ ...stored(big.workflow_definition), id: 'd0000000-0000-4000-8000-000000000004' });
    const workflows = cacheWorkflows(store);
    const first = workflows.get('d0000000-0000-4000-8000-000000000004');
    expect(first?.check.ok).toBe(true);
    expect(workflows.get('d0000000-0000-4000-8000-000000000004')).not.toBe(first);
  });
});
