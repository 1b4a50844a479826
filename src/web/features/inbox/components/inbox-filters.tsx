import { useId } from 'react';
import {
  inboxCauseSchema,
  inboxOutcomeSchema,
  inboxTargetSchema,
  type InboxCause,
  type InboxOutcome,
  type InboxTarget,
} from '@core/wire/inbox.ts';
import type { InboxFilters } from '../api/list-inbox.ts';
import { causeLabel } from '../model/format-inbox.ts';

const isOutcome = (value: string): value is InboxOutcome =>
  inboxOutcomeSchema.safeParse(value).success;
const isCause = (value: string): value is InboxCause => inboxCauseSchema.safeParse(value).success;
const isTarget = (value: string): value is InboxTarget =>
  inboxTargetSchema.safeParse(value).success;
const TARGET_LABELS: Record<InboxTarget, string> = {
  sandbox: 'Sandbox',
  live: 'Sixtyfour, through Inlet',
};

/** Target, workflow, outcome, cause and a search in bodies. */
export function InboxFiltersBar({
  filters,
  onChange,
}: {
  filters: InboxFilters;
  onChange: (filters: InboxFilters) => void;
}) {
  const id = useId();
  return (
    <div className="inbox__filters">
      <label className="field-label" htmlFor={`${id}-target`}>
        Target
      </label>
      <select
        id={`${id}-target`}
        className="input select"
        value={filters.target}
        onChange={(event) => {
          const value = event.target.value;
          onChange({ ...filters, target: isTarget(value) ? value : 'sandbox' });
        }}
      >
        {inboxTargetSchema.options.map((target) => (
          <option key={target} value={target}>
            {TARGET_LABELS[target]}
          </option>
        ))}
      </select>
      <label className="field-label" htmlFor={`${id}-workflow`}>
        Workflow
      </label>
      <input
        id={`${id}-workflow`}
        className="input input--mono"
        value={filters.workflowId}
        placeholder="any"
        onChange={(event) => {
          onChange({ ...filters, workflowId: event.target.value });
        }}
      />
      <label className="field-label" htmlFor={`${id}-outcome`}>
        Outcome
      </label>
      <select
        id={`${id}-outcome`}
        className="input select"
        value={filters.outcome}
        onChange={(event) => {
          const value = event.target.value;
          onChange({ ...filters, outcome: isOutcome(value) ? value : '' });
        }}
      >
        <option value="">any</option>
        {inboxOutcomeSchema.options.map((outcome) => (
          <option key={outcome} value={outcome}>
            {outcome}
          </option>
        ))}
      </select>
      <label className="field-label" htmlFor={`${id}-cause`}>
        Cause
      </label>
      <select
        id={`${id}-cause`}
        className="input select"
        value={filters.cause}
        onChange={(event) => {
          const value = event.target.value;
          onChange({ ...filters, cause: isCause(value) ? value : '' });
        }}
      >
        <option value="">any</option>
        {inboxCauseSchema.options.map((cause) => (
          <option key={cause} value={cause}>
            {causeLabel(cause)}
          </option>
        ))}
      </select>
      <label className="field-label" htmlFor={`${id}-search`}>
        Search bodies
      </label>
      <input
        id={`${id}-search`}
        type="search"
        className="input"
        value={filters.search}
        onChange={(event) => {
          onChange({ ...filters, search: event.target.value });
        }}
      />
    </div>
  );
}
