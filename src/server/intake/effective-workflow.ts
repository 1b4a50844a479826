import { validateWebhookSpec, type SpecValidation } from '@core/spec/spec-issues.ts';
import type { SpecModel } from '@core/spec/webhook-spec.ts';
import {
  applySpecsOverride,
  FINDING_SOURCE_OVERRIDE_KEYS,
  WEBHOOK_OVERRIDE_KEYS,
} from '@core/workflow/specs-override.ts';
import { validateWorkflowGraph, type PlannedBlock } from '@core/workflow/workflow-graph.ts';
import type { WorkflowGraph } from '@core/wire/workflow.ts';
import { canonicalWorkflowId } from '@core/wire/workflow-id.ts';
import { clip, detailError, validationError } from '../http/http-error.ts';
import type { CachedWorkflows } from './workflow-cache.ts';
import type { CheckedWorkflow } from '../workflows/check-stored-workflow.ts';

/** A stored workflow that can take a webhook_payload, with its check. */
export type RunnableWorkflow = CheckedWorkflow & {
  check: Extract<CheckedWorkflow['check'], { ok: true }>;
};

/**
 * Step 3: the workflow the request names, checked when it was stored (see
 * checkStoredWorkflow): 404 when there is none, 400 when its graph cannot run.
 */
export function resolveWorkflow(workflows: CachedWorkflows, id: string): RunnableWorkflow {
  const workflow = workflows.get(canonicalWorkflowId(id));
  if (!workflow) throw detailError(404, `Workflow ${clip(id)} not found`);
  const { check } = workflow;
  if (!check.ok) throw detailError(400, check.problem);
  return { ...workflow, check };
}

/** The graph a run executes: the stored one, or the one with specs_override applied. */
export type EffectiveWorkflow = {
  /** The webhook spec the payload is judged by; `null` when the source finds its own rows. */
  spec: SpecModel | null;
  plan: PlannedBlock[];
  /** The graph's JSON text, as the run stores it. */
  definitionJson: string;
};

const specOrThrow = (spec: SpecValidation): SpecModel => {
  if (spec.success) return spec.data;
  throw validationError(
    spec.issues.map((issue) => ({
      loc: ['body', 'specs_override', ...issue.path],
      msg: `The webhook spec with specs_override applied is invalid: ${issue.message}`,
      type: 'value_error',
    })),
  );
};

/**
 * Step 4: specs_override over the source block's stored specs (a webhook block's, or the
 * documented keys of a source that finds its own rows). Without one (or one that
 * changes nothing) the stored check is the effective one and nothing is validated again; with
 * one, the new webhook spec and the new graph are each validated, 422s under
 * `body.specs_override` when they do not hold.
 */
export function applyOverride(
  workflow: RunnableWorkflow,
  override: Record<string, unknown> | null | undefined,
): EffectiveWorkflow {
  const { check } = workflow;
  const allowedKeys =
    check.spec === null
      ? (FINDING_SOURCE_OVERRIDE_KEYS[check.source.block.block_name] ?? [])
      : WEBHOOK_OVERRIDE_KEYS;
  const applied = applySpecsOverride(check.source.block.specs, override, allowedKeys);
  if (!applied.success) {
    throw validationError([
      {
        loc: ['body', 'specs_override', applied.key],
        msg: applied.message,
        type: 'extra_forbidden',
      },
    ]);
  }
  if (applied.specs === check.source.block.specs) {
    const spec = check.spec === null ? null : specOrThrow(check.spec);
    return { spec, plan: check.plan, definitionJson: check.text };
  }
  const spec = check.spec === null ? null : specOrThrow(validateWebhookSpec(applied.specs));
  const definition: WorkflowGraph = {
    ...workflow.definition,
    blocks: workflow.definition.blocks.map((block) =>
      block.block_id === check.source.blockId ? { ...block, specs: applied.specs } : block,
    ),
  };
  const graph = validateWorkflowGraph(definition);
  if (!graph.success) {
    throw validationError(
      graph.issues.map((issue) => ({
        loc: ['body', 'specs_override'],
        msg: `With specs_override applied the workflow does not fit together: ${issue.message}`,
        type: 'value_error',
      })),
    );
  }
  return { spec, plan: graph.plan, definitionJson: JSON.stringify(definition) };
}
