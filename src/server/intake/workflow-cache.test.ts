import { describe, expect, it } from 'vitest';
import { createWorkflowStore } from '../store/workflow-store.ts';
import { linearWorkflow } from '../test-support/fixtures.ts';
import { containing } from '../test-support/matchers.ts';
import { storedWorkflow, useTempDatabase } from '../test-support/run-path-fixtures.ts';
import { cacheWorkflows } from './workflow-cache.ts';

describe('the workflows the run path reads', () => {
  const db = useTempDatabase('workflow-cache');
  const store = createWorkflowStore(db);
  const stored = (definition: unknown) =>
    storedWorkflow('a0000000-0000-4000-8000-000000000001', definition);

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
