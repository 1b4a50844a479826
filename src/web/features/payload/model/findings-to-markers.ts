import type { Finding } from '../../../../core/judge/judgement.ts';
import type { LargeEditorMarker } from '../../../lib/monaco/large-json-editor.tsx';

/** Editor markers for the findings that point at a place in the text. */
export function findingsToMarkers(findings: readonly Finding[]): LargeEditorMarker[] {
  const markers: LargeEditorMarker[] = [];
  for (const finding of findings) {
    if (finding.offset === undefined) continue;
    markers.push({
      startOffset: finding.offset,
      // An empty range (the end of the text) still needs a character to underline.
      endOffset: finding.offset + Math.max(1, finding.length ?? 1),
      message: finding.message,
      severity: finding.severity,
    });
  }
  return markers;
}
