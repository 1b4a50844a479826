import type { ImportResult } from '../hooks/use-payload-import.ts';

/** What the last import did: the file's format, and any cells converted from text. */
export function ImportNotes({
  result,
  onDismiss,
}: {
  result: ImportResult | undefined;
  onDismiss: () => void;
}) {
  if (!result) return null;
  return (
    <div
      className={`notice ${result.ok ? 'notice--info' : 'notice--error'} payload__notice`}
      role={result.ok ? 'status' : 'alert'}
      aria-label="Import result"
    >
      <div className="payload__notice-text">
        <p>{result.headline}</p>
        {result.notes.length > 0 && (
          <ul>
            {result.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" className="link-button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
