import { memo } from 'react';
import type { ColumnSummary, Finding } from '@core/judge/judgement.ts';
import type { FieldType } from '@core/spec/field-type.ts';
import type { PreviewCell, PreviewRow } from '@web/workers/judge-protocol.ts';
import { cellKey, cellProblem, type CellFindings } from '../model/cell-findings.ts';

/** A cell was activated: put the cursor at its source (the finding's place when it has one). */
export type ActivateCell = (row: number, column: string | undefined, finding?: Finding) => void;

const MARKER = { error: '!', warning: '⚠', info: 'i' } as const;

type CellProps = {
  index: number;
  columnIndex: number;
  cell: PreviewCell;
  column: string;
  declaredType: FieldType | undefined;
  finding: Finding | undefined;
  /** In the Tab order: cells with a problem, and the first cell so every table is reachable. */
  tabStop: boolean;
  onActivate: ActivateCell;
};

function Cell({
  index,
  columnIndex,
  cell,
  column,
  declaredType,
  finding,
  tabStop,
  onActivate,
}: CellProps) {
  const problem = cellProblem(column, cell, declaredType, finding);
  const shown =
    cell.state === 'absent'
      ? '—'
      : cell.state === 'error' && cell.text === ''
        ? 'missing'
        : cell.text;
  const tone = problem?.severity === 'info' ? 'ok' : (problem?.severity ?? cell.state);
  return (
    <div role="cell" className={`preview__cell preview__cell--${tone}`}>
      <button
        type="button"
        className="preview__cell-button"
        data-row={index}
        data-col={columnIndex}
        tabIndex={tabStop || problem !== undefined ? 0 : -1}
        title={problem ? problem.text : cell.text}
        onClick={() => {
          onActivate(index, column, finding);
        }}
      >
        {problem && (
          <span className="preview__marker" aria-hidden="true">
            {MARKER[problem.severity]}
          </span>
        )}
        <span className="preview__value">{shown}</span>
        {problem && <span className="visually-hidden"> ({problem.text})</span>}
      </button>
    </div>
  );
}

export type PreviewRowViewProps = {
  index: number;
  /** Undefined while the row is being fetched. */
  row: PreviewRow | undefined;
  columnCount: number;
  columnNames: readonly ColumnSummary[];
  /** The spec's type per summary column (undefined: advisory). */
  declaredTypes: readonly (FieldType | undefined)[];
  /** The judgement's findings by cell, built once per judgement. */
  findings: CellFindings;
  /** The first rendered row holds the table's first Tab stop. */
  first: boolean;
  template: string;
  top: number;
  onActivate: ActivateCell;
};

/** One row of the preview, absolutely placed; cell values are text, never markup. */
export const PreviewRowView = memo(function PreviewRowView({
  index,
  row,
  columnCount,
  columnNames,
  declaredTypes,
  findings,
  first,
  template,
  top,
  onActivate,
}: PreviewRowViewProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className="preview__row"
      style={{ gridTemplateColumns: template, transform: `translateY(${String(top)}px)` }}
    >
      <div role="rowheader" className="preview__cell preview__cell--index">
        {(index + 1).toLocaleString('en-US')}
      </div>
      {row?.notObject !== undefined ? (
        <div
          role="cell"
          className="preview__cell preview__cell--error preview__cell--span"
          style={{ gridColumn: `2 / span ${String(Math.max(1, columnCount))}` }}
        >
          <button
            type="button"
            className="preview__cell-button"
            data-row={index}
            data-col={0}
            onClick={() => {
              onActivate(index, undefined);
            }}
          >
            Not an object: {row.notObject}
          </button>
        </div>
      ) : row ? (
        row.cells.map((cell, column) => {
          const name = columnNames[column]?.name ?? '';
          return (
            <Cell
              key={name === '' ? column : name}
              index={index}
              columnIndex={column}
              cell={cell}
              column={name}
              declaredType={declaredTypes[column]}
              finding={findings.get(cellKey(index, name))}
              tabStop={first && column === 0}
              onActivate={onActivate}
            />
          );
        })
      ) : (
        <div
          role="cell"
          className="preview__cell preview__cell--loading"
          style={{ gridColumn: `2 / span ${String(Math.max(1, columnCount))}` }}
        >
          …
        </div>
      )}
    </div>
  );
});
