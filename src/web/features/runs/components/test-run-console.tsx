import { useCallback, useEffect, useId, useState } from 'react';
import { parseWebhookSpec, type SpecModel } from '@core/spec/webhook-spec.ts';
import type { WorkflowResponse } from '@core/wire/workflow.ts';
import { useConnection } from '@web/lib/api/connection-context.tsx';
import { TARGET_LABELS } from '@web/lib/api/connection.ts';
import { emptyRunSlot, type RunSlot } from '@web/lib/storage/run-slot.ts';
import { Icon } from '@web/components/ui/icon.tsx';
import { isNotFound, useWorkflow } from '../api/get-workflow.ts';
import type { JudgedSpec } from '../model/judged-spec.ts';
import type { KeptRun } from '../model/kept-run.ts';
import type { RunJudge } from '../model/prepare-run.ts';
import {
  recallWorkflowOverride,
  rememberWorkflowOverride,
} from '../model/workflow-overrides-store.ts';
import { findWebhookSpecs } from '../model/workflow-draft.ts';
import { ApiErrorNotice } from './api-error-notice.tsx';
import { OpenWorkflowDialog } from './open-workflow-dialog.tsx';
import { RunPanel } from './run-panel.tsx';
import { SaveWorkflowDialog, type SavedHow } from './save-workflow-dialog.tsx';
import './runs.css';

export type TestRunConsoleProps = {
  /** The designer's spec. */
  specModel: SpecModel;
  /** The designer's name for it (the draft's), the default workflow name. */
  specName: string;
  /** The sample payload's text; empty runs the webhook block's webhook_input. */
  payloadText: string;
  /**
   * Judges the payload for the preflight before "Run test": the app gives the payload
   * worker's, which answers with its latest judgement when it is of this text and spec.
   */
  judge: RunJudge;
  /** The draft's run slots by target: open workflow, override text, followed run. */
  runSlots: Readonly<Record<string, RunSlot>> | undefined;
  onRunSlotChange: (target: string, slot: RunSlot) => void;
  /** An opened workflow's spec, for a new draft with these run slots; returns its id. */
  onLoadSpec: (model: SpecModel, name: string, runs: Record<string, RunSlot>) => string;
  /** The override was folded into the saved spec: the designer takes the merged spec. */
  onFoldOverride: (model: SpecModel) => void;
  /** The spec the next run uses, for judging the sample against it. */
  onJudgedSpecChange?: (judged: JudgedSpec | undefined) => void;
};

export type { KeptRun };

/**
 * The test-run console: save or open a workflow on the target, override its spec, fire a
 * run, follow it, see and download its results, and look back at its history.
 */
export function TestRunConsole({
  specModel,
  specName,
  payloadText,
  judge,
  runSlots,
  onRunSlotChange,
  onLoadSpec,
  onFoldOverride,
  onJudgedSpecChange,
}: TestRunConsoleProps) {
  const state = useConnection();
  const titleId = useId();
  const { connection, target } = state;
  const slot = runSlots?.[target] ?? emptyRunSlot();
  const workflowId = slot.workflowId;
  const [forgottenId, setForgottenId] = useState<string | undefined>(undefined);
  const [dialog, setDialog] = useState<'save' | 'open' | undefined>(undefined);
  const [openProblem, setOpenProblem] = useState<string | undefined>(undefined);
  // One Map for the console's life; re-runs read it in handlers and on the next render.
  const [kept] = useState(() => new Map<string, KeptRun>());
  const workflowQuery = useWorkflow(connection, workflowId);
  const workflow = workflowQuery.data;
  const live = target === 'sixtyfour';
  const label = TARGET_LABELS[target];

  const handleSlotChange = useCallback(
    (next: RunSlot) => {
      onRunSlotChange(target, next);
      if (next.workflowId !== undefined && next.overrideText !== slot.overrideText) {
        rememberWorkflowOverride(target, next.workflowId, next.overrideText);
      }
    },
    [onRunSlotChange, target, slot.overrideText],
  );

  // A remembered workflow deleted since: forget it (and its run), and say so quietly.
  const gone = workflowId !== undefined && isNotFound(workflowQuery.error);
  // Remembered but not readable now (a wrong key, the API down): the workflow still exists,
  // so the console says so instead of "none saved", and saving would make a second one.
  const unreadable =
    workflowId !== undefined && workflow === undefined && workflowQuery.isError && !gone;
  const forget = useCallback(
    (id: string) => {
      setForgottenId(id);
      onRunSlotChange(target, { overrideText: slot.overrideText });
    },
    [onRunSlotChange, target, slot.overrideText],
  );
  useEffect(() => {
    // The 404 is the server's answer arriving (react-query has no per-query onError in v5):
    // forgetting follows it once, and the note says so until the next open or save.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (gone) forget(workflowId);
  }, [gone, workflowId, forget]);

  const handleSaved = useCallback(
    (saved: WorkflowResponse, how: SavedHow) => {
      setForgottenId(undefined);
      if (how.folded) onFoldOverride(how.folded);
      const sameWorkflow = saved.id === slot.workflowId;
      const overrideText = how.folded ? '' : slot.overrideText;
      handleSlotChange({
        workflowId: saved.id,
        overrideText,
        ...(sameWorkflow && slot.followedRunId ? { followedRunId: slot.followedRunId } : {}),
      });
      rememberWorkflowOverride(target, saved.id, overrideText);
    },
    [slot, handleSlotChange, onFoldOverride, target],
  );
  const handleOpened = useCallback(
    (opened: WorkflowResponse) => {
      setForgottenId(undefined);
      const openHere = () => {
        handleSlotChange({
          workflowId: opened.id,
          overrideText: recallWorkflowOverride(target, opened.id),
        });
      };
      const specs = findWebhookSpecs(opened.workflow_definition);
      if (!specs) {
        openHere();
        setOpenProblem(
          `“${opened.name}” has no webhook source block, so its spec cannot be designed here.`,
        );
        return;
      }
      const parsed = parseWebhookSpec(specs);
      if (!parsed.success) {
        const issue = parsed.issues[0];
        openHere();
        setOpenProblem(
          `The webhook spec of “${opened.name}” cannot be read: ${issue?.message ?? 'unknown problem'}`,
        );
        return;
      }
      setOpenProblem(undefined);
      // The spec opens in a new draft, which brings back the override last typed for it.
      onLoadSpec(parsed.data, opened.name, {
        [target]: {
          workflowId: opened.id,
          overrideText: recallWorkflowOverride(target, opened.id),
        },
      });
    },
    [onLoadSpec, handleSlotChange, target],
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
              {workflowQuery.isFetching
                ? 'Loading…'
                : unreadable
                  ? `${workflowId} (not loaded)`
                  : `None saved to ${label} yet`}
            </span>
          )}
          <button
            type="button"
            className="button button--secondary"
            disabled={!connection.ready || unreadable}
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
      {unreadable && (
        <div className="runs-console__unreadable">
          <ApiErrorNotice
            error={workflowQuery.error}
            title={`Could not load the workflow open here (${workflowId}) from ${label}`}
          />
          <p className="section-hint">
            Fix what the message names, then try again. Saving is off until then: it would create a
            second workflow instead of updating this one.{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                void workflowQuery.refetch();
              }}
            >
              Try again
            </button>
          </p>
        </div>
      )}
      {openProblem !== undefined && (
        <p className="notice notice--warning" role="alert">
          {openProblem}
        </p>
      )}
      {/* One panel per target and open workflow: opening another workflow starts from a
          clean preflight, not the last one's. Override and followed run come from the draft. */}
      <RunPanel
        key={`${target}:${workflowId ?? ''}`}
        access={{
          connection,
          upstreamBase: state.upstream?.base,
          userKey: state.userKey,
          serverHasKey: state.upstream?.server_has_key ?? false,
        }}
        workflow={workflow}
        specModel={specModel}
        payloadText={payloadText}
        judge={judge}
        slot={slot}
        onSlotChange={handleSlotChange}
        kept={kept}
        onKeep={handleKeep}
        onRequestSave={handleOpenSave}
        onJudgedSpecChange={onJudgedSpecChange}
      />
      <SaveWorkflowDialog
        open={dialog === 'save'}
        onClose={() => {
          setDialog(undefined);
        }}
        connection={connection}
        targetLabel={label}
        specModel={specModel}
        overrideText={slot.overrideText}
        payloadText={payloadText}
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
