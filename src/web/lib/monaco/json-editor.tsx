import type { editor as MonacoEditor } from 'monaco-editor/editor';
import { useEffect, useRef } from 'react';
import { BASE_EDITOR_OPTIONS, EditorFallback } from './editor-base.tsx';
import { type EditorMarker, toMarkerData } from './marker-data.ts';
import { useEditorDescribedBy } from './use-editor-described-by.ts';
import { useMonaco } from './use-monaco.ts';

export type { EditorMarker } from './marker-data.ts';

export type JsonEditorProps = {
  /** Identifies the model; one editor per URI at a time (e.g. `inmemory://inlet/spec.json`). */
  modelUri: string;
  /**
   * The text to show. When it differs from the editor's text (a change made elsewhere, such
   * as the form), the difference is applied as an edit: cursor, scroll and undo survive.
   * Pass back what `onChange` gave you while the user types, so nothing is rewritten.
   */
  value: string;
  onChange?: (text: string) => void;
  ariaLabel: string;
  /** Id of an element describing the editor's state (errors), for screen readers. */
  describedBy?: string;
  /** Validation and completion for this model. */
  schema?: { uri: string; schema: Record<string, unknown> };
  markers?: readonly EditorMarker[];
  /** Short editors inside a form wrap lines and hide the gutter. */
  compact?: boolean;
  /** Shown while the editor is empty. */
  placeholder?: string;
  className?: string;
};

const MARKER_OWNER = 'inlet';

/** A JSON editor on Monaco, loaded lazily; until it loads a quiet placeholder holds its place. */
export function JsonEditor({
  modelUri,
  value,
  onChange,
  ariaLabel,
  describedBy,
  schema,
  markers,
  compact = false,
  placeholder,
  className,
}: JsonEditorProps) {
  const monacoState = useMonaco();
  const api = monacoState.status === 'ready' ? monacoState.api : undefined;
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<MonacoEditor.IStandaloneCodeEditor | undefined>(undefined);
  const applyingRef = useRef(false);
  // Texts handed to onChange that the parent has not echoed back as `value` yet. Keys arrive
  // faster than React renders, so an echo can be older than the model's text; it must not be
  // applied, or typed characters vanish.
  const echoesRef = useRef<string[]>([]);
  const latest = useRef({ value, onChange, schema, ariaLabel, compact, placeholder });
  useEffect(() => {
    latest.current = { value, onChange, schema, ariaLabel, compact, placeholder };
  });

  // Create the model and editor once Monaco is there; dispose both (and listeners) on unmount.
  useEffect(() => {
    const host = hostRef.current;
    if (!api || !host) return undefined;
    const { monaco } = api;
    const {
      value: initial,
      schema: initialSchema,
      ariaLabel: label,
      compact: small,
      placeholder: hint,
    } = latest.current;
    const uri = monaco.Uri.parse(modelUri);
    if (initialSchema) {
      api.registerJsonSchema({
        uri: initialSchema.uri,
        fileMatch: [uri.toString()],
        schema: initialSchema.schema,
      });
    }
    // A model left behind under this URI (fast remounts) would make createModel throw.
    monaco.editor.getModel(uri)?.dispose();
    const model = monaco.editor.createModel(initial, 'json', uri);
    const editor = monaco.editor.create(host, {
      ...BASE_EDITOR_OPTIONS,
      model,
      theme: api.currentTheme(),
      ariaLabel: label,
      ...(hint === undefined ? {} : { placeholder: hint }),
      // 'advanced' re-indents typed multi-line text through a path that throws "Token length
      // and text length do not match" on JSON in 0.57; bracket-based indenting is all JSON needs.
      autoIndent: 'brackets',
      overviewRulerLanes: 0,
      hideCursorInOverviewRuler: true,
      ...(small
        ? {
            lineNumbers: 'off',
            folding: false,
            glyphMargin: false,
            lineDecorationsWidth: 8,
            wordWrap: 'on',
          }
        : { lineNumbersMinChars: 3 }),
    });
    editorRef.current = editor;
    const contentListener = model.onDidChangeContent(() => {
      if (applyingRef.current) return;
      const text = model.getValue();
      echoesRef.current.push(text);
      if (echoesRef.current.length > 100) echoesRef.current.shift();
      latest.current.onChange?.(text);
    });
    return () => {
      contentListener.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = undefined;
    };
  }, [api, modelUri]);

  useEditorDescribedBy(editorRef, api, describedBy);

  // Apply outside changes as a minimal edit, so the cursor stays where the user left it.
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    const echo = echoesRef.current.lastIndexOf(value);
    if (echo >= 0) {
      echoesRef.current.splice(0, echo + 1);
      return;
    }
    const current = model.getValue();
    if (current === value) return;
    echoesRef.current = [];
    let start = 0;
    const maxStart = Math.min(current.length, value.length);
    while (start < maxStart && current.charCodeAt(start) === value.charCodeAt(start)) start += 1;
    let endCurrent = current.length;
    let endNext = value.length;
    while (
      endCurrent > start &&
      endNext > start &&
      current.charCodeAt(endCurrent - 1) === value.charCodeAt(endNext - 1)
    ) {
      endCurrent -= 1;
      endNext -= 1;
    }
    const from = model.getPositionAt(start);
    const to = model.getPositionAt(endCurrent);
    applyingRef.current = true;
    try {
      editor.pushUndoStop();
      editor.executeEdits('inlet.sync', [
        {
          range: {
            startLineNumber: from.lineNumber,
            startColumn: from.column,
            endLineNumber: to.lineNumber,
            endColumn: to.column,
          },
          text: value.slice(start, endNext),
        },
      ]);
      editor.pushUndoStop();
    } finally {
      applyingRef.current = false;
    }
  }, [api, value]);

  // The app's own findings (Monaco's JSON service adds syntax and schema markers itself).
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!api || !model) return;
    api.monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      (markers ?? []).map((marker) => toMarkerData(api.monaco, model, marker)),
    );
  }, [api, markers, value]);

  return (
    <div
      className={['json-editor', compact ? 'json-editor--compact' : '', className ?? ''].join(' ')}
    >
      <div ref={hostRef} className="json-editor__host" />
      <EditorFallback state={monacoState} />
    </div>
  );
}
