import type { Finding } from '@core/judge/judgement.ts';
import type { EditorMarker } from '@web/lib/monaco/marker-data.ts';

/** Editor markers for the findings that point at a place in the text. */
export function findingsToMarkers(findings: readonly Finding[]): EditorMarker[] {
  const markers: EditorMarker[] = [];
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
