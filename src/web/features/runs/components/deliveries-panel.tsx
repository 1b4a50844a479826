import { useId, useState } from 'react';
import type { ReceiverDeliverySummary, SignatureVerdict } from '@core/wire/receiver.ts';
import type { Connection } from '@web/lib/api/connection.ts';
import { ApiErrorNotice } from './api-error-notice.tsx';
import { formatDateTime } from './format.ts';
import { useDeliveries, useDelivery } from '../api/deliveries.ts';

const SIGNATURE_TEXT: Record<SignatureVerdict, string> = {
  verified: 'Signature verified',
  'no signing secret configured':
    'Signature not checked: set INLET_WEBHOOK_SIGNING_SECRET on the server',
  'missing signature': 'Signature missing: the request had no Sixtyfour-Signature header',
  'bad signature': 'Signature bad: it does not match the body with the configured secret',
  'stale timestamp': 'Signature stale: its t= is over 5 minutes from now (a replay?)',
  'malformed signature header': 'Signature header malformed: expected t=<unix>,v1=<hex>',
};

export type DeliveriesPanelProps = {
  connection: Connection;
  workflowId: string;
  /** Follows a run in the console, as the history's "Open" does. */
  onOpenRun: (runId: string) => void;
};

/**
 * What Inlet's receiver (`/inlet/receiver/<name>`) got from this workflow's outgoing_webhook
 * blocks: live, newest first, each with its signature's verdict and the run that sent it.
 */
export function DeliveriesPanel({ connection, workflowId, onOpenRun }: DeliveriesPanelProps) {
  const titleId = useId();
  const deliveries = useDeliveries(connection);
  const [shown, setShown] = useState<number | undefined>(undefined);
  const all = deliveries.data?.deliveries ?? [];
  const mine = all.filter((delivery) => delivery.workflow_id === workflowId);
  return (
    <section className="runs-panel" aria-labelledby={titleId}>
      <div className="runs-panel__head">
        <h3 id={titleId} className="runs-panel__title">
          Deliveries
        </h3>
        <span className="section-hint">
          What Inlet&rsquo;s receiver got from this workflow&rsquo;s outgoing_webhook blocks
          {all.length > mine.length ? ` (${all.length - mine.length} more from other senders)` : ''}
          .
        </span>
      </div>
      {deliveries.isError && (
        <ApiErrorNotice error={deliveries.error} title="Could not list the deliveries" />
      )}
      {deliveries.isSuccess && mine.length === 0 && (
        <p className="section-hint">
          None yet. In Save workflow, add an outgoing_webhook block and choose &ldquo;Use
          Inlet&rsquo;s receiver&rdquo;, then run the workflow.
        </p>
      )}
      {mine.length > 0 && (
        <div className="runs-table-wrap runs-table-wrap--history">
          <table className="runs-table">
            <caption className="visually-hidden">Deliveries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Received</th>
                <th scope="col">Receiver</th>
                <th scope="col">Event</th>
                <th scope="col">Signature</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {mine.map((delivery) => (
                <DeliveryRow
                  key={delivery.id}
                  delivery={delivery}
                  onShow={() => {
                    setShown(shown === delivery.id ? undefined : delivery.id);
                  }}
                  expanded={shown === delivery.id}
                  onOpenRun={onOpenRun}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shown !== undefined && <DeliveryDetails connection={connection} id={shown} />}
    </section>
  );
}

function DeliveryRow({
  delivery,
  onShow,
  expanded,
  onOpenRun,
}: {
  delivery: ReceiverDeliverySummary;
  onShow: () => void;
  expanded: boolean;
  onOpenRun: (runId: string) => void;
}) {
  const verified = delivery.signature === 'verified';
  const runId = delivery.run_id;
  return (
    <tr>
      <td>{formatDateTime(delivery.received_at)}</td>
      <td>{delivery.name}</td>
      <td>
        {delivery.event_type ?? '—'}
        {delivery.attempt !== null && delivery.attempt > 1 ? ` (attempt ${delivery.attempt})` : ''}
      </td>
      <td>
        <span
          role="status"
          className={`run-pill run-pill--${verified ? 'completed' : 'failed'}`}
          title={SIGNATURE_TEXT[delivery.signature]}
        >
          {verified ? 'Signature verified' : SIGNATURE_TEXT[delivery.signature]}
        </span>
      </td>
      <td className="runs-table__actions">
        {runId !== null && (
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              onOpenRun(runId);
            }}
          >
            Open run {runId.slice(0, 8)}
          </button>
        )}
        <button
          type="button"
          className="button button--ghost"
          aria-expanded={expanded}
          onClick={onShow}
        >
          {expanded ? 'Hide' : 'Show'} delivery {delivery.id}
        </button>
      </td>
    </tr>
  );
}

function DeliveryDetails({ connection, id }: { connection: Connection; id: number }) {
  const delivery = useDelivery(connection, id);
  const titleId = useId();
  if (delivery.isPending) return <p className="section-hint">Loading delivery {id}…</p>;
  if (delivery.isError) {
    return <ApiErrorNotice error={delivery.error} title={`Could not read delivery ${id}`} />;
  }
  const data = delivery.data;
  return (
    <div className="deliveries__details" role="group" aria-labelledby={titleId}>
      <h4 id={titleId} className="field-label">
        Delivery {data.id} to {data.name}: {data.body_size.toLocaleString()} bytes
        {data.body_truncated ? ' (only the first 1 MiB kept)' : ''}
      </h4>
      <dl className="deliveries__headers">
        {data.headers.map((header, index) => (
          <div key={`${header.name}-${index}`}>
            <dt>{header.name}</dt>
            <dd>{header.value}</dd>
          </div>
        ))}
      </dl>
      <pre
        className="code-block"
        role="group"
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard (WCAG 2.1.1)
        tabIndex={0}
        aria-label={`Body of delivery ${data.id}`}
      >
        {prettyBody(data.body)}
      </pre>
    </div>
  );
}

/** The body as sent, indented when it is JSON (never executed: a text node). */
function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
