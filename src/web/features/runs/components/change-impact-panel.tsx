import { useId, useMemo, useState } from 'react';
import {
  CHANGE_IMPACT_MAX_REQUESTS,
  type ChangeImpactRequest,
  type ImpactChange,
  type ImpactItem,
} from '@core/wire/change-impact.ts';
import type { InboxTarget } from '@core/wire/inbox.ts';
import type { Connection } from '@web/lib/api/connection.ts';
import { useDebounced } from '@web/lib/use-debounced.ts';
import { useChangeImpact, useInboxEntry } from '../api/change-impact.ts';
import { ApiErrorNotice } from './api-error-notice.tsx';
import { formatDateTime } from './format.ts';

/** The spec settles this long before it is sent to be judged (typing in the form). */
const SETTLE_MS = 400;
/** A sample larger than this is not sent along (the judge would read megabytes per change). */
const MAX_SAMPLE_CHARS = 1_000_000;

const CHANGE_TEXT: Record<ImpactChange, string> = {
  newly_refused: 'accepted → refused',
  newly_accepted: 'refused → accepted',
  new_warnings: 'new warnings',
  fewer_warnings: 'fewer warnings',
  unchanged: 'unchanged',
};

export type ChangeImpactPanelProps = {
  connection: Connection;
  /** Whose recorded requests are the evidence: the sandbox's, or those sent to Sixtyfour. */
  target: InboxTarget;
  workflowId: string;
  workflowName: string;
  /** The webhook specs as stored, and as the change would make them. */
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  /** What the change is, for the heading: "Saving the form's spec", "The override". */
  changeLabel: string;
  /** The draft's sample payload, judged as well when not too large. */
  sampleText: string;
};

/**
 * What a spec change does to the evidence: the workflow's recorded requests (the inbox's, of
 * the sandbox or of the live target through the proxy) and the draft's sample, judged against
 * the stored spec and the changed one.
 */
export function ChangeImpactPanel(props: ChangeImpactPanelProps) {
  const titleId = useId();
  const { connection, target, workflowId, before, after, sampleText } = props;
  // One object while its parts stay the same: the debounce restarts on a new one.
  const latest = useMemo<ChangeImpactRequest>(() => {
    const sample = sampleText.length <= MAX_SAMPLE_CHARS && sampleText.trim() !== '';
    return {
      workflow_id: workflowId,
      target,
      before,
      after,
      limit: CHANGE_IMPACT_MAX_REQUESTS,
      samples: sample ? [{ label: 'The sample payload', text: sampleText }] : [],
    };
  }, [workflowId, target, before, after, sampleText]);
  const request = useDebounced(latest, SETTLE_MS);
  const impact = useChangeImpact(connection, request);
  const [shown, setShown] = useState<number | undefined>(undefined);
  const counts = impact.data?.counts;
  const judged = counts ? Object.values(counts).reduce((sum, count) => sum + count, 0) : 0;
  return (
    <section className="runs-panel" aria-labelledby={titleId}>
      <div className="runs-panel__head">
        <h3 id={titleId} className="runs-panel__title">
          Change impact
        </h3>
        <span className="section-hint">
          {props.changeLabel}, against workflow {props.workflowName} as saved
        </span>
      </div>
      {impact.isPending && <p className="section-hint">Judging the recorded requests…</p>}
      {impact.isError && (
        <ApiErrorNotice error={impact.error} title="Could not check the change's impact" />
      )}
      {counts && (
        <p className="section-hint" role="status">
          {judged === 0
            ? 'No recorded requests of this workflow to judge yet'
            : `${judged} judged: ${counts.newly_refused} would now be refused, ${counts.newly_accepted} now accepted, ${counts.new_warnings} get new warnings, ${counts.fewer_warnings} fewer, ${counts.unchanged} unchanged`}
          {impact.data && impact.data.skipped > 0
            ? `; ${impact.data.skipped} not judged (no webhook_payload kept whole)`
            : ''}
          .
        </p>
      )}
      {impact.data && impact.data.items.length > 0 && (
        <ul className="impact__list">
          {impact.data.items.map((item) => (
            <ImpactRow
              key={`${item.id ?? 'sample'}-${item.label}`}
              item={item}
              expanded={item.id !== null && shown === item.id}
              onToggle={() => {
                setShown(shown === item.id || item.id === null ? undefined : item.id);
              }}
            />
          ))}
        </ul>
      )}
      {shown !== undefined && <RecordedBody connection={connection} id={shown} />}
    </section>
  );
}

function ImpactRow({
  item,
  expanded,
  onToggle,
}: {
  item: ImpactItem;
  expanded: boolean;
  onToggle: () => void;
}) {
  return (
    <li className={item.change === 'newly_refused' ? 'field-error' : 'field-warning'}>
      <strong>{item.label}</strong>
      {item.received_at !== null && ` · ${formatDateTime(item.received_at)}`}:{' '}
      {CHANGE_TEXT[item.change]}
      {item.message !== null && ` — ${item.message}`}{' '}
      {item.id !== null && (
        <button type="button" className="link-button" aria-expanded={expanded} onClick={onToggle}>
          {expanded ? 'Hide' : 'Show'} request {item.id}
        </button>
      )}
    </li>
  );
}

function RecordedBody({ connection, id }: { connection: Connection; id: number }) {
  const entry = useInboxEntry(connection, id);
  if (entry.isPending) return <p className="section-hint">Loading request {id}…</p>;
  if (entry.isError)
    return <ApiErrorNotice error={entry.error} title={`Could not read request ${id}`} />;
  return (
    <pre
      className="code-block impact__body"
      role="group"
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard (WCAG 2.1.1)
      tabIndex={0}
      aria-label={`Body of request ${id}`}
    >
      {entry.data.body ?? '(no body kept)'}
    </pre>
  );
}
