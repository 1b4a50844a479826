import { useCallback, useMemo, useRef, useState } from 'react';
import { useAnnounce } from '../components/ui/live-region.tsx';
import { Icon } from '../components/ui/icon.tsx';
import { DraftSwitcher } from '../features/drafts/components/draft-switcher.tsx';
import { useDrafts } from '../features/drafts/hooks/use-drafts.ts';
import {
  SpecDesigner,
  type SpecDesignerHandle,
} from '../features/spec-designer/components/spec-designer.tsx';
import { SpecFileActions } from '../features/spec-designer/components/spec-file-actions.tsx';
import { TestRunConsole } from '../features/runs/components/test-run-console.tsx';
import {
  FormDiffersNotice,
  JudgedAgainstStatus,
} from '../features/runs/components/judged-against.tsx';
import type { JudgedSpec } from '../features/runs/model/judged-spec.ts';
import type { RunSlot } from '../lib/storage/run-slot.ts';
import { PayloadWorkbench } from '../features/payload/components/payload-workbench.tsx';
import type { PayloadSessionHandle } from '../features/payload/components/payload-session.tsx';
import { InboxRegion } from '../features/inbox/components/inbox-region.tsx';
import type { TrafficInference } from '../features/inbox/components/infer-from-traffic.tsx';
import { InferColumnsDialog } from '../features/payload/components/infer-columns-dialog.tsx';
import { type ColumnProposal, proposeColumns } from '../features/payload/model/column-proposals.ts';
import { sampleFromBody } from '../features/inbox/model/sample-from-body.ts';
import type { ConsoleOverride } from '../features/inbox/model/replay-override.ts';
import { readOverrideText } from '../features/runs/model/effective-spec.ts';
import { useConnection } from '../lib/api/connection-context.tsx';
import { useActivePane, WorkspacePanes } from './workspace-panes.tsx';
import { WorkspaceCommands } from './workspace-commands.tsx';
import type { Judgement } from '@core/judge/judgement.ts';
import type { Column, SpecModel } from '@core/spec/webhook-spec.ts';

/** Composes drafts (where specs are kept) with the spec designer (how they are edited). */
export function DesignerWorkspace() {
  const drafts = useDrafts();
  const announce = useAnnounce();
  const { active, create, updateActive, updateRunSlot, replaceModel, updatePayload } = drafts;
  const handleImport = useCallback(
    (model: SpecModel, name: string) => {
      const draft = create(name, model);
      announce(`Imported the spec into a new draft, ${draft.name}.`);
    },
    [announce, create],
  );
  const handleLoadSpec = useCallback(
    (model: SpecModel, name: string, runs: Record<string, RunSlot>) => {
      const draft = create(name, model, runs);
      announce(`Opened the workflow's spec in a new draft, ${draft.name}.`);
      return draft.id;
    },
    [announce, create],
  );
  const [payloadText, setPayloadText] = useState('');
  const handlePayloadText = useCallback(
    (text: string) => {
      setPayloadText(text);
      updatePayload(text);
    },
    [updatePayload],
  );
  const { payloadView } = drafts;
  // The spec the next run uses (the run console knows it); the sample is judged against it.
  const [judged, setJudged] = useState<JudgedSpec | undefined>(undefined);
  // Changes from the payload go into the designer in place (it stays mounted, keeping focus,
  // undo and editor state); its onChange then updates the draft, so autosave follows. The
  // payload workbench announces them. Only switching drafts remounts it (the key below).
  const designerRef = useRef<SpecDesignerHandle>(null);
  const handleAddColumns = useCallback((columns: Column[]) => {
    designerRef.current?.addColumns(columns);
  }, []);
  const handleSaveWebhookInput = useCallback((text: string) => {
    designerRef.current?.setWebhookInput(text);
  }, []);
  const [activePane, setActivePane] = useActivePane();
  const payloadRef = useRef<PayloadSessionHandle>(null);
  const handleExample = useCallback(
    (payload: string) => {
      void payloadRef.current?.fillIfBlank(payload, 'the example payload').then((filled) => {
        if (filled) announce('Added the example columns, and example rows to the empty payload.');
      });
    },
    [announce],
  );
  const handleOpenAsSample = useCallback(
    (body: string) => {
      const sample = sampleFromBody(body);
      setActivePane('payload');
      void payloadRef.current?.replaceText(sample.text, 'the inbox request').then((replaced) => {
        if (!replaced) return;
        announce(
          sample.asSent
            ? 'Opened the request body, as sent, as the sample payload.'
            : "Opened the request's webhook_payload as the sample payload.",
        );
      });
    },
    [announce, setActivePane],
  );
  // A run the inbox replayed, handed to the run console: it opens the workflow on the
  // current target (keeping its override when it is the one open) and follows the run.
  const { target } = useConnection();
  const activeRuns = active.runs;
  const handleFollowRun = useCallback(
    (workflowId: string, jobId: string) => {
      const slot = activeRuns?.[target];
      const next =
        slot?.workflowId === workflowId
          ? { ...slot, followedRunId: jobId }
          : { workflowId, overrideText: '', followedRunId: jobId };
      updateRunSlot(target, next);
      announce(`The run console follows run ${jobId}.`);
    },
    [activeRuns, target, updateRunSlot, announce],
  );
  // The console's workflow and override on the current target, read as the console reads
  // them, so a replay in the inbox can carry the same specs_override.
  const consoleSlot = activeRuns?.[target];
  const consoleWorkflowId = consoleSlot?.workflowId;
  const consoleOverrideText = consoleSlot?.overrideText ?? '';
  const consoleOverride = useMemo((): ConsoleOverride => {
    const reading = readOverrideText(consoleOverrideText);
    return {
      workflowId: consoleWorkflowId,
      override: reading.kind === 'ok' ? reading.override : undefined,
      problem: reading.kind === 'error' ? reading.message : undefined,
    };
  }, [consoleWorkflowId, consoleOverrideText]);
  // "Infer from traffic" in the inbox opens the payload's "Infer columns" dialog, set against
  // the draft's spec; the chosen columns go to the designer as the payload's do.
  const [traffic, setTraffic] = useState<
    { proposals: ColumnProposal[]; source: string } | undefined
  >(undefined);
  const activeColumns = active.model.columns;
  const handleInferFromTraffic = useCallback(
    (inference: TrafficInference) => {
      setTraffic({
        proposals: proposeColumns(inference.inferred, activeColumns),
        source: inference.source,
      });
    },
    [activeColumns],
  );
  const handleAddTrafficColumns = useCallback(
    (columns: Column[]) => {
      setTraffic(undefined);
      if (columns.length === 0) return;
      // As for a pasted sample: the payload's values follow the chosen types (it announces).
      const session = payloadRef.current;
      if (session) {
        session.addColumns(columns);
        return;
      }
      handleAddColumns(columns);
      announce(
        `Added ${String(columns.length)} ${columns.length === 1 ? 'column' : 'columns'} to the spec.`,
      );
    },
    [handleAddColumns, announce],
  );
  const specPane = (
    <section className="workspace" aria-label="Spec designer">
      <div className="toolbar">
        <DraftSwitcher drafts={drafts} />
        <SpecFileActions
          model={active.model}
          title={active.name}
          onImport={handleImport}
          importHint="The spec opens as a new draft; the current one stays as it is."
        />
      </div>
      {drafts.notice && (
        <div className="notice notice--warning banner" role="alert">
          <Icon name="alert" />
          <p>{drafts.notice}</p>
          <button type="button" className="link-button" onClick={drafts.dismissNotice}>
            Dismiss
          </button>
        </div>
      )}
      <SpecDesigner
        key={`${active.id}:${String(drafts.generation)}`}
        ref={designerRef}
        initialModel={active.model}
        {...(active.jsonText === undefined ? {} : { initialJsonText: active.jsonText })}
        onChange={updateActive}
        onExample={handleExample}
      />
    </section>
  );
  const payloadPane = (
    <PayloadWorkbench
      ref={payloadRef}
      spec={judged?.model ?? active.model}
      sessionKey={payloadView.key}
      storedText={payloadView}
      onEdit={drafts.notePayloadEdit}
      registerReader={drafts.setPayloadReader}
      draftName={active.name}
      headerNote={<JudgedAgainstStatus judged={judged} />}
      problemsNote={<FormDiffersNotice judged={judged} specModel={active.model} />}
      onAddColumns={handleAddColumns}
      onSaveWebhookInput={handleSaveWebhookInput}
      onTextChange={handlePayloadText}
    />
  );
  // The preflight before "Run test" judges in the payload's worker (its latest judgement
  // when that is of the text and spec being sent), never again on the main thread.
  const judgeForRun = useCallback((text: string, spec: SpecModel): Promise<Judgement> => {
    const session = payloadRef.current;
    if (!session) {
      return Promise.reject(new Error('the sample payload is still loading; try again.'));
    }
    return session.judge(text, spec);
  }, []);
  const runPane = (
    <TestRunConsole
      specModel={active.model}
      specName={active.name}
      payloadText={payloadText}
      judge={judgeForRun}
      runSlots={active.runs}
      onRunSlotChange={updateRunSlot}
      onLoadSpec={handleLoadSpec}
      onFoldOverride={replaceModel}
      onJudgedSpecChange={setJudged}
    />
  );
  const runAndInboxPane = (
    <>
      {runPane}
      <InboxRegion
        onOpenAsSample={handleOpenAsSample}
        onFollowRun={handleFollowRun}
        onInferFromTraffic={handleInferFromTraffic}
        consoleOverride={consoleOverride}
        consoleTarget={target === 'sixtyfour' ? 'live' : 'sandbox'}
      />
      <InferColumnsDialog
        proposals={traffic?.proposals}
        description={traffic?.source}
        onClose={() => {
          setTraffic(undefined);
        }}
        onAdd={handleAddTrafficColumns}
      />
    </>
  );
  return (
    <>
      <WorkspaceCommands onShowPane={setActivePane} />
      <WorkspacePanes
        panes={{ spec: specPane, payload: payloadPane, run: runAndInboxPane }}
        active={activePane}
        onActiveChange={setActivePane}
      />
    </>
  );
}
