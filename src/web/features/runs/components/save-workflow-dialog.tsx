import { type SubmitEvent, useId, useState } from 'react';
import { specModelToWebhookSpec, type SpecModel } from '../../../../core/spec/webhook-spec.ts';
import { specModelIssues } from '../../../../core/spec/spec-issues.ts';
import type { WorkflowGraph, WorkflowResponse } from '../../../../core/wire/workflow.ts';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { errorMessage } from '../../../lib/api/api-error.ts';
import type { Connection } from '../../../lib/api/connection.ts';
import { useBlocks } from '../api/list-blocks.ts';
import { useSaveWorkflow } from '../api/save-workflow.ts';
import {
  buildWorkflowGraph,
  enrichmentChoices,
  offersOutgoingWebhook,
  readDownstream,
  readReturnFields,
} from '../model/workflow-draft.ts';
import { ApiErrorNotice } from './api-error-notice.tsx';

export type SaveWorkflowDialogProps = {
  open: boolean;
  onClose: () => void;
  connection: Connection;
  targetLabel: string;
  specModel: SpecModel;
  defaultName: string;
  /** The workflow open in the console, updated unless the user saves a new one. */
  current: WorkflowResponse | undefined;
  onSaved: (workflow: WorkflowResponse) => void;
};

const DEFAULT_RETURN_FIELDS: Record<NonNullable<SpecModel['dataframe_type']>, string> = {
  LEAD: 'title: Current job title\nlinkedin_url: LinkedIn profile URL',
  COMPANY: 'employee_count: Number of employees\nheadquarters: City of the headquarters',
};

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
  defaultName,
  current,
  onSaved,
}: SaveWorkflowDialogProps) {
  const ids = { name: useId(), block: useId(), fields: useId(), fieldsHint: useId(), url: useId() };
  const saved = readDownstream(current?.workflow_definition);
  const blocks = useBlocks(connection);
  const save = useSaveWorkflow(connection);
  const [name, setName] = useState(current?.name ?? defaultName);
  const [asNew, setAsNew] = useState(false);
  const [enrichment, setEnrichment] = useState(saved.enrichment ?? '');
  const [fieldsText, setFieldsText] = useState(
    saved.returnFieldsText ?? DEFAULT_RETURN_FIELDS[specModel.dataframe_type ?? 'LEAD'],
  );
  const [withOutgoing, setWithOutgoing] = useState(saved.outgoingUrl !== undefined);
  const [url, setUrl] = useState(saved.outgoingUrl ?? '');
  const [problem, setProblem] = useState<string | undefined>(undefined);

  const choices = enrichmentChoices(blocks.data ?? [], specModel.dataframe_type);
  const chosen = choices.some((block) => block.block_name === enrichment)
    ? enrichment
    : (choices[0]?.block_name ?? '');
  const specErrors = specModelIssues(specModel).filter((issue) => issue.severity === 'error');

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
    if (chosen === '') {
      setProblem(`No enrichment block on this target takes ${specModel.dataframe_type} rows.`);
      return;
    }
    const fields = readReturnFields(fieldsText);
    if (!fields.success) {
      setProblem(fields.message);
      return;
    }
    if (withOutgoing && !/^https?:\/\/\S+$/i.test(url.trim())) {
      setProblem('The outgoing webhook needs an http(s) URL.');
      return;
    }
    const definition: WorkflowGraph = buildWorkflowGraph(
      specModelToWebhookSpec(specModel),
      {
        enrichment: chosen,
        returnFieldsText: fieldsText,
        outgoingUrl: withOutgoing ? url.trim() : undefined,
      },
      fields.fields,
      blocks.data ?? [],
    );
    save.mutate(
      {
        ...(current && !asNew ? { workflowId: current.id } : {}),
        name: name.trim(),
        description: 'Saved from Inlet.',
        definition,
      },
      {
        onSuccess: (workflow) => {
          onSaved(workflow);
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
      <div className="runs-form__field">
        <label htmlFor={ids.block} className="field-label">
          Enrichment block ({specModel.dataframe_type} rows)
        </label>
        {blocks.isPending ? (
          <p className="section-hint">Loading the block catalogue…</p>
        ) : blocks.isError ? (
          <p className="field-error">Could not load the blocks: {errorMessage(blocks.error)}</p>
        ) : (
          <select
            id={ids.block}
            className="select"
            value={chosen}
            onChange={(event) => {
              setEnrichment(event.target.value);
            }}
          >
            {choices.map((block) => (
              <option key={block.block_name} value={block.block_name}>
                {block.block_name}
              </option>
            ))}
          </select>
        )}
        <p className="section-hint">
          {choices.find((block) => block.block_name === chosen)?.description ??
            'Only blocks that take the spec’s row type are offered.'}
        </p>
      </div>
      <div className="runs-form__field">
        <label htmlFor={ids.fields} className="field-label">
          Return fields
        </label>
        <textarea
          id={ids.fields}
          className="textarea input--mono"
          rows={4}
          aria-describedby={ids.fieldsHint}
          value={fieldsText}
          onChange={(event) => {
            setFieldsText(event.target.value);
          }}
        />
        <p id={ids.fieldsHint} className="section-hint">
          One field a line, as <code>name: what to find</code>.
        </p>
      </div>
      {offersOutgoingWebhook(blocks.data ?? []) && (
        <div className="runs-form__field">
          <label className="runs-form__check">
            <input
              type="checkbox"
              className="checkbox"
              checked={withOutgoing}
              onChange={(event) => {
                setWithOutgoing(event.target.checked);
              }}
            />
            Then POST the rows to an outgoing webhook
          </label>
          {withOutgoing && (
            <>
              <label htmlFor={ids.url} className="field-label">
                Outgoing webhook URL
              </label>
              <input
                id={ids.url}
                className="input input--mono"
                type="url"
                placeholder="https://example.com/hooks/sixtyfour"
                value={url}
                onChange={(event) => {
                  setUrl(event.target.value);
                }}
              />
            </>
          )}
        </div>
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
