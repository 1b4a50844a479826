import { useCallback, useId, useState } from 'react';
import { parseWebhookSpec, type SpecModel } from '../../../../core/spec/webhook-spec.ts';
import type { WorkflowResponse } from '../../../../core/wire/workflow.ts';
import { useConnection } from '../../../lib/api/connection-context.tsx';
import { TARGET_LABELS, type Target } from '../../../lib/api/connection.ts';
import { Icon } from '../../../components/ui/icon.tsx';
import { useWorkflow } from '../api/get-workflow.ts';
import { findWebhookSpecs } from '../model/workflow-draft.ts';
import type { RunBody } from '../model/prepare-run.ts';
import { OpenWorkflowDialog } from './open-workflow-dialog.tsx';
import { RunPanel } from './run-panel.tsx';
import { SaveWorkflowDialog } from './save-workflow-dialog.tsx';
import './runs.css';

export type TestRunConsoleProps = {
  /** The designer's spec. */
  specModel: SpecModel;
  /** The designer's name for it (the draft's), the default workflow name. */
  specName: string;
  /** The sample payload's text; empty runs the webhook block's webhook_input. */
  payloadText: string;
  /** An opened workflow's webhook spec, for the designer. */
  onLoadSpec: (model: SpecModel, name: string) => void;
  /** The effective spec (stored + override), for judging the sample against it. */
  onEffectiveSpecChange?: (model: SpecModel | undefined) => void;
};

/** What this tab remembers of a run it started: the API does not return a run's payload. */
export type KeptRun = { body: RunBody; saveJson: boolean };

/**
 * The test-run console: save or open a workflow on the target, override its spec, fire a
 * run, follow it, see and download its results, and look back at its history.
 */
export function TestRunConsole({
  specModel,
  specName,
  payloadText,
  onLoadSpec,
  onEffectiveSpecChange,
}: TestRunConsoleProps) {
  const state = useConnection();
  const titleId = useId();
  const { connection, target } = state;
  const [workflowIds, setWorkflowIds] = useState<Partial<Record<Target, string>>>({});
  const [dialog, setDialog] = useState<'save' | 'open' | undefined>(undefined);
  const [openProblem, setOpenProblem] = useState<string | undefined>(undefined);
  // One Map for the console's life; re-runs read it in handlers and on the next render.
  const [kept] = useState(() => new Map<string, KeptRun>());
  const workflowId = workflowIds[target];
  const workflowQuery = useWorkflow(connection, workflowId);
  const workflow = workflowQuery.data;
  const live = target === 'sixtyfour';
  const label = TARGET_LABELS[target];

  const handleSaved = useCallback(
    (saved: WorkflowResponse) => {
      setWorkflowIds((previous) => ({ ...previous, [target]: saved.id }));
    },
    [target],
  );
  const handleOpened = useCallback(
    (opened: WorkflowResponse) => {
      setWorkflowIds((previous) => ({ ...previous, [target]: opened.id }));
      const specs = findWebhookSpecs(opened.workflow_definition);
      if (!specs) {
        setOpenProblem(
          `“${opened.name}” has no webhook source block, so its spec cannot be designed here.`,
        );
        return;
      }
      const parsed = parseWebhookSpec(specs);
      if (!parsed.success) {
        const issue = parsed.issues[0];
        setOpenProblem(
          `The webhook spec of “${opened.name}” cannot be read: ${issue?.message ?? 'unknown problem'}`,
        );
        return;
      }
      setOpenProblem(undefined);
      onLoadSpec(parsed.data, opened.name);
    },
    [onLoadSpec, target],
  );
  const handleKeep = useCallback(
    (jobId: string, run: KeptRun) => {
      kept.set(jobId, run);
    },
    [kept],
  );
  const handleOpenSave = useCallback(() => {
    setDialog('save');
  }, []);

  return (
    <section
      className={`runs-console${live ? ' runs-console--live' : ''}`}
      aria-labelledby={titleId}
    >
      <header className="runs-console__header">
        <div className="runs-console__title-line">
          <h2 id={titleId} className="runs-console__title">
            Test run
          </h2>
          <span className={`runs-target-pill${live ? ' runs-target-pill--live' : ''}`}>
            {live ? 'Live: Sixtyfour API' : 'Local sandbox'}
          </span>
        </div>
        <div className="runs-console__workflow">
          <span className="runs-console__workflow-label">Workflow</span>
          {workflow ? (
            <span className="runs-console__workflow-name" title={workflow.id}>
              {workflow.name}
            </span>
          ) : (
            <span className="section-hint">
              {workflowQuery.isFetching ? 'Loading…' : `None saved to ${label} yet`}
            </span>
          )}
          <button
            type="button"
            className="button button--secondary"
            disabled={!connection.ready}
            onClick={handleOpenSave}
          >
            <Icon name="upload" />
            Save workflow
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={!connection.ready}
            onClick={() => {
              setDialog('open');
            }}
          >
            <Icon name="file" />
            Open workflow
          </button>
        </div>
      </header>
      {live && (
        <p className="notice notice--error runs-console__live-note">
          <Icon name="alert" /> Runs here go to the live Sixtyfour API and may use your credits.
        </p>
      )}
      {state.problem !== undefined && (
        <p className="notice notice--warning" role="status">
          {state.problem}
        </p>
      )}
      {openProblem !== undefined && (
        <p className="notice notice--warning" role="alert">
          {openProblem}
        </p>
      )}
      <RunPanel
        key={target}
        connection={connection}
        target={target}
        sandboxKey={state.sandboxKey}
        upstreamBase={state.upstream?.base}
        userKey={state.userKey}
        serverHasKey={state.upstream?.server_has_key ?? false}
        workflow={workflow}
        specModel={specModel}
        payloadText={payloadText}
        kept={kept}
        onKeep={handleKeep}
        onRequestSave={handleOpenSave}
        {...(onEffectiveSpecChange === undefined ? {} : { onEffectiveSpecChange })}
      />
      <SaveWorkflowDialog
        open={dialog === 'save'}
        onClose={() => {
          setDialog(undefined);
        }}
        connection={connection}
        targetLabel={label}
        specModel={specModel}
        defaultName={specName}
        current={workflow}
        onSaved={handleSaved}
      />
      <OpenWorkflowDialog
        open={dialog === 'open'}
        onClose={() => {
          setDialog(undefined);
        }}
        connection={connection}
        targetLabel={label}
        onOpened={handleOpened}
      />
    </section>
  );
}
