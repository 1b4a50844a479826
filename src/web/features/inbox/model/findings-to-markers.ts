import type { InboxLocatedFinding } from '@core/wire/inbox.ts';
import type { EditorMarker } from '@web/lib/monaco/json-editor.tsx';

/**
 * Editor markers for the recorded findings that point at a place in the body (the server
 * located them in the kept text). Info findings carry no verdict, so they are left unmarked.
 */
export function inboxFindingsToMarkers(findings: readonly InboxLocatedFinding[]): EditorMarker[] {
  const markers: EditorMarker[] = [];
  for (const finding of findings) {
    if (finding.position === null || finding.severity === 'info') continue;
    markers.push({
      startOffset: finding.position.offset,
      // An empty range (the end of the text) still needs a character to underline.
      endOffset: finding.position.offset + Math.max(1, finding.position.length),
      message: finding.message,
      severity: finding.severity,
    });
  }
  return markers;
}
