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

/** Under the editor: where the cursor is, how big the payload is against the limits. */
export function EditorFooter({ cursor, loading, judged, pending }: EditorFooterProps) {
  const rows = judged?.judgement.summary.rowCount ?? 0;
  const bytes = judged?.bytes ?? 0;
  return (
    <div className="payload__footer">
      <span>
        Ln {cursor.line}, Col {cursor.column}
      </span>
      {judged && (
        <>
          <span className={bytes > MAX_BODY_BYTES ? 'payload__over' : undefined}>
            {formatBytes(bytes)} of {formatBytes(MAX_BODY_BYTES)}
          </span>
          <span className={rows > MAX_ROWS ? 'payload__over' : undefined}>
            {rows.toLocaleString('en-US')} of {MAX_ROWS.toLocaleString('en-US')} rows
          </span>
        </>
      )}
      {loading && <span>Loading into the editor…</span>}
      <span className="payload__judge-state">
        {pending
          ? 'Judging…'
          : judged
            ? `Judged in ${String(Math.max(1, Math.round(judged.durationMs)))} ms`
            : ''}
      </span>
    </div>
  );
}
