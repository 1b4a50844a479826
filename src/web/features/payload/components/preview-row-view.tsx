import { memo } from 'react';
import type { ColumnSummary } from '../../../../core/judge/judgement.ts';
import type { PreviewCell, PreviewRow } from '../../../workers/judge-protocol.ts';

const CELL_NOTE: Record<PreviewCell['state'], string> = {
  ok: '',
  absent: 'not in this row',
  null: 'null',
  error: 'required value missing or null',
  warning: 'wrong type for the column',
};

function Cell({ cell, column }: { cell: PreviewCell; column: string }) {
  const note = CELL_NOTE[cell.state];
  const shown =
    cell.state === 'absent'
      ? '—'
      : cell.state === 'error' && cell.text === ''
        ? 'missing'
        : cell.text;
  return (
    <div
      role="cell"
      className={`preview__cell preview__cell--${cell.state}`}
      title={note ? `${column}: ${note}` : cell.text}
    >
      {shown}
      {(cell.state === 'error' || cell.state === 'warning') && (
        <span className="visually-hidden"> ({note})</span>
      )}
    </div>
  );
}

export type PreviewRowViewProps = {
  index: number;
  /** Undefined while the row is being fetched. */
  row: PreviewRow | undefined;
  columnCount: number;
  columnNames: readonly ColumnSummary[];
  template: string;
  top: number;
};

/** One row of the preview, absolutely placed; cell values are text, never markup. */
export const PreviewRowView = memo(function PreviewRowView({
  index,
  row,
  columnCount,
  columnNames,
  template,
  top,
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
          Not an object: {row.notObject}
        </div>
      ) : row ? (
        row.cells.map((cell, column) => (
          <Cell
            key={columnNames[column]?.name ?? column}
            cell={cell}
            column={columnNames[column]?.name ?? ''}
          />
        ))
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
