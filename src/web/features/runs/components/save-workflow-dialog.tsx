import { WORKFLOW_NAME_MAX_LENGTH } from '@core/limits.ts';
import { type SubmitEvent, useId, useState } from 'react';
import type { SpecModel } from '@core/spec/webhook-spec.ts';
import { specModelIssues } from '@core/spec/spec-issues.ts';
import type { WorkflowGraph, WorkflowResponse } from '@core/wire/workflow.ts';
import { Dialog } from '@web/components/ui/dialog.tsx';
import { errorMessage } from '@web/lib/api/api-error.ts';
import type { Connection } from '@web/lib/api/connection.ts';
import { useStableByJson } from '@web/lib/use-stable-by-json.ts';
import { useBlocks } from '../api/list-blocks.ts';
import { useSaveWorkflow } from '../api/save-workflow.ts';
import {
  blocksOutsideSteps,
  buildStepsGraph,
  defaultSteps,
  readSteps,
} from '../model/workflow-steps.ts';
import { ApiErrorNotice } from './api-error-notice.tsx';
import { OverrideFoldChoice, useOverrideFold } from './override-fold-choice.tsx';
import { receiverNameFor } from '../api/deliveries.ts';
import { BlockStepsEditor } from './block-steps-editor.tsx';
import { ChangeImpactPanel } from './change-impact-panel.tsx';
import { DownstreamCheck } from './downstream-check.tsx';
import { WebhookBlockDiff } from './webhook-block-diff.tsx';
import { findWebhookSpecs } from '../model/workflow-draft.ts';

export type SaveWorkflowDialogProps = {
  open: boolean;
  onClose: () => void;
  connection: Connection;
  targetLabel: string;
  specModel: SpecModel;
  /** The draft's specs_override text: the dialog asks whether to fold it into the spec. */
  overrideText: string;
  /** The draft's sample payload, judged with the live target's recorded requests. */
  payloadText: string;
  defaultName: string;
  /** The workflow open in the console, updated unless the user saves a new one. */
  current: WorkflowResponse | undefined;
  onSaved: (workflow: WorkflowResponse, how: SavedHow) => void;
};

/** How the override was saved: `folded` is the merged spec, when it went into the workflow. */
export type SavedHow = { folded: SpecModel | undefined };

/** Saves the designed spec as a workflow on the target, with blocks from its catalogue. */
export function SaveWorkflowDialog(props: SaveWorkflowDialogProps) {
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      title={`Save workflow to ${props.targetLabel}`}
      description="The webhook block gets the designed spec; pick what runs after it."
    >
      <SaveWorkflowForm {...props} />
    </Dialog>
  );
}

function SaveWorkflowForm({
  onClose,
  connection,
  specModel,
  overrideText,
  payloadText,
  defaultName,
  current,
  onSaved,
  targetLabel,
}: SaveWorkflowDialogProps) {
  const fold = useOverrideFold(specModel, overrideText);
  const ids = { name: useId() };
  const blocks = useBlocks(connection);
  const save = useSaveWorkflow(connection);
  const [name, setName] = useState(current?.name ?? defaultName);
  const [asNew, setAsNew] = useState(false);
  const [steps, setSteps] = useState(
    () => readSteps(current?.workflow_definition) ?? defaultSteps(specModel.dataframe_type),
  );
  const [problem, setProblem] = useState<string | undefined>(undefined);

  const specErrors = specModelIssues(specModel).filter((issue) => issue.severity === 'error');
  // The webhook specs this save would write (the override folded in when chosen).
  const toSave = fold.specsToSave();
  const nextSpecs = toSave.success ? toSave.specs : undefined;
  // One object while the specs stay the same, so the change impact's wait for quiet settles.
  const settledNextSpecs = useStableByJson(nextSpecs);
  const storedSpecs = findWebhookSpecs(current?.workflow_definition);
  // Issue 15: an update of a workflow on Sixtyfour first shows what the change does to the
  // requests recorded on their way there through the proxy (the sandbox shows it in its panel).
  const liveImpact =
    connection.target === 'sixtyfour' && current !== undefined && !asNew
      ? { workflow: current, before: storedSpecs, after: settledNextSpecs }
      : undefined;

  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(undefined);
    if (specErrors.length > 0) {
      setProblem(`Fix the spec first: ${specErrors[0]?.message ?? ''}`);
      return;
    }
    if (name.trim() === '') {
      setProblem('Give the workflow a name.');
      return;
    }
    const specs = fold.specsToSave();
    if (!specs.success) {
      setProblem(specs.message);
      return;
    }
    const built = buildStepsGraph(specs.specs, steps, blocks.data ?? []);
    if (!built.success) {
      setProblem(built.message);
      return;
    }
    const definition: WorkflowGraph = built.graph;
    save.mutate(
      {
        ...(current && !asNew ? { workflowId: current.id } : {}),
        name: name.trim(),
        description: 'Saved from Inlet.',
        definition,
      },
      {
        onSuccess: (workflow) => {
          onSaved(workflow, { folded: specs.folded });
          onClose();
        },
      },
    );
  };

  return (
    <form className="runs-form" onSubmit={handleSubmit} noValidate>
      <div className="runs-form__field">
        <label htmlFor={ids.name} className="field-label">
          Workflow name
        </label>
        <input
          id={ids.name}
          className="input"
          maxLength={WORKFLOW_NAME_MAX_LENGTH}
          value={name}
          onChange={(event) => {
            setName(event.target.value);
          }}
        />
      </div>
      {current && (
        <label className="runs-form__check">
          <input
            type="checkbox"
            className="checkbox"
            checked={asNew}
            onChange={(event) => {
              setAsNew(event.target.checked);
            }}
          />
          Save as a new workflow instead of updating “{current.name}”
        </label>
      )}
      {blocks.isPending ? (
        <p className="section-hint">Loading the block catalogue…</p>
      ) : blocks.isError ? (
        <p className="field-error">Could not load the blocks: {errorMessage(blocks.error)}</p>
      ) : (
        <BlockStepsEditor
          blocks={blocks.data}
          rowType={specModel.dataframe_type}
          steps={steps}
          onChange={setSteps}
          outsideCount={blocksOutsideSteps(current?.workflow_definition)}
          {...(connection.target === 'sandbox' ? { receiverName: receiverNameFor(name) } : {})}
        />
      )}
      {blocks.isSuccess && (
        <DownstreamCheck spec={specModel} steps={steps} onStepsChange={setSteps} />
      )}
      {current && !asNew && (
        <WebhookBlockDiff
          stored={current.workflow_definition}
          next={nextSpecs}
          targetLabel={targetLabel}
        />
      )}
      <OverrideFoldChoice fold={fold} />
      {liveImpact?.before && liveImpact.after && (
        <ChangeImpactPanel
          connection={connection}
          target="live"
          workflowId={liveImpact.workflow.id}
          workflowName={liveImpact.workflow.name}
          before={liveImpact.before}
          after={liveImpact.after}
          changeLabel={`Saving to ${targetLabel}`}
          sampleText={payloadText}
        />
      )}
      {(problem !== undefined || save.isError) && (
        <ApiErrorNotice error={save.error} message={problem} />
      )}
      <div className="runs-form__actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          Close
        </button>
        <button
          type="submit"
          className="button button--primary"
          disabled={save.isPending || blocks.isPending}
        >
          {save.isPending ? 'Saving…' : current && !asNew ? 'Update workflow' : 'Create workflow'}
        </button>
      </div>
    </form>
  );
}
