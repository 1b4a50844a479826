import type { PlannedBlock } from '@core/workflow/workflow-graph.ts';
import { describeResults } from '../results/describe-results.ts';
import { compressJson } from '../store/compressed-json.ts';
import type { StoredRun } from '../store/run-store.ts';
import { nowIso } from '../store/timestamps.ts';
import type { Row } from './blocks/row.ts';

/** What summarizeRun gives: the result rows compressed, with their files and metrics. */
export type RunResults = ReturnType<typeof summarizeRun>;

/** The run's result rows (its sinks' outputs), compressed, with their files and metrics. */
export function summarizeRun(
  run: StoredRun,
  plan: readonly PlannedBlock[],
  outputs: ReadonlyMap<string, Row[]>,
) {
  const withChildren = new Set(plan.flatMap((planned) => planned.parents));
  const sinks = plan.filter((planned) => !withChildren.has(planned.blockId));
  const rows = sinks.flatMap((planned) => outputs.get(planned.blockId) ?? []);
  const compressed = compressJson(JSON.stringify(rows));
  const described = describeResults({
    jobId: run.job_id,
    rowCount: rows.length,
    saveJson: run.save_json,
    formats: run.result_formats,
    blockNumber: sinks.at(-1)?.block.sequence_number ?? null,
    createdAt: nowIso(),
  });
  const metrics = {
    rows_in: outputs.get(plan[0]?.blockId ?? '')?.length ?? 0,
    rows_out: rows.length,
    warnings_count: run.warnings.length,
    warnings: run.warnings.slice(0, 100),
    simulated: plan.some((planned) => planned.block.block_name !== 'webhook'),
  };
  return { compressed, described, metrics };
}
