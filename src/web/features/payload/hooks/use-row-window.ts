import { type RefObject, useEffect, useState } from 'react';
import type { JudgeClient } from '@web/workers/judge-client.ts';
import type { PreviewRow } from '@web/workers/judge-protocol.ts';
import { covers, fetchRange, type RowRange } from '../model/row-window.ts';

/** Rows fetched from the worker per request; a scroll within them asks for nothing. */
const CHUNK_ROWS = 100;

export type RowPage = RowRange & { judgeId: number; rows: PreviewRow[] };

/**
 * The rows of `wanted` for the preview, fetched from the worker (which holds the parsed
 * payload). While a new window loads, the previous one stays on screen.
 */
export function useRowWindow(
  clientRef: RefObject<JudgeClient | undefined>,
  judgeId: number | undefined,
  rowCount: number,
  wanted: RowRange,
): RowPage | undefined {
  const [page, setPage] = useState<RowPage | undefined>();
  const need = fetchRange(wanted, CHUNK_ROWS, rowCount);
  const fresh = page !== undefined && page.judgeId === judgeId && covers(page, need);
  const { start, end } = need;

  useEffect(() => {
    const client = clientRef.current;
    if (fresh || judgeId === undefined || !client || end <= start) return undefined;
    let cancelled = false;
    client.rows(judgeId, start, end).then(
      (result) => {
        if (!cancelled)
          setPage({
            judgeId,
            start: result.start,
            end: result.start + result.rows.length,
            rows: result.rows,
          });
      },
      () => {
        // A stale request (the text changed meanwhile): the next judgement asks again.
      },
    );
    return () => {
      cancelled = true;
    };
  }, [clientRef, fresh, judgeId, start, end]);

  return page;
}
