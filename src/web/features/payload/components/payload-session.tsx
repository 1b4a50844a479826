import {
  type ReactNode,
  type Ref,
  startTransition,
  useCallback,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
} from 'react';
import type { Finding } from '../../../../core/judge/judgement.ts';
import type { Column, SpecModel } from '../../../../core/spec/webhook-spec.ts';
import { useAnnounce } from '../../../components/ui/live-region.tsx';
import { downloadText, jsonFileName } from '../../../lib/download.ts';
import {
  LargeJsonEditor,
  type LargeJsonEditorHandle,
} from '../../../lib/monaco/large-json-editor.tsx';
import { usePayloadImport } from '../hooks/use-payload-import.ts';
import { usePayloadJudge } from '../hooks/use-payload-judge.ts';
import { usePayloadStorage } from '../hooks/use-payload-storage.ts';
import { type ColumnProposal, proposeColumns } from '../model/column-proposals.ts';
import type { ProblemGroup } from '../model/problem-groups.ts';
import {
  advisoryColumn,
  groupFixTitle,
  type QuickFixContext,
  quickFixesAt,
} from '../model/quick-fixes.ts';
import { DatasetPreview } from './dataset-preview.tsx';
import { EditorFooter } from './editor-footer.tsx';
import { ImportNotes } from './import-notes.tsx';
import { InferColumnsDialog } from './infer-columns-dialog.tsx';
import { PayloadToolbar } from './payload-toolbar.tsx';
import { ProblemsList } from './problems-list.tsx';
import { ValidationSummary } from './validation-summary.tsx';
import { errorMessage } from '../../../../core/error-message.ts';

export type PayloadSessionProps = {
  spec: SpecModel;
  draftId: string;
  draftName?: string | undefined;
  onAddColumns?: ((columns: Column[]) => void) | undefined;
  onSaveWebhookInput?: ((text: string) => void) | undefined;
  onTextChange?: ((text: string) => void) | undefined;
  /** Names the spec the payload is judged against, in the header (composed by the app). */
  headerNote?: ReactNode;
  /** Shown beside the problems, e.g. that the form differs from the spec judged against. */
  problemsNote?: ReactNode;
  /** For the app to put a payload in the editor (the inbox's "Open as sample"). */
  ref?: Ref<PayloadSessionHandle> | undefined;
};

export type PayloadSessionHandle = { replaceText: (text: string) => void };

const SUMMARY_ID = 'payload-validation-summary';

/** One draft's sample payload: the editor, the judge's verdict and problems, the preview. */
export function PayloadSession({
  spec,
  draftId,
  draftName,
  onAddColumns,
  onSaveWebhookInput,
  onTextChange,
  headerNote,
  problemsNote,
  ref,
}: PayloadSessionProps) {
  const editorRef = useRef<LargeJsonEditorHandle>(null);
  const announce = useAnnounce();
  const [cursor, setCursor] = useState({ line: 1, column: 1 });
  const [editorLoading, setEditorLoading] = useState(false);
  const [selected, setSelected] = useState<Finding | undefined>();
  const [proposals, setProposals] = useState<ColumnProposal[] | undefined>();
  const [inferProblem, setInferProblem] = useState<string | undefined>();

  const replaceText = useCallback((text: string) => {
    editorRef.current?.replaceText(text);
  }, []);
  useImperativeHandle(ref, () => ({ replaceText }), [replaceText]);
  const storage = usePayloadStorage(draftId, replaceText);
  const [initialText] = useState(() => storage.initialText ?? spec.webhook_input ?? '');
  const { save } = storage;
  const handleJudgedText = useCallback(
    (text: string) => {
      save(text);
      if (onTextChange) {
        startTransition(() => {
          onTextChange(text);
        });
      }
    },
    [save, onTextChange],
  );
  const { state, pending, failure, clientRef, handleContentChange } = usePayloadJudge({
    editorRef,
    spec,
    onJudgedText: handleJudgedText,
  });
  const imports = usePayloadImport({ clientRef, spec, replaceText });
  const judged = state.status === 'judged' ? state.judged : undefined;

  const currentText = (): string => editorRef.current?.snapshot().text ?? '';

  // The cursor goes to the value, nothing selected: typing then does not replace it.
  const handleSelect = useCallback((finding: Finding) => {
    if (finding.offset === undefined) return;
    setSelected(finding);
    editorRef.current?.placeCursor(finding.offset);
  }, []);

  const handleFixColumn = (column: string) => {
    const client = clientRef.current;
    if (!client || !judged) return;
    const { judgeId, version } = judged;
    client.columnFix(judgeId, [column]).then(
      (edits) => {
        const applied = editorRef.current?.applyEdits(version, edits) ?? false;
        announce(
          applied
            ? `Fixed ${edits.length.toLocaleString('en-US')} ${edits.length === 1 ? 'value' : 'values'} of ${column}. Undo takes it back.`
            : 'The payload changed meanwhile; try the fix again.',
        );
      },
      (error: unknown) => {
        announce(`The fix failed: ${errorMessage(error)}`);
      },
    );
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
    else handleFixColumn(group.column);
  };

  const handleInfer = () => {
    const client = clientRef.current;
    if (!client || !judged) return;
    setInferProblem(undefined);
    client.infer(judged.judgeId, imports.fromText).then(
      (inferred) => {
        setProposals(proposeColumns(inferred, spec.columns));
      },
      (error: unknown) => {
        setInferProblem(errorMessage(error));
      },
    );
  };

  const handleAddColumns = (columns: Column[]) => {
    setProposals(undefined);
    if (columns.length === 0 || !onAddColumns) return;
    onAddColumns(columns);
    const added = `Added ${String(columns.length)} ${columns.length === 1 ? 'column' : 'columns'} to the spec`;
    const client = clientRef.current;
    if (!client || !judged) {
      announce(`${added}.`);
      return;
    }
    // The payload's values follow the chosen types ("1998" becomes 1998), as one undoable edit.
    const { judgeId, version } = judged;
    const withAdded = { ...spec, columns: [...spec.columns, ...columns] };
    client
      .columnFix(
        judgeId,
        columns.map((column) => column.name),
        withAdded,
      )
      .then(
        (edits) => {
          const applied =
            edits.length > 0 && (editorRef.current?.applyEdits(version, edits) ?? false);
          announce(
            applied
              ? `${added}; converted ${edits.length.toLocaleString('en-US')} values to their types.`
              : `${added}.`,
          );
        },
        () => {
          announce(`${added}.`);
        },
      );
  };

  return (
    <>
      <section className="panel payload" aria-labelledby="sample-payload-title">
        <header className="panel__header payload__header">
          <h2 className="panel__title" id="sample-payload-title">
            Sample payload
          </h2>
          {headerNote}
          <PayloadToolbar
            importing={imports.busy}
            canInfer={judged !== undefined && judged.judgement.summary.rowCount > 0}
            canAddColumns={onAddColumns !== undefined}
            canSave={onSaveWebhookInput !== undefined && state.status !== 'empty'}
            canLoad={spec.webhook_input !== undefined && spec.webhook_input.trim() !== ''}
            onImport={imports.importFile}
            onExport={() => {
              downloadText(
                jsonFileName(draftName === undefined ? '' : `${draftName} payload`, 'payload'),
                currentText(),
              );
            }}
            onInfer={handleInfer}
            onSave={() => {
              onSaveWebhookInput?.(currentText());
              announce('Saved the sample payload as the spec’s webhook_input.');
            }}
            onLoad={() => {
              if (spec.webhook_input !== undefined) replaceText(spec.webhook_input);
              // The import's notes describe a payload that is no longer there.
              imports.dismiss();
              announce('Loaded the spec’s webhook_input into the sample payload.');
            }}
          />
        </header>
        <ImportNotes result={imports.result} onDismiss={imports.dismiss} />
        {inferProblem && (
          <p className="notice notice--error payload__notice" role="alert">
            Columns could not be inferred: {inferProblem}
          </p>
        )}
        <div className="payload__body">
          <div className="payload__editor-column">
            <LargeJsonEditor
              ref={editorRef}
              modelUri="inmemory://inlet/sample-payload.json"
              initialText={initialText}
              ariaLabel="Sample payload, JSON"
              describedBy={SUMMARY_ID}
              onContentChange={handleContentChange}
              onCursorChange={setCursor}
              onLoadingChange={setEditorLoading}
              quickFixes={quickFixes}
              className="payload__editor"
            />
            <EditorFooter
              cursor={cursor}
              loading={editorLoading}
              judged={judged}
              pending={pending}
              saveProblem={storage.saveProblem}
            />
          </div>
          <div className="payload__side" id={SUMMARY_ID}>
            {problemsNote}
            <ValidationSummary state={state} failure={failure} />
            <div className="payload__problems">
              {judged && (
                <ProblemsList
                  judgement={judged.judgement}
                  selected={selected}
                  onSelect={handleSelect}
                  groupFix={(group) => (fixContext ? groupFixTitle(fixContext, group) : undefined)}
                  onFixGroup={handleFixGroup}
                />
              )}
            </div>
          </div>
        </div>
      </section>
      <DatasetPreview clientRef={clientRef} judged={judged} spec={spec} />
      <InferColumnsDialog
        proposals={proposals}
        onClose={() => {
          setProposals(undefined);
        }}
        onAdd={handleAddColumns}
      />
    </>
  );
}
