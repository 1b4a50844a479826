import { memo, type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import type { ColumnSummary } from '@core/judge/judgement.ts';
import type { SpecModel } from '@core/spec/webhook-spec.ts';
import type { JudgeClient } from '@web/workers/judge-client.ts';
import type { JudgedPayload } from '../hooks/use-payload-judge.ts';
import { useRowWindow } from '../hooks/use-row-window.ts';
import { indexCellFindings } from '../model/cell-findings.ts';
import { emptyPreviewText } from '../model/empty-preview.ts';
import { visibleRange } from '../model/row-window.ts';
import { type ActivateCell, PreviewRowView } from './preview-row-view.tsx';

/** Every row has this height, so the rows on screen follow from the scroll position alone. */
export const PREVIEW_ROW_HEIGHT = 30;
const OVERSCAN_ROWS = 8;
const HEAD_HEIGHT = 40;
const MAX_VIEWPORT_HEIGHT = 420;
const INDEX_WIDTH = 72;
const COLUMN_WIDTH = 168;

function ColumnHeader({ column, spec }: { column: ColumnSummary; spec: SpecModel }) {
  const declared = column.declared
    ? spec.columns.find((candidate) => candidate.name === column.name)
    : undefined;
  return (
    <div
      role="columnheader"
      className={`preview__head${column.declared ? '' : ' preview__head--advisory'}`}
      title={column.name}
    >
      <span className="preview__head-name">{column.name}</span>
      <span className="preview__head-meta">
        {declared ? `${declared.type}${declared.required ? ' · required' : ''}` : 'advisory'}
      </span>
    </div>
  );
}

const ARROWS: Readonly<Record<string, [number, number]>> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** Arrow keys move between the rendered cells; at the edge of what is rendered they scroll. */
function moveBetweenCells(event: KeyboardEvent): void {
  const step = ARROWS[event.key];
  const target = event.target;
  const container = event.currentTarget;
  if (!step || !(target instanceof HTMLElement) || target.dataset.row === undefined) return;
  const row = Number(target.dataset.row) + step[0];
  const column = Number(target.dataset.col) + step[1];
  if (!(container instanceof HTMLElement)) return;
  const next = container.querySelector<HTMLElement>(
    `[data-row="${String(row)}"][data-col="${String(column)}"]`,
  );
  if (!next) return;
  event.preventDefault();
  next.focus();
}

export type DatasetPreviewProps = {
  clientRef: RefObject<JudgeClient | undefined>;
  judged: JudgedPayload | undefined;
  spec: SpecModel;
  /** A cell was clicked or pressed: show its source in the editor. */
  onActivateCell: ActivateCell;
};

/**
 * The rows as the workflow will receive them: declared columns first, advisory columns
 * flagged, bad cells marked. Windowed: only the rows on screen exist in the DOM, fetched
 * from the worker a chunk at a time, so 100k rows scroll like 100.
 */
export const DatasetPreview = memo(function DatasetPreview({
  clientRef,
  judged,
  spec,
  onActivateCell,
}: DatasetPreviewProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ scrollTop: 0, height: MAX_VIEWPORT_HEIGHT });
  const summary = judged?.judgement.summary;
  const rowCount = summary?.rowCount ?? 0;
  const columns = summary?.columns ?? [];
  const range = visibleRange({
    scrollTop: viewport.scrollTop,
    viewportHeight: viewport.height,
    rowHeight: PREVIEW_ROW_HEIGHT,
    rowCount,
    overscan: OVERSCAN_ROWS,
  });
  const page = useRowWindow(clientRef, judged?.judgeId, rowCount, range);
  // Once per judgement, so a rendered cell finds its problem with one lookup.
  const findings = useMemo(
    () => indexCellFindings(judged?.judgement.findings ?? []),
    [judged?.judgement],
  );
  const declaredTypes = useMemo(() => {
    const types = new Map(spec.columns.map((column) => [column.name, column.type]));
    return (summary?.columns ?? []).map((column) =>
      column.declared ? types.get(column.name) : undefined,
    );
  }, [summary?.columns, spec.columns]);
  const empty = emptyPreviewText(judged?.judgement);

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(() => {
      setViewport((previous) => ({ ...previous, height: element.clientHeight }));
    });
    observer.observe(element);
    // On the scroll area, not the table: a listener keeps the table's role non-interactive.
    element.addEventListener('keydown', moveBetweenCells);
    return () => {
      observer.disconnect();
      element.removeEventListener('keydown', moveBetweenCells);
    };
  }, []);

  const advisory = columns.filter((column) => !column.declared).length;
  const width = INDEX_WIDTH + columns.length * COLUMN_WIDTH;
  const template = `${String(INDEX_WIDTH)}px repeat(${String(columns.length)}, ${String(COLUMN_WIDTH)}px)`;
  const indices: number[] = [];
  for (let index = range.start; index < range.end; index += 1) indices.push(index);

  return (
    <section className="panel payload-preview" aria-labelledby="dataset-preview-title">
      <header className="panel__header">
        <h2 className="panel__title" id="dataset-preview-title">
          Dataset preview
        </h2>
        <p className="panel__hint">
          {summary && rowCount === 0 && empty.kind === 'syntax'
            ? 'No rows: the payload has a syntax error.'
            : summary
              ? `${rowCount.toLocaleString('en-US')} ${rowCount === 1 ? 'row' : 'rows'} · ${String(columns.length)} ${columns.length === 1 ? 'column' : 'columns'}${advisory > 0 ? ` (${String(advisory)} advisory)` : ''}, as the workflow will receive them`
              : 'The rows appear here once the payload is judged.'}
        </p>
      </header>
      <div
        ref={scrollRef}
        className="preview__scroll"
        // Scrollable, so it takes focus: keyboard users scroll it with the arrow keys (axe:
        // scrollable-region-focusable).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        role="region"
        aria-label="Dataset preview rows"
        style={{
          height: Math.min(
            MAX_VIEWPORT_HEIGHT,
            HEAD_HEIGHT + Math.max(1, rowCount) * PREVIEW_ROW_HEIGHT + 2,
          ),
        }}
        onScroll={(event) => {
          const { scrollTop, clientHeight } = event.currentTarget;
          setViewport({ scrollTop, height: clientHeight });
        }}
      >
        {rowCount === 0 ? (
          <p className={`preview__empty${empty.kind === 'none' ? '' : ' preview__empty--error'}`}>
            {empty.text}
          </p>
        ) : (
          <div
            role="table"
            aria-label="Rows"
            aria-rowcount={rowCount + 1}
            aria-colcount={columns.length + 1}
            className="preview__table"
            style={{ width }}
          >
            <div
              role="row"
              aria-rowindex={1}
              className="preview__row preview__row--head"
              style={{ gridTemplateColumns: template }}
            >
              <div role="columnheader" className="preview__head preview__head--index">
                Row
              </div>
              {columns.map((column) => (
                <ColumnHeader key={column.name} column={column} spec={spec} />
              ))}
            </div>
            <div className="preview__body" style={{ height: rowCount * PREVIEW_ROW_HEIGHT }}>
              {indices.map((index) => (
                <PreviewRowView
                  key={index}
                  index={index}
                  row={
                    page && index >= page.start && index < page.end
                      ? page.rows[index - page.start]
                      : undefined
                  }
                  columnCount={columns.length}
                  columnNames={columns}
                  declaredTypes={declaredTypes}
                  findings={findings}
                  first={index === range.start}
                  template={template}
                  top={index * PREVIEW_ROW_HEIGHT}
                  onActivate={onActivateCell}
                />
              ))}
            </div>
          </div>
        )}
      </div>
    </section>
  );
});
