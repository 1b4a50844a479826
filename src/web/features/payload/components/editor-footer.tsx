import { MAX_BODY_BYTES, MAX_ROWS } from '@core/limits.ts';
import type { JudgedPayload } from '../hooks/use-payload-judge.ts';
import { formatBytes } from '../model/summary-text.ts';

export type EditorFooterProps = {
  cursor: { line: number; column: number };
  /** A large text is still going into the editor, which is read-only until then. */
  loading: boolean;
  judged: JudgedPayload | undefined;
  pending: boolean;
};

/**
 * Under the editor: where the cursor is, how big the payload is against the limits. One line:
 * in a narrow column the limits and "Judged in" leave the screen (payload.css) but are still
 * read out, and each item's title holds its whole text, as does any value cut short.
 */
export function EditorFooter({ cursor, loading, judged, pending }: EditorFooterProps) {
  const rows = judged?.judgement.summary.rowCount ?? 0;
  const bytes = judged?.bytes ?? 0;
  const size = formatBytes(bytes);
  const sizeLimit = formatBytes(MAX_BODY_BYTES);
  const rowCount = rows.toLocaleString('en-US');
  const rowLimit = MAX_ROWS.toLocaleString('en-US');
  const judgedMs = judged ? String(Math.max(1, Math.round(judged.durationMs))) : '';
  const judgeState = pending ? 'Judging…' : judged ? `Judged in ${judgedMs} ms` : '';
  return (
    <div className="payload__footer">
      <div className="payload__footer-items">
        <span
          className="payload__footer-cursor"
          title={`Line ${cursor.line}, column ${cursor.column}`}
        >
          Ln {cursor.line}, Col {cursor.column}
        </span>
        {judged && (
          <>
            <span
              className={`payload__footer-size${bytes > MAX_BODY_BYTES ? ' payload__over' : ''}`}
              title={`${size} of ${sizeLimit}`}
            >
              {size}
              <span className="payload__footer-limit"> of {sizeLimit}</span>
            </span>
            <span
              className={rows > MAX_ROWS ? 'payload__over' : undefined}
              title={`${rowCount} of ${rowLimit} rows`}
            >
              {rowCount}
              <span className="payload__footer-limit"> of {rowLimit}</span> rows
            </span>
          </>
        )}
        {loading && (
          <span title="Loading into the editor…">
            Loading<span className="payload__footer-limit"> into the editor</span>…
          </span>
        )}
        <span className="payload__judge-state" title={judgeState || undefined}>
          {pending || !judged ? (
            judgeState
          ) : (
            <>
              <span className="payload__footer-verb">Judged in </span>
              {judgedMs} ms
            </>
          )}
        </span>
      </div>
    </div>
  );
}
