import { useRef } from 'react';
import { Icon } from '@web/components/ui/icon.tsx';

export const IMPORT_ACCEPT = '.json,.ndjson,.jsonl,.csv,application/json,text/csv';

/** "Import payload": a visible button that opens the browser's file picker. */
export function ImportPayloadButton({
  onFile,
  busy,
}: {
  onFile: (file: File) => void;
  busy: boolean;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        disabled={busy}
        onClick={() => {
          inputRef.current?.click();
        }}
      >
        <Icon name="upload" />
        {busy ? (
          'Importing…'
        ) : (
          // Shown as "Import" so the payload header fits one line; named "Import payload".
          <>
            Import<span className="visually-hidden"> payload</span>
          </>
        )}
      </button>
      <input
        ref={inputRef}
        type="file"
        accept={IMPORT_ACCEPT}
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // Clear it, so choosing the same file again is a change too.
          event.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
