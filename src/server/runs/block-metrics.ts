import type { BlockLiveStatus } from '@core/wire/live-status.ts';

/** The row count a finished block reports, on top of its metrics so far. */
export const blockMetrics = (
  metrics: BlockLiveStatus['metrics'] | undefined,
  rowCount: number,
): BlockLiveStatus['metrics'] => ({
  ...(metrics ?? { row_count: 0, dataframe_type: 'LEAD' }),
  row_count: rowCount,
});
