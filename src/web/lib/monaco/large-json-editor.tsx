import type { editor as MonacoEditor, IDisposable } from 'monaco-editor/editor';
import { type Ref, useEffect, useImperativeHandle, useRef } from 'react';
import { loadModelInSlices, type SliceLoad } from './load-model-in-slices.ts';
import type { EditorMarker } from './marker-data.ts';
import { BASE_EDITOR_OPTIONS, EditorFallback } from './editor-base.tsx';
import { applyMarkers } from './judge-markers.ts';
import { bracketColours, optionsForLines } from './large-editor-options.ts';
import {
  type OffsetEdit,
  type QuickFix,
  registerQuickFixes,
  toEditOperation,
} from './quick-fix-provider.ts';
import { registerPayloadJsonLanguage } from './payload-json-language.ts';
import { useEditorDescribedBy } from './use-editor-described-by.ts';
import { useMonaco } from './use-monaco.ts';

/** What the owner of a large editor can do with it; the text is never held in React state. */
export type LargeJsonEditorHandle = {
  /** The current text and its version (a counter that grows with every change). */
  snapshot: () => { text: string; version: number };
  /** The current text's length and version, without reading the text. */
  textLength: () => { length: number; version: number };
  /**
   * Replaces the whole text (an import, a load). Large texts get a fresh model, filled a
   * slice per task; meanwhile the editor is read-only and `snapshot` gives the whole text.
   */
  replaceText: (text: string) => void;
  /**
   * Shows markers computed from the text of `version`; ignored when the text moved on.
   * Markers for a text still loading into the editor are shown once it has loaded. Returns
   * whether they are on the editor now.
   */
  setMarkers: (version: number, markers: readonly EditorMarker[]) => boolean;
  /** Reveals and selects a range of the text and puts the keyboard in the editor. */
  selectRange: (startOffset: number, endOffset: number) => void;
  /** The text of a range of the current model ('' before the editor exists). */
  readRange: (offset: number, length: number) => string;
  /** Puts the cursor at an offset (nothing selected), reveals it and focuses the editor. */
  placeCursor: (offset: number) => void;
  /**
   * Applies edits made against the text of `version` as one undoable operation; false (and
   * nothing changed) when the text moved on since.
   */
  applyEdits: (version: number, edits: readonly OffsetEdit[]) => boolean;
};

export type { OffsetEdit, QuickFix } from './quick-fix-provider.ts';

export type LargeJsonEditorProps = {
  ref?: Ref<LargeJsonEditorHandle>;
  modelUri: string;
  /** Read when the editor is created; later texts go through `replaceText`. */
  initialText: string;
  ariaLabel: string;
  describedBy?: string;
  /**
   * Called on every change, cheaply: read the text with `snapshot` when you need it.
   * `wholeText`: the change replaced everything there was (select all, then paste or delete).
   * `edits`: the change as one replacement in the text before it, when it was one (typing,
   * a paste, an undo); absent when the text was replaced as a whole or in several places.
   */
  onContentChange?: (
    version: number,
    change: { wholeText: boolean; edits?: readonly OffsetEdit[] },
  ) => void;
  onCursorChange?: (position: { line: number; column: number }) => void;
  /** True while a large text is being put into the editor (it is read-only meanwhile). */
  onLoadingChange?: (loading: boolean) => void;
  /** The quick fixes for a range of the current text (from the judge's findings there). */
  quickFixes?: (startOffset: number, endOffset: number) => readonly QuickFix[];
  className?: string;
};

/**
 * Above this many characters a replaced text gets a new model, loaded a slice per task (see
 * load-model-in-slices.ts), instead of one edit: at 2,500 rows (0.8 MB) one edit took a
 * task of 58–78 ms of CPU, the slices at most 23–31 ms; Monaco picks its large-file mode
 * only when a model is created, and setValue on an existing model blocks for seconds at
 * 32 MB (17 s until markers, 8.5 s of main-thread blocking). The undo history of the old text goes with it.
 */
export const BIG_TEXT_CHARS = 256 * 1024;

type LoadingText = {
  text: string;
  slices: SliceLoad;
  /** The newest markers for the text, kept until it is all in the editor. */
  markers: { version: number; markers: readonly EditorMarker[] } | undefined;
};

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
  onLoadingChange,
  quickFixes,
  className,
}: LargeJsonEditorProps) {
  const monacoState = useMonaco();
  const api = monacoState.status === 'ready' ? monacoState.api : undefined;
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<MonacoEditor.IStandaloneCodeEditor | undefined>(undefined);
  const versionRef = useRef(0);
  /** Text to show once the editor exists (set before Monaco has loaded). */
  const pendingTextRef = useRef(initialText);
  /** Puts a text in a fresh model, a slice per task (set while the editor exists). */
  const loadRef = useRef<((text: string) => void) | undefined>(undefined);
  /** The text being loaded into the editor, and markers that arrived for it meanwhile. */
  const loadingRef = useRef<LoadingText | undefined>(undefined);
  const latest = useRef({
    onContentChange,
    onCursorChange,
    onLoadingChange,
    ariaLabel,
    quickFixes,
  });
  useEffect(() => {
    latest.current = { onContentChange, onCursorChange, onLoadingChange, ariaLabel, quickFixes };
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!api || !host) return undefined;
    const { monaco } = api;
    const language = registerPayloadJsonLanguage(monaco);
    const uri = monaco.Uri.parse(modelUri);
    monaco.editor.getModel(uri)?.dispose();
    const editor = monaco.editor.create(host, {
      ...BASE_EDITOR_OPTIONS,
      model: null,
      theme: api.currentTheme(),
      ariaLabel: latest.current.ariaLabel,
      lineNumbersMinChars: 4,
      readOnlyMessage: { value: 'The payload is still loading into the editor.' },
      // Features that walk the whole text after every edit on the main thread, or ask the
      // editor worker to: not worth it on a payload of 100k rows.
      links: false,
      // The default color provider has the whole text copied to Monaco's editor worker
      // (models under 50 MB are synced): one task of 370–470 ms (under the profiler) when a
      // 29 MB payload was attached.
      colorDecorators: false,
      occurrencesHighlight: 'off',
      selectionHighlight: false,
      wordBasedSuggestions: 'off',
      quickSuggestions: false,
      unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: false },
    });
    editorRef.current = editor;

    let contentListener: IDisposable | undefined;
    const listen = (model: MonacoEditor.ITextModel): void => {
      contentListener?.dispose();
      contentListener = model.onDidChangeContent((event) => {
        // The slices of a loading text are one change, announced when it began.
        if (loadingRef.current) return;
        versionRef.current += 1;
        const only = event.changes.length === 1 ? event.changes[0] : undefined;
        // O(1): one change from the start whose text is now all the model holds.
        const wholeText =
          only !== undefined &&
          only.rangeOffset === 0 &&
          only.text.length === model.getValueLength();
        latest.current.onContentChange?.(
          versionRef.current,
          only === undefined
            ? { wholeText }
            : {
                wholeText,
                edits: [{ offset: only.rangeOffset, length: only.rangeLength, text: only.text }],
              },
        );
      });
    };

    // Changing the editor's options re-validates them all and writes them into the
    // configuration all standalone editors share: skip it when they stay the same.
    let appliedOptions = '';
    const setOptions = (options: MonacoEditor.IEditorOptions): void => {
      const key = JSON.stringify(options);
      if (key === appliedOptions) return;
      appliedOptions = key;
      editor.updateOptions(options);
    };

    const load = (text: string): void => {
      const wasLoading = loadingRef.current !== undefined;
      loadingRef.current?.slices.cancel();
      loadingRef.current = undefined;
      const previous = editor.getModel();
      editor.setModel(null);
      previous?.dispose();
      const loading: LoadingText = {
        text,
        slices: { cancel: () => undefined },
        markers: undefined,
      };
      loading.slices = loadModelInSlices({
        text,
        createModel: (first) => monaco.editor.createModel(first, language, uri),
        onStart: (model, complete) => {
          // Read-only until the whole text is in: an edit meanwhile would be lost to the
          // judge, which has the whole text already. Meanwhile the editor goes without the
          // per-line features, so the slices do not feed them.
          setOptions({
            ...optionsForLines(complete ? model.getLineCount() : Number.POSITIVE_INFINITY),
            readOnly: !complete,
          });
          model.updateOptions({ bracketColorizationOptions: bracketColours(model, complete) });
          loadingRef.current = complete ? undefined : loading;
          editor.setModel(model);
          listen(model);
          if (complete === wasLoading) latest.current.onLoadingChange?.(!complete);
        },
        onDone: (model) => {
          if (loadingRef.current !== loading) return;
          loadingRef.current = undefined;
          setOptions({ ...optionsForLines(model.getLineCount()), readOnly: false });
          model.updateOptions({ bracketColorizationOptions: bracketColours(model, true) });
          // Monaco drops a byte order mark and makes line breaks alike; then the text the
          // judge had differs from the model's, and the model's is judged again.
          const exact =
            model.getValueLength() === text.length &&
            (model.getEOL() === '\r\n' || !text.includes('\r'));
          if (!exact) {
            versionRef.current += 1;
            latest.current.onContentChange?.(versionRef.current, { wholeText: true });
          }
          const waiting = loading.markers;
          if (waiting) {
            // In a task of their own: this one has appended the last slice already.
            setTimeout(() => {
              if (waiting.version === versionRef.current && editor.getModel() === model)
                applyMarkers(monaco, model, waiting.markers);
            }, 0);
          }
          latest.current.onLoadingChange?.(false);
        },
      });
    };
    loadRef.current = load;
    load(pendingTextRef.current);

    const quickFixProvider = registerQuickFixes(monaco, editor, language, () =>
      loadingRef.current ? undefined : latest.current.quickFixes,
    );
    const cursorListener = editor.onDidChangeCursorPosition((event) => {
      latest.current.onCursorChange?.({
        line: event.position.lineNumber,
        column: event.position.column,
      });
    });
    return () => {
      loadingRef.current?.slices.cancel();
      loadingRef.current = undefined;
      loadRef.current = undefined;
      cursorListener.dispose();
      quickFixProvider.dispose();
      contentListener?.dispose();
      const model = editor.getModel();
      editor.dispose();
      model?.dispose();
      editorRef.current = undefined;
    };
  }, [api, modelUri]);

  useEditorDescribedBy(editorRef, api, describedBy);

  useImperativeHandle(
    ref,
    (): LargeJsonEditorHandle => ({
      snapshot: () => {
        const loading = loadingRef.current;
        const model = editorRef.current?.getModel();
        return {
          text: loading ? loading.text : model ? model.getValue() : pendingTextRef.current,
          version: versionRef.current,
        };
      },
      textLength: () => {
        const loading = loadingRef.current;
        const model = editorRef.current?.getModel();
        return {
          length: loading
            ? loading.text.length
            : model
              ? model.getValueLength()
              : pendingTextRef.current.length,
          version: versionRef.current,
        };
      },
      replaceText: (text) => {
        const editor = editorRef.current;
        const model = editor?.getModel();
        const load = loadRef.current;
        const announce = (): void => {
          versionRef.current += 1;
          latest.current.onContentChange?.(versionRef.current, { wholeText: true });
        };
        if (!editor || !load) {
          pendingTextRef.current = text;
          announce();
          return;
        }
        if (
          loadingRef.current ||
          !model ||
          text.length > BIG_TEXT_CHARS ||
          model.getValueLength() > BIG_TEXT_CHARS
        ) {
          load(text);
          announce();
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
        const loading = loadingRef.current;
        if (loading) {
          if (version === versionRef.current) loading.markers = { version, markers };
          return false;
        }
        const model = editorRef.current?.getModel();
        if (!api || !model || version !== versionRef.current) return false;
        applyMarkers(api.monaco, model, markers);
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
      readRange: (offset, length) => {
        const model = editorRef.current?.getModel();
        if (!model) return '';
        const { range } = toEditOperation(model, { offset, length, text: '' });
        return model.getValueInRange(range);
      },
      placeCursor: (offset) => {
        const editor = editorRef.current;
        const model = editor?.getModel();
        if (!editor || !model) return;
        const position = model.getPositionAt(offset);
        editor.setPosition(position);
        editor.revealPositionInCenterIfOutsideViewport(position);
        editor.focus();
      },
      applyEdits: (version, edits) => {
        const editor = editorRef.current;
        const model = editor?.getModel();
        if (!editor || !model || loadingRef.current || version !== versionRef.current) return false;
        if (edits.length === 0) return true;
        editor.pushUndoStop();
        editor.executeEdits(
          'inlet.quick-fix',
          edits.map((edit) => toEditOperation(model, edit)),
        );
        editor.pushUndoStop();
        return true;
      },
    }),
    [api],
  );

  return (
    <div className={['json-editor', className ?? ''].join(' ')}>
      <div ref={hostRef} className="json-editor__host" />
      <EditorFallback state={monacoState} />
    </div>
  );
}
