import type { editor as MonacoEditor } from 'monaco-editor/editor';
import type { MonacoApi } from './load-monaco.ts';
import { type EditorMarker, toMarkerData } from './marker-data.ts';

type MarkerData = MonacoEditor.IMarkerData;

const MARKER_OWNER = 'inlet.judge';

const sameMarkers = (a: readonly MarkerData[], b: readonly MarkerData[]): boolean =>
  a.length === b.length &&
  a.every((marker, index) => {
    const other = b[index];
    return (
      other !== undefined &&
      marker.message === other.message &&
      marker.severity === other.severity &&
      marker.startLineNumber === other.startLineNumber &&
      marker.startColumn === other.startColumn &&
      marker.endLineNumber === other.endLineNumber &&
      marker.endColumn === other.endColumn
    );
  });

/** Puts the judge's markers on the model (offsets into its text), unless they are there already. */
export function applyMarkers(
  monaco: MonacoApi['monaco'],
  model: MonacoEditor.ITextModel,
  markers: readonly EditorMarker[],
): void {
  const next = markers.map((marker) => toMarkerData(monaco, model, marker));
  // Monaco moves markers with the text; while typing they mostly stay put, and
  // re-creating hundreds of decorations on a large model costs tens of milliseconds.
  const current = monaco.editor.getModelMarkers({ resource: model.uri, owner: MARKER_OWNER });
  if (!sameMarkers(current, next)) monaco.editor.setModelMarkers(model, MARKER_OWNER, next);
}
