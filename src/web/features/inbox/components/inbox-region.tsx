import { useId, useState } from 'react';
import { errorMessage } from '@web/lib/api/api-error.ts';
import { NO_INBOX_FILTERS, useInbox, type InboxFilters } from '../api/list-inbox.ts';
import { causesText, formatReceivedAt } from '../model/format-inbox.ts';
import { InboxEntryDetails } from './inbox-entry-details.tsx';
import { InboxFiltersBar } from './inbox-filters.tsx';
import { InboxWorkflowCell } from './inbox-workflow-cell.tsx';
import { InferFromTraffic, type TrafficInference } from './infer-from-traffic.tsx';
import type { ConsoleOverride } from '../model/replay-override.ts';
import type { InboxTarget } from '@core/wire/inbox.ts';
import './inbox.css';

const TARGET_HINTS: Record<InboxTarget, string> = {
  sandbox: 'Every POST /workflows/run the sandbox answered.',
  live: 'Every POST /workflows/run Inlet sent to Sixtyfour, with its answer.',
};

const EMPTY_TEXT: Record<InboxTarget, string> = {
  sandbox: 'No run requests to the sandbox recorded yet.',
  live: 'No run requests sent to Sixtyfour through Inlet recorded yet.',
};

/**
 * Region "Inbox" (issue 15): every run request the sandbox answered, from any client (curl,
 * a CRM, this page), newest first and refreshed every 2 s; one opens with what was sent and
 * answered, and its payload can become the sample.
 */
export function InboxRegion({
  onOpenAsSample,
  onFollowRun,
  onInferFromTraffic,
  consoleOverride,
  consoleTarget = 'sandbox',
}: {
  onOpenAsSample: (body: string) => void;
  /** A replay started a run: the run console opens its workflow and follows it. */
  onFollowRun?: (workflowId: string, jobId: string) => void;
  /** Columns inferred from a workflow's recorded rows, for the page's "Infer columns" dialog. */
  onInferFromTraffic?: (inference: TrafficInference) => void;
  /** The run console's workflow and override, which a replay may carry. */
  consoleOverride?: ConsoleOverride | undefined;
  /** Where the run console sends runs: the inbox says when it shows the other target's. */
  consoleTarget?: InboxTarget;
}) {
  const titleId = useId();
  const [filters, setFilters] = useState<InboxFilters>(NO_INBOX_FILTERS);
  const [openId, setOpenId] = useState<number | undefined>(undefined);
  const inbox = useInbox(filters);
  const entries = inbox.data?.entries;
  return (
    <section className="panel inbox" aria-labelledby={titleId}>
      <header className="panel__header">
        <h3 id={titleId} className="panel__title">
          Inbox
        </h3>
        <span className="section-hint">{TARGET_HINTS[filters.target]}</span>
      </header>
      <InboxFiltersBar filters={filters} onChange={setFilters} />
      {filters.target !== consoleTarget && (
        <p className="section-hint">
          {consoleTarget === 'live'
            ? 'The run console sends runs to Sixtyfour; these are the sandbox’s requests.'
            : 'The run console sends runs to the sandbox; these went to Sixtyfour.'}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setFilters({ ...filters, target: consoleTarget, workflowId: '' });
              setOpenId(undefined);
            }}
          >
            {consoleTarget === 'live'
              ? 'Show the requests sent to Sixtyfour'
              : 'Show the sandbox’s requests'}
          </button>
        </p>
      )}
      {onInferFromTraffic && <InferFromTraffic filters={filters} onInfer={onInferFromTraffic} />}
      {inbox.isPending && <p className="section-hint">Loading the inbox…</p>}
      {inbox.error && (
        <p className="notice notice--error" role="alert">
          Could not load the inbox: {errorMessage(inbox.error)}
        </p>
      )}
      {entries?.length === 0 && <p className="section-hint">{EMPTY_TEXT[filters.target]}</p>}
      {entries && entries.length > 0 && (
        <div className="inbox__table-wrap">
          <table className="inbox__table">
            <caption className="visually-hidden">Run requests, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Workflow</th>
                <th scope="col">Status</th>
                <th scope="col">Cause</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => {
                const time = formatReceivedAt(entry.received_at);
                return (
                  <tr
                    key={entry.id}
                    className={entry.id === openId ? 'inbox__row--open' : undefined}
                    aria-current={entry.id === openId ? 'true' : undefined}
                  >
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        aria-label={`Open request ${String(entry.id)}, ${time}`}
                        onClick={() => {
                          setOpenId(entry.id);
                        }}
                      >
                        {time}
                      </button>
                    </td>
                    <td>
                      <InboxWorkflowCell id={entry.workflow_id} name={entry.workflow_name} />
                    </td>
                    <td>
                      <span className={`inbox__status inbox__status--${entry.outcome}`}>
                        {entry.status_code}
                      </span>
                    </td>
                    <td>{causesText(entry.causes)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {openId !== undefined && (
        <InboxEntryDetails
          // A fresh editor and replay state for each request opened.
          key={openId}
          id={openId}
          onOpenAsSample={onOpenAsSample}
          {...(onFollowRun === undefined ? {} : { onFollowRun })}
          consoleOverride={consoleOverride}
          onClose={() => {
            setOpenId(undefined);
          }}
        />
      )}
    </section>
  );
}
