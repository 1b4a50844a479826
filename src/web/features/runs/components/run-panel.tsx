import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useState } from 'react';
import type { SpecModel } from '../../../../core/spec/webhook-spec.ts';
import type { RunRequestDescription } from '../../../../core/snippets/run-request.ts';
import { isTerminalStatus } from '../../../../core/wire/run-status.ts';
import type { WorkflowRunResponse } from '../../../../core/wire/runs.ts';
import type { WorkflowResponse } from '../../../../core/wire/workflow.ts';
import { Icon } from '../../../components/ui/icon.tsx';
import type { Connection, Target } from '../../../lib/api/connection.ts';
import { getRunRequestQueryOptions } from '../api/get-run-request.ts';
import { useRunStatus } from '../api/get-run-status.ts';
import { getRunsQueryOptions, useRuns } from '../api/list-runs.ts';
import { useStartRun } from '../api/start-run.ts';
import { useEffectiveSpec } from '../hooks/use-effective-spec.ts';
import { useRunShortcut } from '../hooks/use-run-shortcut.ts';
import { findingPlace, prepareRun, type Preflight, type RunBody } from '../model/prepare-run.ts';
import { ApiErrorNotice } from './api-error-notice.tsx';
import { CopyRequest } from './copy-request.tsx';
import { ResultsPanel } from './results-panel.tsx';
import { RunHistory } from './run-history.tsx';
import { normalizeStatus, RunStatusPanel } from './run-status-panel.tsx';
import { SpecsOverridePanel } from './specs-override-panel.tsx';
import type { KeptRun } from './test-run-console.tsx';

export type RunPanelProps = {
  connection: Connection;
  target: Target;
  sandboxKey: string | undefined;
  upstreamBase: string | undefined;
  userKey: string;
  serverHasKey: boolean;
  workflow: WorkflowResponse | undefined;
  specModel: SpecModel;
  payloadText: string;
  kept: ReadonlyMap<string, KeptRun>;
  onKeep: (jobId: string, run: KeptRun) => void;
  onRequestSave: () => void;
  onEffectiveSpecChange?: (model: SpecModel | undefined) => void;
};

type Rejected = Extract<Preflight, { verdict: 'rejected' }>;

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Override, fire, follow, results and history for one target. */
export function RunPanel({
  connection,
  target,
  sandboxKey,
  upstreamBase,
  userKey,
  serverHasKey,
  workflow,
  specModel,
  payloadText,
  kept,
  onKeep,
  onRequestSave,
  onEffectiveSpecChange,
}: RunPanelProps) {
  const queryClient = useQueryClient();
  const shortcutId = useId();
  const [overrideText, setOverrideText] = useState('');
  const [saveJson, setSaveJson] = useState(false);
  const [rejected, setRejected] = useState<Rejected | undefined>(undefined);
  const [activeRunId, setActiveRunId] = useState<string | undefined>(undefined);
  const [warningCount, setWarningCount] = useState(0);
  // Re-run of a run this tab did not start: its request is being read from the sandbox.
  const [rerunLoading, setRerunLoading] = useState(false);
  const [rerunError, setRerunError] = useState<unknown>(undefined);
  const start = useStartRun(connection);
  const runs = useRuns(connection, workflow?.id);
  const activeStatus = useRunStatus(connection, activeRunId);
  const { reading, effective, differsFromSaved, savedSpecs } = useEffectiveSpec(
    specModel,
    workflow,
    overrideText,
    onEffectiveSpecChange,
  );

  const statusWord = activeStatus.data
    ? normalizeStatus(activeStatus.data.overall_status)
    : undefined;
  const terminal =
    activeStatus.data !== undefined && isTerminalStatus(activeStatus.data.overall_status);
  // When a run ends, the history's row for it changes (status, duration, rows).
  useEffect(() => {
    if (terminal) {
      void queryClient.invalidateQueries({ queryKey: getRunsQueryOptions(connection).queryKey });
    }
  }, [terminal, statusWord, queryClient, connection]);

  const send = useCallback(
    (body: RunBody, json: boolean) => {
      if (!workflow) return;
      setRejected(undefined);
      setRerunError(undefined);
      start.mutate(
        { workflowId: workflow.id, saveJson: json, body, idempotencyKey: crypto.randomUUID() },
        {
          onSuccess: (started) => {
            onKeep(started.job_id, { body, saveJson: json });
            setActiveRunId(started.job_id);
          },
        },
      );
    },
    [workflow, start, onKeep],
  );

  const canRun = workflow !== undefined && connection.ready && !start.isPending;
  const handleRun = useCallback(() => {
    if (!canRun) return;
    const preflight = prepareRun(payloadText, reading, effective);
    if (preflight.verdict === 'rejected') {
      start.reset();
      setRejected(preflight);
      return;
    }
    setWarningCount(preflight.warnings.length);
    send(preflight.body, saveJson);
  }, [canRun, payloadText, reading, effective, send, saveJson, start]);
  useRunShortcut(handleRun, canRun);

  const describe = useCallback(
    (revealKey: boolean): RunRequestDescription | undefined => {
      if (!workflow) return undefined;
      const preflight = prepareRun(payloadText, reading, effective);
      const body = preflight.body?.kind === 'json' ? preflight.body.body : {};
      const base =
        target === 'sandbox'
          ? window.location.origin
          : (upstreamBase ?? 'https://api.sixtyfour.ai');
      const apiKey = target === 'sandbox' ? sandboxKey : serverHasKey ? undefined : userKey;
      return {
        url: `${base}/workflows/run`,
        query: [
          ['workflow_id', workflow.id],
          ...(saveJson ? [['save_json', 'true'] as const] : []),
        ],
        apiKey: apiKey === '' ? undefined : apiKey,
        keyPlaceholder: target === 'sandbox' ? 'YOUR_SANDBOX_API_KEY' : 'YOUR_SIXTYFOUR_API_KEY',
        revealKey,
        idempotencyKey: crypto.randomUUID(),
        body,
      };
    },
    [
      workflow,
      payloadText,
      reading,
      effective,
      target,
      upstreamBase,
      sandboxKey,
      serverHasKey,
      userKey,
      saveJson,
    ],
  );

  const activeListed = runs.data?.find((run) => run.job_id === activeRunId);
  const activeKept = activeRunId === undefined ? undefined : kept.get(activeRunId);
  const handleOpenRun = (run: WorkflowRunResponse) => {
    setActiveRunId(run.job_id);
  };
  // The sandbox keeps every run's request; Sixtyfour's API never returns a run's payload, so
  // there only runs this tab started (and kept) can be re-run.
  const sandbox = target === 'sandbox';
  const handleRerun = (run: WorkflowRunResponse) => {
    setRerunError(undefined);
    setWarningCount(0);
    const previous = kept.get(run.job_id);
    if (previous) {
      send(previous.body, previous.saveJson);
      return;
    }
    if (!sandbox) return;
    setRerunLoading(true);
    queryClient
      .query(getRunRequestQueryOptions(connection, run.job_id))
      .then(
        (request) => {
          const body = {
            webhook_payload: request.webhook_payload,
            ...(request.specs_override === null ? {} : { specs_override: request.specs_override }),
          };
          send({ kind: 'json', body }, request.save_json);
        },
        (failure: unknown) => {
          setRerunError(failure);
        },
      )
      .finally(() => {
        setRerunLoading(false);
      });
  };

  return (
    <div className="runs-body">
      <SpecsOverridePanel
        text={overrideText}
        onChange={setOverrideText}
        reading={reading}
        effective={effective}
        storedFrom={
          savedSpecs ? `saved workflow “${workflow?.name ?? ''}”` : 'the designer, not saved yet'
        }
      />
      {differsFromSaved && (
        <p className="notice notice--warning">
          The designer’s spec differs from the one saved in “{workflow?.name}”. Runs use the saved
          spec (plus the override): save the workflow to test your changes.
        </p>
      )}
      <div className="runs-fire">
        <div className="runs-fire__controls">
          <button
            type="button"
            className="button button--primary runs-fire__run"
            disabled={!canRun}
            aria-describedby={shortcutId}
            onClick={handleRun}
          >
            <Icon name="check" />
            {start.isPending ? 'Sending…' : 'Run test'}
          </button>
          <kbd
            id={shortcutId}
            className="runs-fire__kbd"
            aria-label={isMac ? 'Command Enter' : 'Control Enter'}
          >
            {isMac ? '⌘' : 'Ctrl'}+Enter
          </kbd>
          <label className="runs-form__check">
            <input
              type="checkbox"
              className="checkbox"
              checked={saveJson}
              onChange={(event) => {
                setSaveJson(event.target.checked);
              }}
            />
            Also save JSON
          </label>
          {workflow && (
            <CopyRequest
              describe={describe}
              canReveal={
                target === 'sandbox' ? sandboxKey !== undefined : !serverHasKey && userKey !== ''
              }
              revealLabel="Show the API key in copied requests"
            />
          )}
        </div>
        {!workflow && connection.ready && (
          <p className="notice notice--warning runs-fire__needs-save">
            Runs start from a workflow saved on the target.{' '}
            <button type="button" className="link-button" onClick={onRequestSave}>
              Save this spec as a workflow
            </button>{' '}
            first, or open one.
          </p>
        )}
        {rejected && (
          <div className="notice notice--error runs-preflight" role="alert">
            <p>
              <strong>Not sent. </strong>
              {rejected.message}
            </p>
            {rejected.findings.length > 0 && (
              <ul>
                {rejected.findings.map((finding, index) => (
                  // Findings of one preflight, in the judge's order.
                  <li key={index}>
                    <strong>{findingPlace(finding)}</strong>
                    {finding.pointer === '' ? (
                      ''
                    ) : (
                      <code className="runs-preflight__pointer">{finding.pointer}</code>
                    )}
                    : {finding.message}
                  </li>
                ))}
              </ul>
            )}
            <div className="runs-preflight__actions">
              {rejected.body && (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={!canRun}
                  onClick={() => {
                    if (rejected.body) send(rejected.body, saveJson);
                  }}
                >
                  Send anyway
                </button>
              )}
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setRejected(undefined);
                }}
              >
                Dismiss
              </button>
            </div>
          </div>
        )}
        {start.isError && <ApiErrorNotice error={start.error} title="The API refused the run" />}
        {rerunError !== undefined && (
          <ApiErrorNotice error={rerunError} title="Could not read the past run's request" />
        )}
        {start.isSuccess && warningCount > 0 && activeRunId === start.data.job_id && (
          <p className="section-hint">
            Sent with {warningCount} {warningCount === 1 ? 'warning' : 'warnings'} from the
            preflight (see the sample payload’s findings).
          </p>
        )}
      </div>
      {activeRunId !== undefined && (
        <RunStatusPanel
          key={`status-${activeRunId}`}
          connection={connection}
          runId={activeRunId}
          listed={activeListed}
        />
      )}
      {activeRunId !== undefined && statusWord === 'completed' && (
        <ResultsPanel
          key={`results-${activeRunId}`}
          connection={connection}
          runId={activeRunId}
          jsonSaved={activeKept?.saveJson}
          definition={workflow?.workflow_definition}
        />
      )}
      {workflow && (
        <RunHistory
          runs={runs.data}
          isPending={runs.isPending}
          error={runs.error}
          activeRunId={activeRunId}
          onOpen={handleOpenRun}
          canRerun={(jobId) => sandbox || kept.has(jobId)}
          rerunNote={
            sandbox
              ? 'Re-run sends a past run’s payload, specs override and “Also save JSON” again, as the sandbox stored them.'
              : 'Re-run needs the payload, which the API does not return: it works for runs started from this tab.'
          }
          onRerun={handleRerun}
          rerunDisabled={!canRun || rerunLoading}
        />
      )}
    </div>
  );
}
