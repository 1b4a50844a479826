import { specModelToWebhookSpec, type SpecModel } from '@core/spec/webhook-spec.ts';
import { useAnnounce } from '@web/components/ui/live-region.tsx';
import { useConnection } from '@web/lib/api/connection-context.tsx';
import { useSaveWorkflow } from '../api/save-workflow.ts';
import type { JudgedSpec } from '../model/judged-spec.ts';
import { withWebhookSpecs } from '../model/save-to-workflow.ts';
import { ApiErrorNotice } from './api-error-notice.tsx';

/** Names the spec the sample payload is judged against: the one the next run uses. */
export function JudgedAgainstStatus({ judged }: { judged: JudgedSpec | undefined }) {
  const label = judged?.label ?? 'form draft';
  return (
    // The title holds the whole text where the pane's header cuts it short.
    <p
      className="judged-against"
      role="status"
      aria-label="Judged against"
      title={`Judged against ${label}`}
    >
      <span className="judged-against__prefix">Judged against </span>
      <span className="judged-against__short" aria-hidden="true">
        vs.{' '}
      </span>
      <strong>{label}</strong>
    </p>
  );
}

/**
 * Beside the problems: the form differs from the saved workflow the payload is judged
 * against, and "Save to workflow" puts the form's spec into it (its other blocks unchanged).
 */
export function FormDiffersNotice({
  judged,
  specModel,
}: {
  judged: JudgedSpec | undefined;
  specModel: SpecModel;
}) {
  const { connection } = useConnection();
  const save = useSaveWorkflow(connection);
  const announce = useAnnounce();
  const workflow = judged?.workflow;
  if (!judged?.differsFromSaved || !workflow) return null;
  const graph = workflow.workflow_definition;
  const definition = graph ? withWebhookSpecs(graph, specModelToWebhookSpec(specModel)) : undefined;
  const handleSave = () => {
    if (!definition) return;
    save.mutate(
      {
        workflowId: workflow.id,
        name: workflow.name,
        description: workflow.description ?? 'Saved from Inlet.',
        definition,
      },
      {
        onSuccess: (saved) => {
          announce(`Saved the form’s spec to the workflow ${saved.name}.`);
        },
      },
    );
  };
  return (
    <div className="notice notice--warning judged-against__differs">
      <p>
        The form differs from the spec saved in workflow {workflow.name}. These problems (and the
        next run) use the saved spec
        {judged.label.endsWith('+ override') ? ' plus the override' : ''}.
      </p>
      <button
        type="button"
        className="button button--secondary"
        disabled={!definition || save.isPending || !connection.ready}
        onClick={handleSave}
      >
        {save.isPending ? 'Saving…' : 'Save to workflow'}
      </button>
      {save.isError && <ApiErrorNotice error={save.error} title="Could not save the workflow" />}
    </div>
  );
}
