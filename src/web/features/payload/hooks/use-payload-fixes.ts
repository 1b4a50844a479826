import { type RefObject, useCallback, useEffect, useRef } from 'react';
import type { Column, SpecModel } from '@core/spec/webhook-spec.ts';
import { errorMessage } from '@core/error-message.ts';
import { useAnnounce } from '@web/components/ui/live-region.tsx';
import type { LargeJsonEditorHandle } from '@web/lib/monaco/large-json-editor.tsx';
import type { ColumnFixKind } from '@web/workers/fixes/column-fix-edits.ts';
import type { JudgeClient } from '@web/workers/judge-client.ts';
import type { ProblemGroup } from '../model/problem-groups.ts';
import { advisoryColumn, type QuickFixContext, quickFixesAt } from '../model/quick-fixes.ts';
import type { JudgedPayload } from './use-payload-judge.ts';

/**
 * The fixes the judge's findings offer: in the editor's lightbulb (`quickFixes`) and as the
 * problems list's "Apply to all rows" (`handleFixGroup`). Fixes over all rows are computed
 * in the worker and applied as one undoable edit.
 */
export function usePayloadFixes({
  editorRef,
  clientRef,
  judged,
  spec,
  onAddColumns,
}: {
  editorRef: RefObject<LargeJsonEditorHandle | null>;
  clientRef: RefObject<JudgeClient | undefined>;
  judged: JudgedPayload | undefined;
  spec: SpecModel;
  onAddColumns: ((columns: Column[]) => void) | undefined;
}) {
  const announce = useAnnounce();
  const fixColumn = (column: string, kind: ColumnFixKind) => {
    const client = clientRef.current;
    if (!client || !judged) return;
    const { judgeId, version } = judged;
    client.columnFix(judgeId, [column], undefined, kind).then(
      (edits) => {
        const applied = editorRef.current?.applyEdits(version, edits) ?? false;
        const count = (word: string): string =>
          `${edits.length.toLocaleString('en-US')} ${word}${edits.length === 1 ? '' : 's'}`;
        announce(
          !applied
            ? 'The payload changed meanwhile; try the fix again.'
            : kind === 'missing_required'
              ? `Added ${column} with a placeholder to ${count('row')}. Undo takes it back.`
              : `Fixed ${count('value')} of ${column}. Undo takes it back.`,
        );
      },
      (error: unknown) => {
        announce(`The fix failed: ${errorMessage(error)}`);
      },
    );
  };
  const handleFixColumn = (column: string) => {
    fixColumn(column, 'type_mismatch');
  };
  const handleFillColumn = (column: string) => {
    fixColumn(column, 'missing_required');
  };
  const handleAddColumn = (column: Column) => {
    if (!onAddColumns) return;
    onAddColumns([column]);
    announce(`Added ${column.name} (${column.type}) to the spec.`);
  };
  const fixContext: QuickFixContext | undefined = judged && {
    judgement: judged.judgement,
    spec,
    read: (offset, length) => editorRef.current?.readRange(offset, length) ?? '',
    onFixColumn: handleFixColumn,
    onFillColumn: handleFillColumn,
    onAddColumn: handleAddColumn,
  };
  const fixContextRef = useRef(fixContext);
  useEffect(() => {
    fixContextRef.current = fixContext;
  });
  const quickFixes = useCallback((start: number, end: number) => {
    const context = fixContextRef.current;
    return context ? quickFixesAt(context, start, end) : [];
  }, []);
  const handleFixGroup = (group: ProblemGroup) => {
    if (group.column === null || !judged) return;
    if (group.kind === 'advisory_column')
      handleAddColumn(advisoryColumn(judged.judgement, group.column));
    else if (group.kind === 'missing_required') handleFillColumn(group.column);
    else handleFixColumn(group.column);
  };

  return { fixContext, quickFixes, handleFixGroup };
}
