import type * as Monaco from 'monaco-editor/editor';
import type { editor as MonacoEditor, IDisposable } from 'monaco-editor/editor';
import type { TextChange } from '@core/judge/text-change.ts';
import type { MonacoApi } from './load-monaco.ts';

/** One replacement: UTF-16 offsets into the text, as the judge's findings give them. */
export type OffsetEdit = TextChange;

/** A quick fix the lightbulb offers: edits to make, or something to run (an async fix). */
export type QuickFix = {
  title: string;
  preferred?: boolean;
} & ({ edits: readonly OffsetEdit[] } | { run: () => void });

export function toEditOperation(
  model: MonacoEditor.ITextModel,
  edit: OffsetEdit,
): { range: Monaco.IRange; text: string } {
  const start = model.getPositionAt(edit.offset);
  const end = model.getPositionAt(edit.offset + edit.length);
  return {
    range: {
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
    },
    text: edit.text,
  };
}

/**
 * Monaco's code actions for this editor's model, from the owner's quick fixes. A fix with
 * edits is applied by Monaco; one that runs (an "all rows" fix the worker computes) goes
 * through a command of this editor.
 */
export function registerQuickFixes(
  monaco: MonacoApi['monaco'],
  editor: MonacoEditor.IStandaloneCodeEditor,
  language: string,
  current: () => ((startOffset: number, endOffset: number) => readonly QuickFix[]) | undefined,
): IDisposable {
  let runs: (() => void)[] = [];
  const commandId = editor.addCommand(0, (_accessor, index: unknown) => {
    if (typeof index === 'number') runs[index]?.();
  });
  return monaco.languages.registerCodeActionProvider(language, {
    provideCodeActions: (model, range) => {
      const empty = { actions: [], dispose: () => undefined };
      const provide = current();
      if (model !== editor.getModel() || !provide) return empty;
      const fixes = provide(
        model.getOffsetAt({ lineNumber: range.startLineNumber, column: range.startColumn }),
        model.getOffsetAt({ lineNumber: range.endLineNumber, column: range.endColumn }),
      );
      runs = [];
      const actions = fixes.map((fix): Monaco.languages.CodeAction => {
        if ('run' in fix) {
          runs.push(fix.run);
          return {
            title: fix.title,
            kind: 'quickfix',
            isPreferred: fix.preferred ?? false,
            ...(commandId === null
              ? {}
              : { command: { id: commandId, title: fix.title, arguments: [runs.length - 1] } }),
          };
        }
        return {
          title: fix.title,
          kind: 'quickfix',
          isPreferred: fix.preferred ?? false,
          edit: {
            edits: fix.edits.map((edit) => ({
              resource: model.uri,
              versionId: model.getVersionId(),
              textEdit: toEditOperation(model, edit),
            })),
          },
        };
      });
      return { actions, dispose: () => undefined };
    },
  });
}
