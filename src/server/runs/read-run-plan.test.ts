import { describe, expect, it } from 'vitest';
import { prepareRun } from '../intake/prepare-run.ts';
import { cacheWorkflows } from '../intake/workflow-cache.ts';
import { createIdempotencyStore } from '../store/idempotency-store.ts';
import { createRunStore } from '../store/run-store.ts';
import { createWorkflowStore } from '../store/workflow-store.ts';
import { DOCUMENTED_PAYLOAD, linearWorkflow } from '../test-support/fixtures.ts';
import { runRequest, storedWorkflow, useTempDatabase } from '../test-support/run-path-fixtures.ts';
import { readRunPlan } from './read-run-plan.ts';

const ID = 'c0000000-0000-4000-8000-000000000003';

describe('the plan a starting run executes', () => {
  const db = useTempDatabase('run-plan');
  const store = createWorkflowStore(db);
  const runs = createRunStore(db);
  const workflows = cacheWorkflows(store);
  const save = (blocks: { block_id: string; block_name: string }[]) => {
    store.save(storedWorkflow(ID, linearWorkflow(blocks).workflow_definition));
    workflows.forget();
  };
  /** A run as the run endpoint stores it, read back as the executor reads it. */
  const storedRun = (body: Record<string, unknown>) => {
    const prepared = prepareRun(
      { workflows, idempotency: createIdempotencyStore(db), maxRows: 100, maxBodyBytes: 1e6 },
      runRequest(ID, body),
    );
    if (prepared.kind !== 'insert') throw new Error(`not a run: ${JSON.stringify(prepared)}`);
    runs.insert(prepared.run);
    const run = runs.get(prepared.run.job_id);
    if (!run) throw new Error('the run was not stored');
    return run;
  };

  it('uses the plan checked when the workflow was stored, while that version is current', () => {
    save([{ block_id: 'enrich_1', block_name: 'enrich_company' }]);
    const run = storedRun({ webhook_payload: DOCUMENTED_PAYLOAD });
    const checked = workflows.get(ID)?.check;
    expect(checked?.ok).toBe(true);
    const planned = readRunPlan(run, workflows);
    expect(planned.ok && checked?.ok && planned.plan === checked.plan).toBe(true);
  });

  it('validates the run’s own graph with an override, or once the workflow changed', () => {
    const overridden = storedRun({
      webhook_payload: DOCUMENTED_PAYLOAD,
      specs_override: { dataframe_type: 'COMPANY' },
    });
    const before = storedRun({ webhook_payload: DOCUMENTED_PAYLOAD });
    save([]);
    for (const run of [overridden, before]) {
      const planned = readRunPlan(run, workflows);
      if (!planned.ok) throw new Error(planned.statusReason);
      const checked = workflows.get(ID)?.check;
      expect(checked?.ok && planned.plan === checked.plan).toBe(false);
      // The graph the run was stored with: the webhook block and the enrichment after it.
      expect(planned.plan.map((block) => block.blockId)).toEqual(['webhook_1', 'enrich_1']);
    }
  });
});
