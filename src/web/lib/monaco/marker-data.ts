import type { editor as MonacoEditor } from 'monaco-editor/editor';
import type { MonacoApi } from './load-monaco.ts';

/**
 * A finding to mark in an editor, the one marker type of every editor: offsets into the text
 * the markers were computed from (clamped to the model's), a message and a severity.
 */
export type EditorMarker = {
  startOffset: number;
  endOffset: number;
  message: string;
  severity: 'error' | 'warning' | 'info';
};

/** Monaco's marker for a finding, its offsets turned into line and column on `model`. */
export function toMarkerData(
  monaco: MonacoApi['monaco'],
  model: MonacoEditor.ITextModel,
  marker: EditorMarker,
): MonacoEditor.IMarkerData {
  const length = model.getValueLength();
  const start = model.getPositionAt(Math.min(marker.startOffset, length));
  const end = model.getPositionAt(Math.min(Math.max(marker.endOffset, marker.startOffset), length));
  const { MarkerSeverity } = monaco;
  return {
    message: marker.message,
    severity:
      marker.severity === 'error'
        ? MarkerSeverity.Error
        : marker.severity === 'warning'
          ? MarkerSeverity.Warning
          : MarkerSeverity.Info,
    startLineNumber: start.lineNumber,
    startColumn: start.column,
    endLineNumber: end.lineNumber,
    endColumn: end.column,
  };
}
