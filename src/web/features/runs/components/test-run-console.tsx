import { useCallback, useEffect, useId, useState } from 'react';
import { parseWebhookSpec, type SpecModel } from '../../../../core/spec/webhook-spec.ts';
import type { WorkflowResponse } from '../../../../core/wire/workflow.ts';
import { useConnection } from '../../../lib/api/connection-context.tsx';
import { TARGET_LABELS } from '../../../lib/api/connection.ts';
import { Icon } from '../../../components/ui/icon.tsx';
import { isNotFound, useWorkflow } from '../api/get-workflow.ts';
import { useOpenWorkflowId } from '../hooks/use-open-workflow-id.ts';
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
  /** The designer's draft: the open workflow is remembered per draft and target. */
  draftId: string;
  /** An opened workflow's webhook spec, for the designer; returns the draft it went to. */
  onLoadSpec: (model: SpecModel, name: string) => string;
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
  draftId,
  onLoadSpec,
  onEffectiveSpecChange,
}: TestRunConsoleProps) {
  const state = useConnection();
  const titleId = useId();
  const { connection, target } = state;
  const { workflowId, remember, forget, forgottenId } = useOpenWorkflowId(target, draftId);
  const [dialog, setDialog] = useState<'save' | 'open' | undefined>(undefined);
  const [openProblem, setOpenProblem] = useState<string | undefined>(undefined);
  // One Map for the console's life; re-runs read it in handlers and on the next render.
  const [kept] = useState(() => new Map<string, KeptRun>());
  const workflowQuery = useWorkflow(connection, workflowId);
  const workflow = workflowQuery.data;
  // A remembered workflow deleted since (or a stale draft's): forget it, and say so quietly.
  const gone = workflowId !== undefined && isNotFound(workflowQuery.error);
  useEffect(() => {
    if (gone) forget(workflowId);
  }, [gone, workflowId, forget]);
  const live = target === 'sixtyfour';
  const label = TARGET_LABELS[target];

  const handleSaved = useCallback(
    (saved: WorkflowResponse) => {
      remember(saved.id);
    },
    [remember],
  );
  const handleOpened = useCallback(
    (opened: WorkflowResponse) => {
      const specs = findWebhookSpecs(opened.workflow_definition);
      if (!specs) {
        remember(opened.id);
        setOpenProblem(
          `“${opened.name}” has no webhook source block, so its spec cannot be designed here.`,
        );
        return;
      }
      const parsed = parseWebhookSpec(specs);
      if (!parsed.success) {
        const issue = parsed.issues[0];
        remember(opened.id);
        setOpenProblem(
          `The webhook spec of “${opened.name}” cannot be read: ${issue?.message ?? 'unknown problem'}`,
        );
        return;
      }
      setOpenProblem(undefined);
      // The spec opens in a new draft, so the workflow is remembered for that one.
      remember(opened.id, onLoadSpec(parsed.data, opened.name));
    },
    [onLoadSpec, remember],
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
      {forgottenId !== undefined && (
        <p className="section-hint" role="status">
          The workflow last open here ({forgottenId}) no longer exists on {label}, so it was
          forgotten.
        </p>
      )}
      {openProblem !== undefined && (
        <p className="notice notice--warning" role="alert">
          {openProblem}
        </p>
      )}
      {/* One panel per target and open workflow: switching drafts (or opening another
          workflow) starts from a clean run, override and preflight, not the last one's. */}
      <RunPanel
        key={`${target}:${workflowId ?? ''}`}
        connection={connection}
        target={target}
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
