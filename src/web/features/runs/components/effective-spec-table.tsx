import { useId } from 'react';
import { FIELD_TYPES } from '@core/spec/field-type.ts';
import type { Column } from '@core/spec/webhook-spec.ts';
import {
  type CellChange,
  type ColumnEdit,
  droppedColumns,
  type EffectiveRow,
} from '../model/effective-columns.ts';
import { clipText } from '@web/lib/clip-text.ts';

const describeColumn = (column: Column | undefined): string =>
  column === undefined
    ? '—'
    : `${column.type}${column.required ? ', required' : ''}${column.description ? ` · ${column.description}` : ''}`;

const showOverride = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

export type EffectiveSpecTableProps = {
  rows: EffectiveRow[];
  /** Where the stored spec comes from, in a few words. */
  storedFrom: string;
  /** False while the override text cannot be read: the controls must not overwrite it. */
  canEdit: boolean;
  onEdit: (edit: ColumnEdit) => void;
  onStartFromStored: () => void;
};

/**
 * The spec this run uses, column by column: the stored spec, the override and the result,
 * each changed value marked and named (`employees.required: false → true`).
 */
export function EffectiveSpecTable({
  rows,
  storedFrom,
  canEdit,
  onEdit,
  onStartFromStored,
}: EffectiveSpecTableProps) {
  const titleId = useId();
  const dropped = droppedColumns(rows);
  return (
    <section className="effective-spec" aria-labelledby={titleId}>
      <div className="effective-spec__head">
        <h4 id={titleId} className="runs-panel__title">
          Effective spec
        </h4>
        <span className="section-hint">Stored: {storedFrom}.</span>
        <button
          type="button"
          className="button button--secondary"
          disabled={!canEdit}
          onClick={onStartFromStored}
        >
          Start from the stored spec
        </button>
      </div>
      <p className="section-hint">
        An override’s <code>input_schema</code> replaces the stored one whole (a shallow merge): a
        stored column it leaves out is not in this run. The controls below keep the others.
      </p>
      {dropped.length > 0 && (
        <p className="notice notice--warning" role="alert">
          This run drops {dropped.length === 1 ? 'the stored column' : 'the stored columns'}{' '}
          {dropped.map((name) => `“${name}”`).join(', ')}: the override’s input_schema leaves{' '}
          {dropped.length === 1 ? 'it' : 'them'} out. Restore {dropped.length === 1 ? 'it' : 'them'}{' '}
          below, or start from the stored spec.
        </p>
      )}
      <div className="effective-spec__wrap">
        <table className="runs-table effective-spec__table">
          <caption className="visually-hidden">
            The stored spec, the override and the result for this run
          </caption>
          <thead>
            <tr>
              <th scope="col">Column or key</th>
              <th scope="col">Stored</th>
              <th scope="col">Override</th>
              <th scope="col">Result</th>
              <th scope="col">For this run</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) =>
              row.kind === 'column' ? (
                <ColumnRow key={`column:${row.name}`} row={row} canEdit={canEdit} onEdit={onEdit} />
              ) : (
                <tr key={`key:${row.name}`} className="effective-spec__key-row">
                  <th scope="row">
                    <code>{row.name}</code>
                  </th>
                  <td>{row.stored === undefined ? '—' : clip(row.stored)}</td>
                  <td>{row.overridden ? clip(showOverride(row.override)) : '—'}</td>
                  <ResultCell
                    text={row.result === undefined ? '—' : clip(row.result)}
                    changes={row.changes}
                  />
                  <td />
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const clip = (text: string): string => clipText(text, 60);

function ResultCell({
  text,
  changes,
  mark,
}: {
  text: string;
  changes: CellChange[];
  mark?: 'added' | 'dropped';
}) {
  const label = mark ?? (changes.length > 0 ? 'changed' : undefined);
  return (
    <td className={label ? 'effective-spec__cell--changed' : undefined}>
      {label && <span className="runs-compare__badge">{label}</span>} {text}
      {changes.length > 0 && (
        <ul className="effective-spec__changes">
          {changes.map((change) => (
            <li key={change.path}>
              <code>
                {change.path}: {change.from} → {change.to}
              </code>
            </li>
          ))}
        </ul>
      )}
    </td>
  );
}

function ColumnRow({
  row,
  canEdit,
  onEdit,
}: {
  row: Extract<EffectiveRow, { kind: 'column' }>;
  canEdit: boolean;
  onEdit: (edit: ColumnEdit) => void;
}) {
  const { name, result } = row;
  return (
    <tr className={row.state === 'dropped' ? 'effective-spec__row--dropped' : undefined}>
      <th scope="row">
        <code>{name}</code>
      </th>
      <td>{describeColumn(row.stored)}</td>
      <td>
        {!row.overridesSchema
          ? '—'
          : row.override === undefined
            ? 'left out'
            : clip(showOverride(row.override))}
      </td>
      <ResultCell
        text={row.state === 'dropped' ? 'not in this run' : describeColumn(result)}
        changes={row.changes}
        {...(row.state === 'added' || row.state === 'dropped' ? { mark: row.state } : {})}
      />
      <td className="effective-spec__controls">
        {result ? (
          <>
            <label className="runs-form__check">
              <input
                type="checkbox"
                className="checkbox"
                aria-label={`${name}: required for this run`}
                checked={result.required}
                disabled={!canEdit}
                onChange={(event) => {
                  onEdit({ kind: 'required', name, required: event.target.checked });
                }}
              />
              required for this run
            </label>
            <select
              className="select effective-spec__type"
              aria-label={`${name}: type for this run`}
              value={result.type}
              disabled={!canEdit}
              onChange={(event) => {
                const type = FIELD_TYPES.find((candidate) => candidate === event.target.value);
                if (type) onEdit({ kind: 'type', name, type });
              }}
            >
              {FIELD_TYPES.map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button button--ghost"
              aria-label={`Remove ${name} for this run`}
              disabled={!canEdit}
              onClick={() => {
                onEdit({ kind: 'remove', name });
              }}
            >
              Remove
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button--ghost"
            aria-label={`Restore ${name} for this run`}
            disabled={!canEdit}
            onClick={() => {
              onEdit({ kind: 'restore', name });
            }}
          >
            Restore
          </button>
        )}
      </td>
    </tr>
  );
}
