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
import type { Finding, Judgement } from '@core/judge/judgement.ts';
import type { Column, SpecModel } from '@core/spec/webhook-spec.ts';
import { useAnnounce } from '@web/components/ui/live-region.tsx';
import { downloadText, jsonFileName } from '@web/lib/download.ts';
import {
  LargeJsonEditor,
  type LargeJsonEditorHandle,
  type OffsetEdit,
} from '@web/lib/monaco/large-json-editor.tsx';
import { usePayloadFixes } from '../hooks/use-payload-fixes.ts';
import { usePayloadImport } from '../hooks/use-payload-import.ts';
import { usePayloadJudge } from '../hooks/use-payload-judge.ts';
import { usePayloadReplace } from '../hooks/use-payload-replace.ts';
import { type ColumnProposal, proposeColumns } from '../model/column-proposals.ts';
import { groupFixTitle } from '../model/quick-fixes.ts';
import { DatasetPreview } from './dataset-preview.tsx';
import { EditorFooter } from './editor-footer.tsx';
import { ImportNotes } from './import-notes.tsx';
import { InferColumnsDialog } from './infer-columns-dialog.tsx';
import { PayloadToolbar } from './payload-toolbar.tsx';
import { ProblemsList } from './problems-list.tsx';
import { ReplacePayloadDialog } from './replace-payload-dialog.tsx';
import { ReplacedNotice } from './replaced-notice.tsx';
import { ValidationSummary } from './validation-summary.tsx';
import { editorHasText } from '../model/editor-has-text.ts';
import { errorMessage } from '@core/error-message.ts';

export type PayloadSessionProps = {
  spec: SpecModel;
  /** The stored payload to start from; undefined: none stored, start from webhook_input. */
  storedText: string | undefined;
  draftName?: string | undefined;
  /** Each edit, cheaply (no text): what is on screen is no longer what is stored. */
  onEdit?: (() => void) | undefined;
  onAddColumns?: ((columns: Column[]) => void) | undefined;
  onSaveWebhookInput?: ((text: string) => void) | undefined;
  onTextChange?: ((text: string) => void) | undefined;
  /**
   * Given how to read the editor's text now (for a save that cannot wait for the judge's
   * next read, as when the draft is left); returns how to take it back.
   */
  registerReader?: ((read: () => string | undefined) => () => void) | undefined;
  /** Names the spec the payload is judged against, in the header (composed by the app). */
  headerNote?: ReactNode;
  /** Shown beside the problems, e.g. that the form differs from the spec judged against. */
  problemsNote?: ReactNode;
  /** Lets the app put a payload in the editor (the inbox's "Open as sample"). */
  ref?: Ref<PayloadSessionHandle> | undefined;
};

/**
 * Replaces the payload with `text` (`label` names it), asking first when the current text has
 * the user's edits and offering undo after, as an import does; resolves to whether it did.
 */
export type PayloadSessionHandle = {
  replaceText: (text: string, label: string) => Promise<boolean>;
  /** Puts `text` in the payload only when the payload is blank; resolves to whether it did. */
  fillIfBlank: (text: string, label: string) => Promise<boolean>;
  /**
   * Adds columns chosen elsewhere (the inbox's "Infer from traffic") exactly as this payload's
   * own "Infer columns" does: to the spec, then the payload's values coerced to their types.
   */
  addColumns: (columns: Column[]) => void;
  /**
   * The judgement of `text` against `spec` for a run's preflight: the worker's latest when it
   * is of exactly these, else the worker judges it once (never the main thread).
   */
  judge: (text: string, spec: SpecModel) => Promise<Judgement>;
};

const SUMMARY_ID = 'payload-validation-summary';

/** One draft's sample payload: the editor, the judge's verdict and problems, the preview. */
export function PayloadSession({
  spec,
  storedText,
  draftName,
  onEdit,
  onAddColumns,
  onSaveWebhookInput,
  onTextChange,
  registerReader,
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

  const [initialText] = useState(() => storedText ?? spec.webhook_input ?? '');
  const handleJudgedText = useCallback(
    (text: string) => {
      if (onTextChange) {
        startTransition(() => {
          onTextChange(text);
        });
      }
    },
    [onTextChange],
  );
  useEffect(() => registerReader?.(() => editorRef.current?.snapshot().text), [registerReader]);
  const judge = usePayloadJudge({
    editorRef,
    spec,
    onJudgedText: handleJudgedText,
  });
  const { state, pending, failure, clientRef, judgeForRun } = judge;
  const dismissImportRef = useRef<() => void>(() => undefined);
  const replacing = usePayloadReplace({
    editorRef,
    restoredEdits: storedText !== undefined && storedText.trim() !== '',
    onReplaced: () => {
      // The import's notes describe a payload that is no longer there.
      dismissImportRef.current();
    },
  });
  const imports = usePayloadImport({ clientRef, spec, replaceText: replacing.replaceWith });
  const replaceLatest = useRef(replacing.replaceWith);
  useEffect(() => {
    replaceLatest.current = replacing.replaceWith;
  });
  const addColumnsLatest = useRef<(columns: Column[]) => void>(() => undefined);
  useImperativeHandle(
    ref,
    () => ({
      replaceText: (text, label) => replaceLatest.current(text, label),
      fillIfBlank: (text, label) => {
        const editor = editorRef.current;
        if (!editor || editorHasText(editor)) return Promise.resolve(false);
        return replaceLatest.current(text, label);
      },
      addColumns: (columns) => {
        addColumnsLatest.current(columns);
      },
      judge: judgeForRun,
    }),
    [judgeForRun],
  );
  useEffect(() => {
    dismissImportRef.current = imports.dismiss;
  });
  const onEditRef = useRef(onEdit);
  useEffect(() => {
    onEditRef.current = onEdit;
  });
  const { handleContentChange: judgeContent } = judge;
  const { noteChange, isProgrammatic } = replacing;
  const handleContentChange = useCallback(
    (_version: number, change: { wholeText: boolean; edits?: readonly OffsetEdit[] }) => {
      onEditRef.current?.();
      noteChange();
      // The user replaced everything (select all, then paste or delete): the notes go too.
      if (change.wholeText && !isProgrammatic()) dismissImportRef.current();
      judgeContent(change.edits);
    },
    [judgeContent, noteChange, isProgrammatic],
  );
  const judged = state.status === 'judged' ? state.judged : undefined;

  const currentText = (): string => editorRef.current?.snapshot().text ?? '';

  // The cursor goes to the value, nothing selected: typing then does not replace it.
  const handleSelect = useCallback((finding: Finding) => {
    if (finding.offset === undefined) return;
    setSelected(finding);
    editorRef.current?.placeCursor(finding.offset);
  }, []);

  // A preview cell goes to its finding's place (as the problems list does, marking it
  // there too); a cell the judge kept no finding for asks the worker where its value is.
  const handleActivateCell = useCallback(
    (row: number, column: string | undefined, finding?: Finding) => {
      if (finding?.offset !== undefined) {
        handleSelect(finding);
        return;
      }
      const client = clientRef.current;
      if (!client || !judged) return;
      client.locate(judged.judgeId, row, column).then(
        (offset) => {
          if (offset !== undefined) editorRef.current?.placeCursor(offset);
        },
        () => {
          // The text changed meanwhile: the next judgement's preview is the one to use.
        },
      );
    },
    [clientRef, handleSelect, judged],
  );

  const { fixContext, quickFixes, handleFixGroup } = usePayloadFixes({
    editorRef,
    clientRef,
    judged,
    spec,
    onAddColumns,
  });

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

  useEffect(() => {
    addColumnsLatest.current = handleAddColumns;
  });

  return (
    <>
      <section className="panel payload" aria-labelledby="sample-payload-title">
        <header className="panel__header payload__header">
          <h2 className="panel__title" id="sample-payload-title">
            Sample payload
          </h2>
          {headerNote !== undefined && <div className="payload__header-note">{headerNote}</div>}
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
              if (spec.webhook_input === undefined) return;
              void replacing
                .replaceWith(spec.webhook_input, 'the spec’s webhook_input')
                .then((done) => {
                  if (done) announce('Loaded the spec’s webhook_input into the sample payload.');
                });
            }}
          />
        </header>
        <ImportNotes result={imports.result} onDismiss={imports.dismiss} />
        <ReplacedNotice
          replaced={replacing.replaced}
          onUndo={() => {
            replacing.undo();
            announce('Restored the payload as it was before.');
          }}
          onDismiss={replacing.dismissReplaced}
        />
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
      <DatasetPreview
        clientRef={clientRef}
        judged={judged}
        spec={spec}
        onActivateCell={handleActivateCell}
      />
      <ReplacePayloadDialog request={replacing.request} />
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
