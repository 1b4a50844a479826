import { useId, useMemo, useState } from 'react';
import { rawCurlSnippet } from '@core/snippets/raw-curl-snippet.ts';
import type { InboxEntry } from '@core/wire/inbox.ts';
import { CopyButton } from '@web/components/ui/copy-button.tsx';
import { ApiError, errorMessage } from '@web/lib/api/api-error.ts';
import { useConnection } from '@web/lib/api/connection-context.tsx';
import { TARGET_LABELS } from '@web/lib/api/connection.ts';
import { useReplayRun } from '../api/replay-run.ts';
import { replayQuery } from '../model/replay-query.ts';
import { type ConsoleOverride, overrideChoice, replayBody } from '../model/replay-override.ts';

export type InboxReplayProps = {
  entry: InboxEntry;
  /** The body to send: the recorded one, or as edited in the body editor. */
  text: string;
  edited: boolean;
  onReset: () => void;
  /** Hands a started run to the run console to follow (it opens the workflow there). */
  onFollowRun?: (workflowId: string, jobId: string) => void;
  /** The run console's workflow and override on the current target, for "Apply the console's override". */
  consoleOverride?: ConsoleOverride | undefined;
};

/**
 * "Replay": the body (edited or not) sent as a run request to the console's target, the
 * answer shown as the server gave it; "Copy as curl" for the same request, key masked.
 */
export function InboxReplay({
  entry,
  text,
  edited,
  onReset,
  onFollowRun,
  consoleOverride,
}: InboxReplayProps) {
  const state = useConnection();
  const { connection, target } = state;
  const live = target === 'sixtyfour';
  const workflowFieldId = useId();
  const [workflowId, setWorkflowId] = useState(entry.workflow_id ?? '');
  const replay = useReplayRun(connection);
  const applyId = useId();
  const applyHintId = useId();
  // On by default; shown off (and disabled) while the override cannot apply to this replay.
  const [applyWanted, setApplyWanted] = useState(true);
  const choice = overrideChoice(consoleOverride, workflowId);
  const applying = choice.available && applyWanted;
  // Replay and "Copy as curl" send this same body.
  const applied = applying ? consoleOverride?.override : undefined;
  // Parsed once per body and override, not on every render (bodies run to 1 MiB).
  const sent = useMemo(() => replayBody(text, applied), [text, applied]);
  const cut = entry.body_truncated;
  const blocked = cut
    ? 'Only the first 1 MiB of this body was kept, so it cannot be replayed.'
    : workflowId.trim() === ''
      ? 'Enter the workflow to replay the request to.'
      : !connection.ready
        ? (state.problem ?? 'The target is not ready.')
        : undefined;

  const describeCurl = (): string => {
    const base =
      target === 'sandbox'
        ? window.location.origin
        : (state.upstream?.base ?? 'https://api.sixtyfour.ai');
    const query = replayQuery(entry.url, workflowId.trim());
    const apiKey =
      target === 'sandbox' || state.upstream?.server_has_key === true ? undefined : state.userKey;
    return rawCurlSnippet({
      url: `${base}/workflows/run`,
      query: [
        ['workflow_id', query.workflow_id],
        ...(query.save_json ? [['save_json', 'true'] as const] : []),
      ],
      apiKey: apiKey === '' ? undefined : apiKey,
      keyPlaceholder: target === 'sandbox' ? 'YOUR_SANDBOX_API_KEY' : 'YOUR_SIXTYFOUR_API_KEY',
      revealKey: false,
      idempotencyKey: crypto.randomUUID(),
      bodyText: sent.text,
    });
  };

  const started = replay.data;
  const failure = replay.error;
  return (
    <div className="inbox__replay" role="group" aria-label="Replay the request">
      <div className="inbox__replay-bar">
        <span className={`inbox__target-pill${live ? ' inbox__target-pill--live' : ''}`}>
          {live ? 'Live: Sixtyfour API' : 'Local sandbox'}
        </span>
        <label htmlFor={workflowFieldId}>Replay to workflow</label>
        <input
          id={workflowFieldId}
          className="input inbox__mono"
          value={workflowId}
          onChange={(event) => {
            setWorkflowId(event.target.value);
          }}
        />
        <button
          type="button"
          className={`button ${live ? 'button--danger' : 'button--primary'}`}
          disabled={blocked !== undefined || replay.isPending}
          onClick={() => {
            replay.mutate({
              recordedUrl: entry.url,
              workflowId: workflowId.trim(),
              bodyText: sent.text,
              idempotencyKey: crypto.randomUUID(),
            });
          }}
        >
          Replay
        </button>
        <button type="button" className="button button--ghost" disabled={!edited} onClick={onReset}>
          Reset to the recorded body
        </button>
        <CopyButton label="Copy as curl" getText={describeCurl} />
      </div>
      <div className="inbox__replay-override">
        <input
          id={applyId}
          type="checkbox"
          checked={applying}
          disabled={!choice.available}
          aria-describedby={applyHintId}
          onChange={(event) => {
            setApplyWanted(event.target.checked);
          }}
        />
        <label htmlFor={applyId}>Apply the console&apos;s override</label>
        <span id={applyHintId} className="section-hint">
          {choice.available
            ? applying
              ? (sent.note ?? '')
              : "The body is sent without the console's override."
            : choice.reason}
        </span>
      </div>
      <p className="section-hint">
        {blocked ??
          `Sends the ${edited ? 'edited' : 'recorded'} body to ${TARGET_LABELS[target]}${live ? ', the live API' : ''}. The copied x-api-key is masked.`}
      </p>
      {replay.isPending && <p className="section-hint">Replaying…</p>}
      {started && (
        <p className="notice" role="status">
          Started run <code className="inline-code">{started.job_id}</code> on{' '}
          {TARGET_LABELS[target]}
          {started.already_started ? ' (already started with this Idempotency-Key)' : ''}.{' '}
          {onFollowRun && (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                onFollowRun(started.workflow_id, started.job_id);
              }}
            >
              Follow in the run console
            </button>
          )}
        </p>
      )}
      {failure && (
        <div className="notice notice--error" role="alert">
          <p>
            Replay refused
            {failure instanceof ApiError && failure.status > 0
              ? ` (${String(failure.status)})`
              : ''}
            : {errorMessage(failure)}
          </p>
          {failure instanceof ApiError && failure.problems.length > 0 && (
            <ul aria-label="What the server said">
              {failure.problems.map((problem, index) => (
                <li key={`${String(index)}-${problem.message}`}>
                  {problem.location ? `${problem.location}: ` : ''}
                  {problem.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
