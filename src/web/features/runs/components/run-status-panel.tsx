import { useEffect, useState } from 'react';
import type { BlockLiveStatus, WorkflowLiveStatusResponse } from '@core/wire/live-status.ts';
import { isTerminalStatus } from '@core/wire/run-status.ts';
import type { WorkflowRunResponse } from '@core/wire/runs.ts';
import type { Connection } from '@web/lib/api/connection.ts';
import { useCancelRun } from '../api/cancel-run.ts';
import { useRunStatus } from '../api/get-run-status.ts';
import { ApiErrorNotice } from './api-error-notice.tsx';
import { formatDuration } from './format.ts';

/** `canceled` (upstream's cancel spelling) reads as `cancelled`; unknown words as running. */
export function normalizeStatus(status: string): string {
  if (status === 'canceled') return 'cancelled';
  return ['queued', 'running', 'completed', 'failed', 'cancelled'].includes(status)
    ? status
    : 'running';
}

function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return undefined;
    const timer = window.setInterval(() => {
      setNow(Date.now());
    }, 1000);
    return () => {
      window.clearInterval(timer);
    };
  }, [ticking]);
  return now;
}

function elapsedMs(status: WorkflowLiveStatusResponse, now: number): number | undefined {
  if (!status.started_at) return undefined;
  const start = Date.parse(status.started_at);
  const end = status.completed_at ? Date.parse(status.completed_at) : now;
  return Number.isNaN(start) || Number.isNaN(end) ? undefined : Math.max(0, end - start);
}

export type RunStatusPanelProps = {
  connection: Connection;
  runId: string;
  /** The run as the history lists it: holds status_reason and error_message. */
  listed: WorkflowRunResponse | undefined;
};

/** Live status of one run: status word, per-block progress, elapsed time, cancel. */
export function RunStatusPanel({ connection, runId, listed }: RunStatusPanelProps) {
  const status = useRunStatus(connection, runId);
  const cancel = useCancelRun(connection);
  const [cancelRequested, setCancelRequested] = useState(false);
  const data = status.data;
  // No answer yet reads as queued (a run just started is); no answer at all, as unknown: the
  // run may well have ended, and its status says so once it can be read again.
  const word = data ? normalizeStatus(data.overall_status) : status.isError ? 'unknown' : 'queued';
  const terminal = data !== undefined && isTerminalStatus(data.overall_status);
  // While the status cannot be read, what is shown is the last answer: it says so, and the
  // clock stops, rather than a run that may have ended (or a server that is gone) looking live.
  const unreadable = status.isError && !terminal;
  const now = useNow(!terminal && !unreadable);
  const cancelling = cancelRequested && !terminal;
  const elapsed = data ? elapsedMs(data, now) : undefined;
  const reason =
    word === 'failed'
      ? (listed?.status_reason ??
        listed?.error_message ??
        data?.blocks.find((block) => block.error_message)?.error_message ??
        undefined)
      : undefined;

  const handleCancel = () => {
    setCancelRequested(true);
    // A cancel that did not get through cancelled nothing: the run is cancellable again.
    cancel.mutate(runId, {
      onError: () => {
        setCancelRequested(false);
      },
    });
  };

  return (
    <div className={`run-status run-status--${word}`}>
      <div className="run-status__head">
        <div role="status" aria-label="Run status" className="run-status__word">
          <span
            className={`run-status__dot run-status__dot--${unreadable ? 'unknown' : word}`}
            aria-hidden="true"
          />
          <span className="run-status__label">
            {data === undefined && !status.isError
              ? 'Loading status…'
              : word === 'unknown'
                ? 'Status unknown'
                : word}
          </span>
          {cancelling && <span className="run-status__cancelling"> · Cancelling…</span>}
          {elapsed !== undefined && (
            <span className="run-status__elapsed"> · {formatDuration(elapsed)}</span>
          )}
          {unreadable && data !== undefined && (
            <span className="run-status__stale"> · last known, not updating</span>
          )}
        </div>
        <code className="run-status__id" title="Run id (job_id)">
          {runId}
        </code>
        {!terminal && word !== 'unknown' && (
          <button
            type="button"
            className="button button--secondary run-status__cancel"
            onClick={handleCancel}
            disabled={cancelRequested || data === undefined}
          >
            {cancelling ? 'Cancelling…' : 'Cancel run'}
          </button>
        )}
      </div>
      {status.isError && (
        <ApiErrorNotice error={status.error} title="Could not read the run's status" />
      )}
      {cancel.isError && <ApiErrorNotice error={cancel.error} title="Could not cancel the run" />}
      {reason !== undefined && (
        <div className="notice notice--error">
          <p>
            <strong>The run failed: </strong>
            {reason}
          </p>
        </div>
      )}
      {word === 'cancelled' && (
        <p className="section-hint">The run was cancelled; it has no results.</p>
      )}
      {data && data.blocks.length > 0 && (
        <ol className="run-blocks">
          {data.blocks.map((block) => (
            <BlockProgress
              key={block.block_id ?? block.sequence_number}
              block={block}
              runEnded={terminal}
            />
          ))}
        </ol>
      )}
    </div>
  );
}

/**
 * A block's state as a word that is true once the run has ended: a block the run never
 * reached did not run, and one an upstream still reports as going was stopped.
 */
export function blockStateWord(status: string, runEnded: boolean): string {
  if (!runEnded) return status;
  if (status === 'pending') return 'not run';
  if (status === 'running' || status === 'queued') return 'stopped';
  return status;
}

function BlockProgress({ block, runEnded }: { block: BlockLiveStatus; runEnded: boolean }) {
  const state = blockStateWord(block.status, runEnded);
  const total = block.total_count;
  const processed = Math.min(block.processed_count, total);
  const known = total > 0;
  const percent = known ? Math.round((processed / total) * 100) : block.progress_percentage;
  const label = `${block.block_name} progress`;
  return (
    <li className={`run-block run-block--${state.replace(' ', '-')}`}>
      <div className="run-block__line">
        <span className="run-block__name">
          {block.sequence_number}. {block.block_name}
        </span>
        <span className="run-block__state">{state}</span>
        <span className="run-block__count">{known ? `${processed} / ${total} rows` : ''}</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={known ? total : 100}
        aria-valuenow={known ? processed : Math.round(percent)}
        aria-valuetext={known ? `${processed} of ${total} rows` : `${Math.round(percent)}%`}
        className="run-block__bar"
      >
        <span
          className="run-block__fill"
          style={{ width: `${Math.min(100, Math.max(0, percent))}%` }}
        />
      </div>
      {(block.error_message ?? (runEnded ? undefined : block.current_step)) && (
        <p className="run-block__step">
          {block.error_message ?? (runEnded ? undefined : block.current_step)}
        </p>
      )}
    </li>
  );
}
