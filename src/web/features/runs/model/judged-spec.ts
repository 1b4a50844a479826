import type { SpecModel } from '@core/spec/webhook-spec.ts';
import type { WorkflowResponse } from '@core/wire/workflow.ts';

/**
 * The one spec the sample payload is judged against: exactly the one the next run uses. With
 * a workflow open that is the workflow as saved plus the override (the API merges them); with
 * none, the form's draft (plus the override, as it would be once saved).
 */
export type JudgedSpec = {
  model: SpecModel;
  /** Names it in a few words: "form draft", "workflow Leads as saved + override". */
  label: string;
  /** The open workflow, when the spec is its saved one. */
  workflow: WorkflowResponse | undefined;
  /** The form differs from the saved workflow's spec (so the run will not use the form). */
  differsFromSaved: boolean;
  /** Why the override is not applied (unreadable or invalid), when it is not. */
  overrideProblem: string | undefined;
};

export function judgedSpecLabel(
  workflowName: string | undefined,
  withOverride: boolean,
  overrideProblem: string | undefined,
): string {
  const base = workflowName === undefined ? 'form draft' : `workflow ${workflowName} as saved`;
  if (overrideProblem !== undefined) return `${base} (override not applied: it has a problem)`;
  return withOverride ? `${base} + override` : base;
}
