import type { editor as MonacoEditor } from 'monaco-editor/editor';

/**
 * Above this many lines the editor leaves out the features that re-read the whole text on
 * the main thread after edits: folding and sticky scroll (indentation ranges of every line)
 * and the bracket features (bracket pair colours, matching, the active pair's guide), which
 * build a bracket tree of the whole text the first time one of them asks (a 117 ms task
 * under the profiler at 120k lines) and re-parse each appended slice while a text loads.
 */
export const FOLDING_MAX_LINES = 20_000;

export const optionsForLines = (lineCount: number): MonacoEditor.IEditorOptions => {
  const small = lineCount <= FOLDING_MAX_LINES;
  return {
    folding: small,
    stickyScroll: { enabled: small },
    matchBrackets: small ? 'always' : 'never',
    guides: { highlightActiveBracketPair: small },
  };
};

/**
 * Bracket pair colours are a model option: set on the model, since the editor's option
 * would go into the configuration every standalone editor shares (and so to the spec
 * editor's model too).
 */
export const bracketColours = (
  model: MonacoEditor.ITextModel,
  complete: boolean,
): MonacoEditor.BracketPairColorizationOptions => ({
  enabled: complete && model.getLineCount() <= FOLDING_MAX_LINES,
  independentColorPoolPerBracketType: false,
});
