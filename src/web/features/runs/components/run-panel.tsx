import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { specModelToWebhookSpec, type SpecModel } from '@core/spec/webhook-spec.ts';
import type { WorkflowResponse } from '@core/wire/workflow.ts';
import type { RunSlot } from '@web/lib/storage/run-slot.ts';
import { useEffectiveSpec } from '../hooks/use-effective-spec.ts';
import { useFollowedRun } from '../hooks/use-followed-run.ts';
import {
  canRevealKey,
  copiedKeyHint,
  type RunAccess,
  useRequestDescription,
} from '../hooks/use-request-description.ts';
import { useRerun } from '../hooks/use-rerun.ts';
import { useRunLauncher } from '../hooks/use-run-launcher.ts';
import { useRunShortcut } from '../hooks/use-run-shortcut.ts';
import type { JudgedSpec } from '../model/judged-spec.ts';
import type { KeptRun } from '../model/kept-run.ts';
import type { RunBody, RunJudge } from '../model/prepare-run.ts';
import { describeStartFailure } from '../model/start-failure.ts';
import { ApiErrorNotice } from './api-error-notice.tsx';
import { PreflightNotice } from './preflight-notice.tsx';
import { ResultsPanel } from './results-panel.tsx';
import { RunFireBar } from './run-fire-bar.tsx';
import { SandboxEvidence } from './sandbox-evidence.tsx';
import { comparableRuns, RunComparison } from './run-comparison.tsx';
import { RunHistory } from './run-history.tsx';
import { normalizeStatus, RunStatusPanel } from './run-status-panel.tsx';
import { SpecsOverridePanel } from './specs-override-panel.tsx';

export type RunPanelProps = {
  access: RunAccess;
  workflow: WorkflowResponse | undefined;
  specModel: SpecModel;
  payloadText: string;
  /** Judges the payload for the preflight (the app gives the payload worker's). */
  judge: RunJudge;
  /** The draft's slot for this target: override text and followed run live there. */
  slot: RunSlot;
  onSlotChange: (slot: RunSlot) => void;
  kept: ReadonlyMap<string, KeptRun>;
  onKeep: (jobId: string, run: KeptRun) => void;
  onRequestSave: () => void;
  onJudgedSpecChange?: ((judged: JudgedSpec | undefined) => void) | undefined;
};

/** Override, fire, follow, results and history for one target: composes the hooks. */
export function RunPanel({
  access,
  workflow,
  specModel,
  payloadText,
  judge,
  slot,
  onSlotChange,
  kept,
  onKeep,
  onRequestSave,
  onJudgedSpecChange,
}: RunPanelProps) {
  const { connection } = access;
  const [saveJson, setSaveJson] = useState(false);
  const [comparing, setComparing] = useState(false);
  const followedRunId = slot.followedRunId;
  // A run the user just started or opened is scrolled into view: its status sits below the
  // override in the run pane, out of sight at 1280×800 (not after a reload: nothing was asked).
  const statusRef = useRef<HTMLDivElement>(null);
  const revealRef = useRef<string | undefined>(undefined);
  const follow = useCallback(
    (jobId: string) => {
      revealRef.current = jobId;
      onSlotChange({ ...slot, followedRunId: jobId });
    },
    [onSlotChange, slot],
  );
  useEffect(() => {
    if (followedRunId === undefined || revealRef.current !== followedRunId) return;
    revealRef.current = undefined;
    const calm = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    statusRef.current?.scrollIntoView({ block: 'nearest', behavior: calm ? 'auto' : 'smooth' });
  }, [followedRunId]);
  const { stored, reading, override, effective, savedSpecs, differsFromSaved } = useEffectiveSpec(
    specModel,
    workflow,
    slot.overrideText,
    onJudgedSpecChange,
  );
  // What the change impact judges against the stored spec: the form's, when saving it would
  // change the workflow; else the stored spec with the override the next run carries.
  const changedSpecs = useMemo(
    () =>
      specModelToWebhookSpec(differsFromSaved || !effective.success ? specModel : effective.model),
    [differsFromSaved, effective, specModel],
  );
  const { runs, status, listed } = useFollowedRun(connection, workflow?.id, followedRunId);
  const handleStarted = useCallback(
    (jobId: string, body: RunBody, json: boolean) => {
      onKeep(jobId, { body, saveJson: json });
      follow(jobId);
    },
    [onKeep, follow],
  );
  const launcher = useRunLauncher(connection, workflow, handleStarted, judge);
  const rerun = useRerun(connection, kept, launcher.send);
  const describe = useRequestDescription(access, workflow, payloadText, reading, saveJson);

  const canRun = workflow !== undefined && connection.ready && !launcher.start.isPending;
  const handleRun = useCallback(() => {
    if (canRun) launcher.launch(payloadText, reading, effective, saveJson);
  }, [canRun, launcher, payloadText, reading, effective, saveJson]);
  useRunShortcut(handleRun, canRun);

  const statusWord = status.data ? normalizeStatus(status.data.overall_status) : undefined;
  const { start, rejected } = launcher;
  const startFailure = start.isError ? describeStartFailure(start.error) : undefined;
  return (
    <div className="runs-body">
      <SpecsOverridePanel
        text={slot.overrideText}
        onChange={(text) => {
          onSlotChange({ ...slot, overrideText: text });
        }}
        reading={reading}
        stored={stored}
        override={override}
        effective={effective}
        storedFrom={
          savedSpecs ? `saved workflow “${workflow?.name ?? ''}”` : 'the designer, not saved yet'
        }
      />
      <div className="runs-fire">
        <RunFireBar
          canRun={canRun}
          sending={start.isPending}
          onRun={handleRun}
          saveJson={saveJson}
          onSaveJsonChange={setSaveJson}
          describe={workflow ? describe : undefined}
          canReveal={canRevealKey(access)}
          keyHint={copiedKeyHint(access)}
        />
        {/* Only when the draft names no workflow here: one it names is loading, or the
            console says why it could not be loaded. */}
        {!workflow && slot.workflowId === undefined && connection.ready && (
          <p className="notice notice--warning runs-fire__needs-save">
            Runs start from a workflow saved on the target.{' '}
            <button type="button" className="link-button" onClick={onRequestSave}>
              Save this spec as a workflow
            </button>{' '}
            first, or open one.
          </p>
        )}
        {rejected && (
          <PreflightNotice
            rejected={rejected}
            canSend={canRun}
            onSendAnyway={() => {
              if (rejected.body) launcher.send(rejected.body, saveJson);
            }}
            onDismiss={launcher.dismissRejected}
          />
        )}
        {startFailure && (
          <>
            <ApiErrorNotice error={start.error} title={startFailure.title} />
            {startFailure.next !== undefined && <p className="section-hint">{startFailure.next}</p>}
          </>
        )}
        {rerun.error !== undefined && (
          <ApiErrorNotice error={rerun.error} title="Could not read the past run's request" />
        )}
        {start.isSuccess && launcher.warningCount > 0 && followedRunId === start.data.job_id && (
          <p className="section-hint">
            Sent with {launcher.warningCount} {launcher.warningCount === 1 ? 'warning' : 'warnings'}{' '}
            from the preflight (see the sample payload’s findings).
          </p>
        )}
      </div>
      {followedRunId !== undefined && (
        <div ref={statusRef}>
          <RunStatusPanel
            key={`status-${followedRunId}`}
            connection={connection}
            runId={followedRunId}
            listed={listed}
          />
        </div>
      )}
      {followedRunId !== undefined && (statusWord === 'completed' || statusWord === 'failed') && (
        <ResultsPanel
          failedRun={statusWord === 'failed'}
          workflowName={workflow?.name}
          key={`results-${followedRunId}`}
          connection={connection}
          runId={followedRunId}
          jsonSaved={kept.get(followedRunId)?.saveJson}
          definition={workflow?.workflow_definition}
        />
      )}
      {workflow && (
        <RunHistory
          runs={runs.data?.runs}
          unreadable={runs.data?.unreadable ?? 0}
          isPending={runs.isPending}
          error={runs.error}
          activeRunId={followedRunId}
          onOpen={(run) => {
            follow(run.job_id);
          }}
          canRerun={rerun.canRerun}
          rerunNote={rerun.note}
          onRerun={(run) => {
            launcher.clearWarnings();
            rerun.rerun(run);
          }}
          rerunDisabled={!canRun || rerun.loading}
          onCompare={
            comparableRuns(runs.data?.runs ?? []).length >= 2
              ? () => {
                  setComparing(true);
                }
              : undefined
          }
        />
      )}
      {workflow && comparing && runs.data && (
        <RunComparison
          connection={connection}
          runs={runs.data.runs}
          onClose={() => {
            setComparing(false);
          }}
        />
      )}
      {workflow && connection.target === 'sandbox' && (
        <SandboxEvidence
          connection={connection}
          workflow={workflow}
          savedSpecs={savedSpecs}
          changedSpecs={differsFromSaved || override !== undefined ? changedSpecs : undefined}
          changeLabel={differsFromSaved ? "Saving the form's spec" : 'Running with the override'}
          payloadText={payloadText}
          onOpenRun={follow}
        />
      )}
    </div>
  );
}
