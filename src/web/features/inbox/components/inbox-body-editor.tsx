import { useId, useMemo } from 'react';
import type { InboxLocatedFinding } from '@core/wire/inbox.ts';
import { JsonEditor } from '@web/lib/monaco/json-editor.tsx';
import { useMonaco } from '@web/lib/monaco/use-monaco.ts';
import { inboxFindingsToMarkers } from '../model/findings-to-markers.ts';

export type InboxBodyEditorProps = {
  entryId: number;
  /** The body as recorded; the findings' positions are offsets into it. */
  recordedBody: string;
  findings: readonly InboxLocatedFinding[];
  /** The text to replay: the recorded body until the user edits it. */
  text: string;
  onTextChange: (text: string) => void;
};

/**
 * The recorded body in Monaco with the judge's findings marked where they are. It can be
 * edited for a replay; the markers belong to the recorded body, so they go once it is
 * edited and come back with it. Without Monaco the body is shown as plain text.
 */
export function InboxBodyEditor({
  entryId,
  recordedBody,
  findings,
  text,
  onTextChange,
}: InboxBodyEditorProps) {
  const monaco = useMonaco();
  const hintId = useId();
  const edited = text !== recordedBody;
  const markers = useMemo(
    () => (edited ? [] : inboxFindingsToMarkers(findings)),
    [edited, findings],
  );
  if (monaco.status === 'error') {
    return (
      <pre className="inbox__code" role="group" aria-label="Request body">
        {recordedBody}
      </pre>
    );
  }
  return (
    <div role="group" aria-label="Request body" aria-describedby={hintId}>
      <p id={hintId} className="section-hint">
        {edited
          ? 'Edited for a replay; the findings marked were those of the recorded body.'
          : markers.length > 0
            ? 'The findings are marked where they are in the body; edit it to replay a fix.'
            : 'Edit the body to replay a changed request.'}
      </p>
      <JsonEditor
        className="inbox__body-editor"
        modelUri={`inmemory://inlet/inbox-request-${String(entryId)}.json`}
        value={text}
        onChange={onTextChange}
        ariaLabel="Request body, JSON"
        describedBy={hintId}
        markers={markers}
      />
    </div>
  );
}
