import type { Judgement } from '@core/judge/judge-payload.ts';
import { WORKFLOW_NAME_MAX_LENGTH } from '@core/limits.ts';
import { planWarnings } from '@core/workflow/plan-warnings.ts';
import type { ResultFormat } from '@core/wire/results.ts';
import { initialBlockStates } from '../runs/block-states.ts';
import { newJobId } from '../runs/job-id.ts';
import { compressJson } from '../store/compressed-json.ts';
import type { NewRunRow, RunWarning } from '../store/run-store.ts';
import { nowIso } from '../store/timestamps.ts';
import type { EffectiveWorkflow, RunnableWorkflow } from './effective-workflow.ts';
import type { ReadRunRequest } from './read-run-request.ts';

/** Warnings and notes (advisory columns) recorded with a run, at most this many. */
const MAX_RECORDED_WARNINGS = 1_000;

const warningsOf = (judgement: Judgement | null): RunWarning[] =>
  (judgement?.findings ?? [])
    .filter((finding) => finding.severity !== 'error')
    .slice(0, MAX_RECORDED_WARNINGS)
    .map((finding) => ({ row: finding.row, column: finding.column, message: finding.message }));

/**
 * The result files a run saves [decision]: the `result_formats` asked for (each once, in the
 * order asked), else CSV; JSON too when `save_json=true`.
 */
export function chosenResultFormats(
  asked: readonly ResultFormat[] | undefined,
  saveJson: boolean,
): ResultFormat[] {
  const formats = new Set<ResultFormat>(asked ?? ['csv']);
  if (saveJson) formats.add('json');
  return [...formats];
}

/**
 * Step 6: the run's row, serialised here so the write on the event loop only binds it. With
 * `compressedBody` (the whole body, compressed for the inbox) rows sent as webhook_payload are
 * stored as that body: neither serialised again nor compressed a second time.
 */
export function buildRunRow(
  read: ReadRunRequest,
  workflow: RunnableWorkflow,
  effective: EffectiveWorkflow,
  /** The judged rows; none and no judgement when the source finds its own rows. */
  accepted: { rows: unknown[]; judgement: Judgement | null },
  compressedBody: Uint8Array | undefined,
): NewRunRow {
  const { query, body } = read;
  const fromBody = read.hasPayload && compressedBody !== undefined;
  return {
    job_id: newJobId(),
    workflow_id: workflow.id,
    // Bounded even for a workflow stored before names were: it is copied into every run.
    workflow_name: workflow.name.slice(0, WORKFLOW_NAME_MAX_LENGTH),
    save_json: query.save_json,
    result_formats: chosenResultFormats(query.result_formats, query.save_json),
    definitionJson: effective.definitionJson,
    payload: fromBody ? compressedBody : compressJson(JSON.stringify(accepted.rows)),
    payloadForm: fromBody ? 'body' : 'rows',
    specsOverrideJson:
      body.specs_override === undefined || body.specs_override === null
        ? null
        : JSON.stringify(body.specs_override),
    warningsJson: JSON.stringify([
      ...planWarnings(effective.plan),
      ...warningsOf(accepted.judgement),
    ]),
    blocksJson: JSON.stringify(initialBlockStates(effective.plan, nowIso())),
  };
}
