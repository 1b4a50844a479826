import type { editor as MonacoEditor } from 'monaco-editor/editor';
import type { MonacoState } from './use-monaco.ts';

/** The options both JSON editors (the spec's and the payload's) share. */
export const BASE_EDITOR_OPTIONS: MonacoEditor.IStandaloneEditorConstructionOptions = {
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
  scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
  padding: { top: 8, bottom: 8 },
};

/** What stands in the editor's place until Monaco is there, or why it is not. */
export function EditorFallback({ state }: { state: MonacoState }) {
  if (state.status === 'ready') return null;
  return (
    <div className="json-editor__fallback">
      {state.status === 'loading'
        ? 'Loading editor…'
        : `The editor could not load (${state.message}). Reload the page to try again.`}
    </div>
  );
}
