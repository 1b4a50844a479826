import { useId, useState } from 'react';
import type { InboxEntry } from '@core/wire/inbox.ts';
import { errorMessage } from '@web/lib/api/api-error.ts';
import { useInboxEntry } from '../api/get-inbox-entry.ts';
import { causesText, formatReceivedAt } from '../model/format-inbox.ts';
import { InboxBodyEditor } from './inbox-body-editor.tsx';
import { InboxReplay } from './inbox-replay.tsx';
import type { ConsoleOverride } from '../model/replay-override.ts';

const sizeText = (entry: InboxEntry): string => {
  if (!entry.body_read) {
    return entry.body_size === null
      ? 'Not read: the request was answered before its body was read.'
      : `Not read: the request was answered before its body (${entry.body_size.toLocaleString('en-US')} bytes by its Content-Length) was read.`;
  }
  const size = `${(entry.body_size ?? 0).toLocaleString('en-US')} bytes, sha256 ${entry.body_sha256 ?? ''}`;
  return entry.body_truncated ? `${size}; only the first 1 MiB is kept.` : `${size}.`;
};

/** One recorded request: what was sent (headers, body), what the judge found, what was answered. */
export function InboxEntryDetails({
  id,
  onOpenAsSample,
  onFollowRun,
  onClose,
  consoleOverride,
}: {
  id: number;
  consoleOverride?: ConsoleOverride | undefined;
  onOpenAsSample: (body: string) => void;
  onFollowRun?: (workflowId: string, jobId: string) => void;
  onClose: () => void;
}) {
  const titleId = useId();
  const entry = useInboxEntry(id);
  const body = entry.data?.body ?? null;
  // The text to replay (and to open as the sample): the recorded body until edited.
  const [edited, setEdited] = useState<string | undefined>(undefined);
  const text = edited ?? body;
  return (
    <section className="inbox__details" aria-labelledby={titleId}>
      <div className="inbox__details-head">
        <h4 id={titleId} className="inbox__details-title">
          Request {String(id)}
          {entry.data &&
            ` · ${formatReceivedAt(entry.data.received_at)} · ${String(entry.data.status_code)}`}
        </h4>
        <button
          type="button"
          className="button button--secondary"
          disabled={text === null}
          onClick={() => {
            if (text !== null) onOpenAsSample(text);
          }}
        >
          Open as sample
        </button>
        <button type="button" className="button button--ghost" onClick={onClose}>
          Close request
        </button>
      </div>
      {entry.isPending && <p className="section-hint">Loading the request…</p>}
      {entry.error && (
        <p className="notice notice--error" role="alert">
          Could not load the request: {errorMessage(entry.error)}
        </p>
      )}
      {entry.data && (
        <>
          <p>
            <code className="inline-code">{entry.data.url}</code> · {entry.data.outcome} · cause:{' '}
            {causesText(entry.data.causes)}
          </p>
          <h5>Headers</h5>
          <table className="inbox__headers" aria-label="Request headers">
            <tbody>
              {entry.data.headers.map((header, index) => (
                // Headers repeat, so the index keeps them apart.
                <tr key={`${String(index)}-${header.name}`}>
                  <th scope="row">{header.name}</th>
                  <td>{header.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h5>Body</h5>
          <p className="section-hint">{sizeText(entry.data)}</p>
          {entry.data.body !== null && (
            <InboxBodyEditor
              entryId={id}
              recordedBody={entry.data.body}
              findings={entry.data.findings}
              text={text ?? entry.data.body}
              onTextChange={setEdited}
            />
          )}
          {entry.data.body !== null && (
            <InboxReplay
              entry={entry.data}
              text={text ?? entry.data.body}
              edited={text !== entry.data.body}
              onReset={() => {
                setEdited(undefined);
              }}
              {...(onFollowRun === undefined ? {} : { onFollowRun })}
              consoleOverride={consoleOverride}
            />
          )}
          {entry.data.findings.length > 0 && (
            <>
              <h5>Findings</h5>
              <ul className="inbox__findings" aria-label="Findings">
                {entry.data.findings.map((finding, index) => (
                  <li key={`${String(index)}-${finding.pointer}`}>
                    <strong>{finding.severity}</strong>
                    {finding.position &&
                      ` (line ${String(finding.position.line)}, column ${String(finding.position.column)})`}
                    : {finding.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h5>Answer</h5>
          <pre className="inbox__code" role="group" aria-label="Answer">
            {entry.data.answer}
          </pre>
        </>
      )}
    </section>
  );
}
