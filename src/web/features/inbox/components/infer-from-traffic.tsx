import { useState } from 'react';
import { inferColumns, type InferredColumn } from '@core/judge/infer-columns.ts';
import { errorMessage } from '@web/lib/api/api-error.ts';
import { type Traffic, useGatherTraffic } from '../api/gather-traffic.ts';
import type { InboxFilters } from '../api/list-inbox.ts';
import { TRAFFIC_REQUESTS_MAX } from '../model/rows-from-bodies.ts';

export type TrafficInference = {
  inferred: InferredColumn[];
  /** Where the columns come from, in one sentence for the dialog. */
  source: string;
};

const plural = (count: number, one: string, many: string): string =>
  `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

const sourceText = (workflowId: string, traffic: Traffic): string =>
  [
    `Columns proposed from ${plural(traffic.rows.length, 'row', 'rows')} of ${plural(traffic.used, 'recorded request', 'recorded requests')} to ${workflowId}`,
    traffic.skipped > 0
      ? ` (${plural(traffic.skipped, 'request', 'requests')} without readable rows left out)`
      : '',
    traffic.rowsLeftOut > 0
      ? `; ${plural(traffic.rowsLeftOut, 'row', 'rows')} past the limit left out`
      : '',
    '. Pick the ones to add and check their types; columns already in the spec stay as they are.',
  ].join('');

/**
 * "Infer from traffic": columns inferred from the rows clients really sent to a workflow
 * (the newest TRAFFIC_REQUESTS_MAX requests the filters select), handed to the page's
 * "Infer columns" dialog.
 */
export function InferFromTraffic({
  filters,
  onInfer,
}: {
  filters: InboxFilters;
  onInfer: (inference: TrafficInference) => void;
}) {
  const gather = useGatherTraffic();
  const [empty, setEmpty] = useState<string | undefined>(undefined);
  const workflowId = filters.workflowId.trim();
  return (
    <div className="inbox__traffic">
      <button
        type="button"
        className="button button--secondary"
        disabled={workflowId === '' || gather.isPending}
        onClick={() => {
          setEmpty(undefined);
          gather.mutate(filters, {
            onSuccess: (traffic) => {
              if (traffic.rows.length === 0) {
                setEmpty(
                  `None of the ${plural(traffic.requests, 'request', 'requests')} recorded for ${workflowId} holds rows to learn columns from.`,
                );
                return;
              }
              onInfer({
                inferred: inferColumns(traffic.rows),
                source: sourceText(workflowId, traffic),
              });
            },
          });
        }}
      >
        Infer from traffic
      </button>
      <span className="section-hint">
        {workflowId === ''
          ? 'Filter by a workflow to infer its columns from its traffic.'
          : gather.isPending
            ? 'Reading the recorded requests…'
            : `From the newest ${String(TRAFFIC_REQUESTS_MAX)} requests shown by the filters.`}
      </span>
      {empty && (
        <p className="section-hint" role="status">
          {empty}
        </p>
      )}
      {gather.error && (
        <p className="notice notice--error" role="alert">
          Could not read the traffic: {errorMessage(gather.error)}
        </p>
      )}
    </div>
  );
}
