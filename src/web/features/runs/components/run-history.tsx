import { useId } from 'react';
import type { WorkflowRunResponse } from '@core/wire/runs.ts';
import { ApiErrorNotice } from './api-error-notice.tsx';
import { formatDateTime, formatDuration } from './format.ts';
import { normalizeStatus } from './run-status-panel.tsx';

const rowsOf = (run: WorkflowRunResponse): string => {
  const metrics = run.metrics ?? {};
  const rowsIn = metrics.rows_in;
  const rowsOut = metrics.rows_out;
  if (typeof rowsIn === 'number' && typeof rowsOut === 'number') return `${rowsIn} → ${rowsOut}`;
  if (typeof rowsOut === 'number') return String(rowsOut);
  return '—';
};

export type RunHistoryProps = {
  runs: WorkflowRunResponse[] | undefined;
  /** Stored runs the server could not read and left out of the list. */
  unreadable: number;
  isPending: boolean;
  error: unknown;
  activeRunId: string | undefined;
  onOpen: (run: WorkflowRunResponse) => void;
  /** Runs that can be re-run: any on the sandbox; on Sixtyfour only those this tab kept. */
  canRerun: (jobId: string) => boolean;
  /** Which runs can be re-run, and why. */
  rerunNote: string;
  onRerun: (run: WorkflowRunResponse) => void;
  rerunDisabled: boolean;
  /** Opens the run comparison; absent while fewer than two runs have results to compare. */
  onCompare: (() => void) | undefined;
};

/** The workflow's past runs, newest first, from `GET /workflows/runs?workflow_id=`. */
export function RunHistory({
  runs,
  unreadable,
  isPending,
  error,
  activeRunId,
  onOpen,
  canRerun,
  rerunNote,
  onRerun,
  rerunDisabled,
  onCompare,
}: RunHistoryProps) {
  const titleId = useId();
  const noteId = useId();
  return (
    <section className="runs-panel" aria-labelledby={titleId}>
      <div className="runs-panel__head">
        <h3 id={titleId} className="runs-panel__title">
          Run history
        </h3>
        <span className="section-hint" id={noteId}>
          {rerunNote}
        </span>
        <button
          type="button"
          className="button button--secondary"
          disabled={onCompare === undefined}
          title={onCompare === undefined ? 'Needs two finished runs with results' : undefined}
          onClick={onCompare}
        >
          Compare runs
        </button>
      </div>
      {isPending && <p className="section-hint">Loading runs…</p>}
      {error !== null && error !== undefined && (
        <ApiErrorNotice error={error} title="Could not load the run history" />
      )}
      {unreadable > 0 && (
        <p className="notice notice--warning" role="status">
          {unreadable} stored {unreadable === 1 ? 'run' : 'runs'} could not be read and{' '}
          {unreadable === 1 ? 'is' : 'are'} left out; the server log names them.
        </p>
      )}
      {runs?.length === 0 && <p className="section-hint">No runs of this workflow yet.</p>}
      {runs && runs.length > 0 && (
        <div className="runs-table-wrap runs-table-wrap--history">
          <table className="runs-table">
            <caption className="visually-hidden">Past runs, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Started</th>
                <th scope="col">Duration</th>
                <th scope="col">Rows in → out</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => {
                const word = normalizeStatus(run.status);
                const started = formatDateTime(run.started_at ?? run.queued_at ?? run.created_at);
                return (
                  <tr
                    key={run.job_id}
                    className={run.job_id === activeRunId ? 'runs-table__row--active' : undefined}
                    aria-current={run.job_id === activeRunId ? 'true' : undefined}
                  >
                    <td>
                      <span className={`run-pill run-pill--${word}`}>{word}</span>
                    </td>
                    <td>{started}</td>
                    <td>{formatDuration(run.duration_ms)}</td>
                    <td>{rowsOf(run)}</td>
                    <td className="runs-table__actions">
                      <button
                        type="button"
                        className="button button--ghost"
                        aria-label={`Open run started ${started}`}
                        onClick={() => {
                          onOpen(run);
                        }}
                      >
                        Open
                      </button>
                      {canRerun(run.job_id) && (
                        <button
                          type="button"
                          className="button button--ghost"
                          aria-label={`Re-run the payload of the run started ${started}`}
                          disabled={rerunDisabled}
                          onClick={() => {
                            onRerun(run);
                          }}
                        >
                          Re-run
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
