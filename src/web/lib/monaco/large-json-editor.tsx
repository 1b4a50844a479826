import type { editor as MonacoEditor, IDisposable } from 'monaco-editor/editor';
import { type Ref, useEffect, useImperativeHandle, useRef } from 'react';
import type { EditorMarker } from './json-editor.tsx';
import { registerPayloadJsonLanguage } from './payload-json-language.ts';
import { useEditorDescribedBy } from './use-editor-described-by.ts';
import { useMonaco } from './use-monaco.ts';

export type MarkerSeverityName = EditorMarker['severity'] | 'info';
export type LargeEditorMarker = Omit<EditorMarker, 'severity'> & { severity: MarkerSeverityName };

/** What the owner of a large editor can do with it; the text is never held in React state. */
export type LargeJsonEditorHandle = {
  /** The current text and its version (a counter that grows with every change). */
  snapshot: () => { text: string; version: number };
  /** Replaces the whole text (an import, a load); large texts get a fresh model. */
  replaceText: (text: string) => void;
  /** Shows markers computed from the text of `version`; ignored when the text moved on. */
  setMarkers: (version: number, markers: readonly LargeEditorMarker[]) => boolean;
  /** Reveals and selects a range of the text and puts the keyboard in the editor. */
  selectRange: (startOffset: number, endOffset: number) => void;
};

export type LargeJsonEditorProps = {
  ref?: Ref<LargeJsonEditorHandle>;
  modelUri: string;
  /** Read when the editor is created; later texts go through `replaceText`. */
  initialText: string;
  ariaLabel: string;
  describedBy?: string;
  /** Called on every change, cheaply: read the text with `snapshot` when you need it. */
  onContentChange?: (version: number) => void;
  onCursorChange?: (position: { line: number; column: number }) => void;
  className?: string;
};

/**
 * Above this many characters a replaced text gets a new model instead of an edit: Monaco
 * picks its large-file mode only when a model is created, and setValue on an existing model
 * blocks for seconds at 32 MB (PERF.md). The undo history of the old text goes with it.
 */
export const BIG_TEXT_CHARS = 1_000_000;

const MARKER_OWNER = 'inlet.judge';

/** Above this many lines the editor does not offer folding (see `attach`). */
export const FOLDING_MAX_LINES = 20_000;

type MarkerData = MonacoEditor.IMarkerData;

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

/**
 * A JSON editor for payloads of any size: uncontrolled (the text lives in the Monaco model,
 * read on demand), without Monaco's JSON validation, with markers supplied by the caller.
 */
export function LargeJsonEditor({
  ref,
  modelUri,
  initialText,
  ariaLabel,
  describedBy,
  onContentChange,
  onCursorChange,
  className,
}: LargeJsonEditorProps) {
  const monacoState = useMonaco();
  const api = monacoState.status === 'ready' ? monacoState.api : undefined;
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<MonacoEditor.IStandaloneCodeEditor | undefined>(undefined);
  const versionRef = useRef(0);
  /** Text to show once the editor exists (set before Monaco has loaded). */
  const pendingTextRef = useRef(initialText);
  const attachRef = useRef<((model: MonacoEditor.ITextModel) => void) | undefined>(undefined);
  const latest = useRef({ onContentChange, onCursorChange, ariaLabel });
  useEffect(() => {
    latest.current = { onContentChange, onCursorChange, ariaLabel };
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!api || !host) return undefined;
    const { monaco } = api;
    const language = registerPayloadJsonLanguage(monaco);
    const uri = monaco.Uri.parse(modelUri);
    monaco.editor.getModel(uri)?.dispose();
    const editor = monaco.editor.create(host, {
      model: null,
      theme: api.currentTheme(),
      ariaLabel: latest.current.ariaLabel,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      lineHeight: 20,
      tabSize: 2,
      insertSpaces: true,
      // Tab moves focus, so keyboard users are never trapped in the editor (Ctrl+M toggles).
      tabFocusMode: true,
      fixedOverflowWidgets: true,
      renderLineHighlight: 'line',
      lineNumbersMinChars: 4,
      // Features that walk the whole text after every edit on the main thread, or ask the
      // editor worker to: not worth it on a payload of 100k rows.
      links: false,
      occurrencesHighlight: 'off',
      selectionHighlight: false,
      wordBasedSuggestions: 'off',
      quickSuggestions: false,
      unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: false },
      scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
      padding: { top: 8, bottom: 8 },
    });
    editorRef.current = editor;

    let contentListener: IDisposable | undefined;
    const attach = (model: MonacoEditor.ITextModel): void => {
      contentListener?.dispose();
      // Indentation folding re-reads every line after each edit, on the main thread.
      editor.updateOptions({ folding: model.getLineCount() <= FOLDING_MAX_LINES });
      editor.setModel(model);
      contentListener = model.onDidChangeContent(() => {
        versionRef.current += 1;
        latest.current.onContentChange?.(versionRef.current);
      });
    };
    attachRef.current = attach;
    attach(monaco.editor.createModel(pendingTextRef.current, language, uri));
    versionRef.current += 1;
    latest.current.onContentChange?.(versionRef.current);

    const cursorListener = editor.onDidChangeCursorPosition((event) => {
      latest.current.onCursorChange?.({
        line: event.position.lineNumber,
        column: event.position.column,
      });
    });
    return () => {
      cursorListener.dispose();
      contentListener?.dispose();
      const model = editor.getModel();
      editor.dispose();
      model?.dispose();
      editorRef.current = undefined;
      attachRef.current = undefined;
    };
  }, [api, modelUri]);

  useEditorDescribedBy(editorRef, api, describedBy);

  useImperativeHandle(
    ref,
    (): LargeJsonEditorHandle => ({
      snapshot: () => {
        const model = editorRef.current?.getModel();
        return {
          text: model ? model.getValue() : pendingTextRef.current,
          version: versionRef.current,
        };
      },
      replaceText: (text) => {
        const editor = editorRef.current;
        const model = editor?.getModel();
        const attach = attachRef.current;
        if (!api || !editor || !model || !attach) {
          pendingTextRef.current = text;
          versionRef.current += 1;
          latest.current.onContentChange?.(versionRef.current);
          return;
        }
        if (text.length > BIG_TEXT_CHARS || model.getValueLength() > BIG_TEXT_CHARS) {
          const uri = model.uri;
          const language = model.getLanguageId();
          editor.setModel(null);
          model.dispose();
          attach(api.monaco.editor.createModel(text, language, uri));
          versionRef.current += 1;
          latest.current.onContentChange?.(versionRef.current);
        } else {
          // An edit, not setValue: the replacement can be undone.
          editor.pushUndoStop();
          editor.executeEdits('inlet.replace', [{ range: model.getFullModelRange(), text }]);
          editor.pushUndoStop();
        }
        editor.setScrollTop(0);
        editor.setPosition({ lineNumber: 1, column: 1 });
      },
      setMarkers: (version, markers) => {
        const model = editorRef.current?.getModel();
        if (!api || !model || version !== versionRef.current) return false;
        const { MarkerSeverity } = api.monaco;
        const length = model.getValueLength();
        const next = markers.map((marker): MarkerData => {
          const start = model.getPositionAt(Math.min(marker.startOffset, length));
          const end = model.getPositionAt(
            Math.min(Math.max(marker.endOffset, marker.startOffset), length),
          );
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
        });
        // Monaco moves markers with the text; while typing they mostly stay put, and
        // re-creating hundreds of decorations on a large model costs tens of milliseconds.
        const current = api.monaco.editor.getModelMarkers({
          resource: model.uri,
          owner: MARKER_OWNER,
        });
        if (!sameMarkers(current, next))
          api.monaco.editor.setModelMarkers(model, MARKER_OWNER, next);
        return true;
      },
      selectRange: (startOffset, endOffset) => {
        const editor = editorRef.current;
        const model = editor?.getModel();
        if (!editor || !model) return;
        const start = model.getPositionAt(startOffset);
        const end = model.getPositionAt(Math.max(startOffset, endOffset));
        // Selected from its end back to its start, so the cursor sits where the range begins.
        editor.setSelection({
          selectionStartLineNumber: end.lineNumber,
          selectionStartColumn: end.column,
          positionLineNumber: start.lineNumber,
          positionColumn: start.column,
        });
        editor.revealRangeInCenterIfOutsideViewport({
          startLineNumber: start.lineNumber,
          startColumn: start.column,
          endLineNumber: end.lineNumber,
          endColumn: end.column,
        });
        editor.focus();
      },
    }),
    [api],
  );

  return (
    <div className={['json-editor', className ?? ''].join(' ')}>
      <div ref={hostRef} className="json-editor__host" />
      {monacoState.status !== 'ready' && (
        <div className="json-editor__fallback">
          {monacoState.status === 'loading'
            ? 'Loading editor…'
            : `The editor could not load (${monacoState.message}). Reload the page to try again.`}
        </div>
      )}
    </div>
  );
}
