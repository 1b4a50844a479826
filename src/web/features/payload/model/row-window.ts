/** Which rows of a fixed-height list are on screen, and which to fetch around them. */
export type RowRange = { start: number; end: number };

export type ViewportMetrics = {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  rowCount: number;
  /** Rows rendered beyond each edge, so a fast scroll does not show blanks. */
  overscan: number;
};

const clamp = (value: number, low: number, high: number): number =>
  Math.min(Math.max(value, low), high);

/** Rows to render: those visible plus `overscan` on each side; `end` is exclusive. */
export function visibleRange({
  scrollTop,
  viewportHeight,
  rowHeight,
  rowCount,
  overscan,
}: ViewportMetrics): RowRange {
  if (rowCount <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight);
  return {
    start: clamp(first - overscan, 0, rowCount),
    end: clamp(last + overscan, 0, rowCount),
  };
}

/** The range to ask the worker for: `range` widened to whole chunks, so scrolling asks rarely. */
export function fetchRange(range: RowRange, chunk: number, rowCount: number): RowRange {
  if (range.end <= range.start) return { start: range.start, end: range.start };
  return {
    start: Math.floor(range.start / chunk) * chunk,
    end: Math.min(rowCount, Math.ceil(range.end / chunk) * chunk),
  };
}

/** Whether rows already loaded cover every row of `wanted`. */
export const covers = (loaded: RowRange | undefined, wanted: RowRange): boolean =>
  loaded !== undefined && loaded.start <= wanted.start && loaded.end >= wanted.end;
