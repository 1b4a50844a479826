import { useId, useMemo, useState } from 'react';
import {
  columnsOf,
  compareRuns,
  suggestKeyColumn,
  type ComparedRow,
  type ResultRow,
} from '@core/compare/compare-rows.ts';
import type { WorkflowRunResponse } from '@core/wire/runs.ts';
import type { Connection } from '@web/lib/api/connection.ts';
import { useDownloadLinks } from '../api/get-download-links.ts';
import { ApiErrorNotice } from './api-error-notice.tsx';
import { cellText, formatDateTime } from './format.ts';
import { normalizeStatus } from './run-status-panel.tsx';

/** Rows drawn at most; the counts always cover every row. */
const MAX_SHOWN_ROWS = 500;

const KIND_LABELS: Record<ComparedRow['kind'], string> = {
  same: 'same',
  changed: 'changed',
  added: 'added',
  removed: 'removed',
};

const runLabel = (run: WorkflowRunResponse): string =>
  `${normalizeStatus(run.status)} · ${formatDateTime(run.started_at ?? run.queued_at ?? run.created_at)} · ${run.job_id.slice(0, 8)}`;

/** Runs whose results may exist: completed ones, and failed ones that stored them. */
export const comparableRuns = (runs: readonly WorkflowRunResponse[]): WorkflowRunResponse[] =>
  runs.filter((run) => ['completed', 'failed'].includes(normalizeStatus(run.status)));

function useRunRows(connection: Connection, runId: string) {
  const links = useDownloadLinks(connection, runId, runId !== '');
  const rows: readonly ResultRow[] | undefined = links.data?.[0]?.results ?? undefined;
  const tooLarge = links.data !== undefined && rows === undefined;
  return { rows, tooLarge, error: links.error, pending: links.isPending };
}

export type RunComparisonProps = {
  connection: Connection;
  runs: readonly WorkflowRunResponse[];
  onClose: () => void;
};

/** Two runs' results side by side, rows matched by a key column, changed cells marked. */
export function RunComparison({ connection, runs, onClose }: RunComparisonProps) {
  const titleId = useId();
  const choices = comparableRuns(runs);
  const [afterId, setAfterId] = useState(choices[0]?.job_id ?? '');
  const [beforeId, setBeforeId] = useState(choices[1]?.job_id ?? '');
  const before = useRunRows(connection, beforeId);
  const after = useRunRows(connection, afterId);
  const [chosenKey, setChosenKey] = useState<string | undefined>(undefined);
  const [ignored, setIgnored] = useState<ReadonlySet<string>>(new Set());
  const columns = useMemo(
    () => (before.rows && after.rows ? columnsOf(before.rows, after.rows) : []),
    [before.rows, after.rows],
  );
  const keyColumn =
    chosenKey !== undefined && columns.includes(chosenKey)
      ? chosenKey
      : before.rows && after.rows
        ? (suggestKeyColumn(before.rows, after.rows) ?? columns[0])
        : undefined;
  const comparison = useMemo(
    () =>
      before.rows && after.rows && keyColumn !== undefined
        ? compareRuns(before.rows, after.rows, keyColumn, ignored)
        : undefined,
    [before.rows, after.rows, keyColumn, ignored],
  );
  const runSelect = (label: string, value: string, onChange: (id: string) => void) => (
    <label className="compare__field">
      <span className="field-label">{label}</span>
      <select
        className="input select"
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        {choices.map((run) => (
          <option key={run.job_id} value={run.job_id}>
            {runLabel(run)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="runs-panel compare" aria-labelledby={titleId}>
      <div className="runs-panel__head">
        <h3 id={titleId} className="runs-panel__title">
          Run comparison
        </h3>
        <button type="button" className="button button--ghost" onClick={onClose}>
          Close comparison
        </button>
      </div>
      <div className="compare__choices">
        {runSelect('Base run', beforeId, setBeforeId)}
        {runSelect('Compared run', afterId, setAfterId)}
        {columns.length > 0 && (
          <label className="compare__field">
            <span className="field-label">Match rows by</span>
            <select
              className="input select"
              value={keyColumn ?? ''}
              onChange={(event) => {
                setChosenKey(event.target.value);
              }}
            >
              {columns.map((column) => (
                <option key={column} value={column}>
                  {column}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {beforeId === afterId && (
        <p className="section-hint">Both sides are the same run: choose another to compare.</p>
      )}
      {(before.pending || after.pending) && <p className="section-hint">Loading the results…</p>}
      {before.error !== null && (
        <ApiErrorNotice error={before.error} title="Could not read the base run's results" />
      )}
      {after.error !== null && (
        <ApiErrorNotice error={after.error} title="Could not read the compared run's results" />
      )}
      {(before.tooLarge || after.tooLarge) && (
        <p className="notice notice--warning">
          The server did not send the rows inline (too many for an inline answer): download both
          runs&rsquo; results to compare them.
        </p>
      )}
      {columns.length > 0 && (
        <fieldset className="compare__ignored">
          <legend className="field-label">Ignore fields (noisy ones, like timestamps)</legend>
          {columns
            .filter((column) => column !== keyColumn)
            .map((column) => (
              <label key={column} className="runs-form__check">
                <input
                  type="checkbox"
                  className="checkbox"
                  checked={ignored.has(column)}
                  onChange={(event) => {
                    const next = new Set(ignored);
                    if (event.target.checked) next.add(column);
                    else next.delete(column);
                    setIgnored(next);
                  }}
                />
                {column}
              </label>
            ))}
        </fieldset>
      )}
      {comparison && keyColumn !== undefined && (
        <ComparisonTable comparison={comparison} keyColumn={keyColumn} />
      )}
    </section>
  );
}

function ComparisonTable({
  comparison,
  keyColumn,
}: {
  comparison: ReturnType<typeof compareRuns>;
  keyColumn: string;
}) {
  const { counts } = comparison;
  const shown = comparison.rows.slice(0, MAX_SHOWN_ROWS);
  const others = comparison.columns.filter((column) => column !== keyColumn);
  return (
    <>
      <p className="section-hint" role="status">
        {counts.changed} changed, {counts.same} the same, {counts.added} added, {counts.removed}{' '}
        removed (rows matched by {keyColumn})
        {comparison.keyless > 0 ? `; ${comparison.keyless} rows have no ${keyColumn}` : ''}.
      </p>
      {comparison.rows.length > MAX_SHOWN_ROWS && (
        <p className="section-hint">
          Showing the first {MAX_SHOWN_ROWS} of {comparison.rows.length} rows.
        </p>
      )}
      <div
        className="runs-table-wrap runs-table-wrap--results"
        // Scrollable, so it takes focus: keyboard users scroll it with the arrow keys (axe:
        // scrollable-region-focusable).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        role="group"
        aria-label="Rows of the two runs"
      >
        <table className="runs-table runs-table--results">
          <caption className="visually-hidden">Rows of the two runs</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">{keyColumn}</th>
              {others.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, index) => (
              <tr key={`${row.kind}-${row.key}-${index}`} className={`compare__row--${row.kind}`}>
                <td>
                  <span className={`run-pill compare__pill--${row.kind}`}>
                    {KIND_LABELS[row.kind]}
                  </span>
                </td>
                <th scope="row">{row.key}</th>
                {others.map((column) => (
                  <ComparisonCell key={column} row={row} column={column} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ComparisonCell({ row, column }: { row: ComparedRow; column: string }) {
  if (row.kind === 'added') return <td>{cellText(row.after[column])}</td>;
  if (row.kind === 'removed') return <td>{cellText(row.before[column])}</td>;
  const change = row.kind === 'changed' ? row.changes.find((c) => c.column === column) : undefined;
  if (change === undefined) return <td>{cellText(row.after[column])}</td>;
  return (
    <td className="compare__cell--changed" data-changed="true">
      <span className="visually-hidden">changed from </span>
      <del>{cellText(change.before)}</del>
      <span aria-hidden="true"> → </span>
      <span className="visually-hidden"> to </span>
      <ins>{cellText(change.after)}</ins>
    </td>
  );
}
