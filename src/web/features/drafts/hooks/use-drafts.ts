import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SpecModel } from '@core/spec/webhook-spec.ts';
import { createChangeFeed } from '@web/lib/storage/change-feed.ts';
import type { RunSlot } from '@web/lib/storage/run-slot.ts';
import { draftDifferences } from '../model/draft-diff.ts';
import { initialDrafts } from '../model/initial-drafts.ts';
import {
  createDraft,
  deleteDraft,
  type Draft,
  DRAFT_KEY_PREFIX,
  draftKey,
  listDrafts,
  localStorageOrUndefined,
  readDraft,
  uniqueDraftName,
  writeActiveId,
  writeDraft,
} from '../model/drafts-store.ts';
import { sweepOrphanPayloads } from '../model/payload-sweep.ts';
import { copyOf, type StoredConflict, useDraftSaving } from './use-draft-saving.ts';

export type { SaveStatus } from './use-draft-saving.ts';

/** With what differs between the shown draft (as edited since) and theirs, in words. */
export type DraftConflict = StoredConflict & { differences: string[] };

const FEED_NAME = 'inlet.drafts';
/** Payload texts left behind by closed tabs are swept this long after start, off first paint. */
const SWEEP_DELAY_MS = 5_000;

const withoutJsonText = (draft: Draft): Draft => {
  const copy = { ...draft };
  delete copy.jsonText;
  return copy;
};

/**
 * Named drafts in localStorage, one document each with a revision: spec, JSON editor text,
 * run slots and where the sample payload's text lies. Edits are saved shortly after they
 * stop (and at once when the page is hidden or closed); structural changes at once. Every
 * write is a compare-and-set on the revision this tab started from, and every save is
 * announced to the other tabs: a draft changed elsewhere becomes a conflict the user settles
 * ("Take theirs", "Keep mine as a new draft"), never a silent overwrite.
 */
export function useDrafts() {
  const [storage] = useState(localStorageOrUndefined);
  const [initial] = useState(() => initialDrafts(storage));
  const [feed] = useState(() => createChangeFeed(FEED_NAME, DRAFT_KEY_PREFIX));
  const [list, setList] = useState<Draft[]>(initial.list);
  const listRef = useRef(list);
  const [notice, setNotice] = useState(initial.notice);
  // Bumped when the shown draft's content is replaced from outside (take theirs), so the
  // designer, which keeps its own form state, starts again from the new content.
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const timer = setTimeout(() => void sweepOrphanPayloads(storage), SWEEP_DELAY_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [storage]);
  const refreshList = useCallback(() => {
    const stored = listDrafts(storage).drafts.map((entry) => entry.value);
    listRef.current = stored;
    setList(stored);
  }, [storage]);
  const {
    working,
    workingRef,
    setWorking,
    conflict,
    conflictRef,
    setConflict,
    setFailure,
    clearTimer,
    flush,
    schedule,
    commit,
    writeNew,
    payload,
    saveStatus,
  } = useDraftSaving({ storage, feed, initial, listRef, refreshList });
  const {
    showPayloadOf,
    mine: minePayload,
    update: updatePayloadText,
    clearFailure: clearPayloadFailure,
    pullEdits: pullPayloadEdits,
  } = payload;
  const payloadDirty = payload.dirty;

  /** Makes `draft` (already stored as `base`) the one this tab shows; `mine`: its payload. */
  const show = useCallback(
    (draft: Draft, base: number | undefined, dirty = false, mine?: string) => {
      showPayloadOf(draft, mine);
      setWorking({ draft, base, dirty });
      setConflict(undefined);
      writeActiveId(draft.id);
      setGeneration((value) => value + 1);
      refreshList();
    },
    [showPayloadOf, setWorking, setConflict, refreshList],
  );

  /** Stores a new draft, tells the other tabs, and shows it (with `mine` as its payload). */
  const storeNew = useCallback(
    (draft: Draft, mine?: string) => {
      const written = writeDraft(storage, draft, undefined);
      if (written.ok) feed.publish({ key: draftKey(draft.id), revision: written.revision });
      else if (written.reason !== 'conflict') setFailure(written.message);
      show(draft, written.ok ? written.revision : undefined, !written.ok, mine);
      if (mine !== undefined) schedule(0);
      return draft;
    },
    [storage, feed, show, schedule, setFailure],
  );

  /** Leaving a draft in conflict keeps this tab's version as a new draft: nothing is lost. */
  const settleBeforeLeaving = useCallback(() => {
    if (!conflictRef.current) {
      flush();
      return;
    }
    pullPayloadEdits();
    writeNew(copyOf(workingRef.current.draft, listRef.current), minePayload());
  }, [flush, writeNew, minePayload, pullPayloadEdits, conflictRef, workingRef]);

  const active = working.draft;
  const drafts = useMemo(() => {
    const shown = list.map((draft) => (draft.id === active.id ? active : draft));
    return shown.some((draft) => draft.id === active.id) ? shown : [...shown, active];
  }, [list, active]);

  const updateActive = useCallback(
    (change: { model: SpecModel; jsonText?: string }) => {
      const draft = workingRef.current.draft;
      const same =
        JSON.stringify(draft.model) === JSON.stringify(change.model) &&
        draft.jsonText === change.jsonText;
      if (same) return;
      const rest = withoutJsonText(draft);
      commit(
        {
          ...rest,
          model: change.model,
          ...(change.jsonText === undefined ? {} : { jsonText: change.jsonText }),
          updatedAt: Date.now(),
        },
        'soon',
      );
    },
    [commit, workingRef],
  );

  /** The payload editor's text, read to be judged: saved after a quiet time if edited. */
  const updatePayload = useCallback(
    (text: string) => {
      const delay = updatePayloadText(text);
      if (delay !== undefined && !conflictRef.current) schedule(delay);
    },
    [updatePayloadText, schedule, conflictRef],
  );

  /** Replaces the active draft's spec from outside the designer (which then starts again). */
  const replaceModel = useCallback(
    (model: SpecModel) => {
      const rest = withoutJsonText(workingRef.current.draft);
      commit({ ...rest, model, updatedAt: Date.now() }, 'now');
      setGeneration((value) => value + 1);
    },
    [commit, workingRef],
  );

  /** The active draft's run slot for one target (workflow, override, followed run). */
  const updateRunSlot = useCallback(
    (target: string, slot: RunSlot) => {
      const draft = workingRef.current.draft;
      if (JSON.stringify(draft.runs?.[target]) === JSON.stringify(slot)) return;
      commit({ ...draft, runs: { ...draft.runs, [target]: slot }, updatedAt: Date.now() }, 'soon');
    },
    [commit, workingRef],
  );

  const create = useCallback(
    (name: string, model?: SpecModel, runs?: Draft['runs']): Draft => {
      settleBeforeLeaving();
      return storeNew(createDraft(uniqueDraftName(name, listRef.current), model, runs));
    },
    [settleBeforeLeaving, storeNew],
  );

  const select = useCallback(
    (id: string) => {
      if (id === workingRef.current.draft.id) return;
      const stored = readDraft(storage, id);
      const inMemory = listRef.current.find((draft) => draft.id === id);
      if (!stored && !inMemory) return;
      settleBeforeLeaving();
      if (stored) show(stored.value, stored.revision);
      else if (inMemory) show(inMemory, undefined, true);
    },
    [storage, settleBeforeLeaving, show, workingRef],
  );

  const rename = useCallback(
    (id: string, name: string) => {
      const draft = workingRef.current.draft;
      if (id !== draft.id) return;
      commit({ ...draft, name: name.trim(), updatedAt: Date.now() }, 'now');
      refreshList();
    },
    [commit, refreshList, workingRef],
  );

  const remove = useCallback(
    (id: string) => {
      deleteDraft(storage, id);
      feed.publish({ key: draftKey(id), revision: undefined });
      refreshList();
      if (id !== workingRef.current.draft.id) return;
      clearTimer();
      const rest = listRef.current.filter((draft) => draft.id !== id);
      const next = rest[0] && readDraft(storage, rest[0].id);
      if (next) show(next.value, next.revision);
      else storeNew(createDraft('Untitled spec'));
    },
    [storage, feed, refreshList, show, storeNew, clearTimer, workingRef],
  );

  const takeTheirs = useCallback(() => {
    const current = conflictRef.current;
    if (!current) return;
    // What is stored now: the other tab may have saved again since the conflict was shown.
    const theirs = readDraft(storage, workingRef.current.draft.id) ?? current.theirs;
    if (theirs) {
      show(theirs.value, theirs.revision);
      return;
    }
    // Deleted elsewhere: show another draft (or a fresh one); "Keep mine" would keep this one.
    setConflict(undefined);
    const other = listRef.current.find((draft) => draft.id !== workingRef.current.draft.id);
    const stored = other && readDraft(storage, other.id);
    if (stored) show(stored.value, stored.revision);
    else storeNew(createDraft('Untitled spec'));
  }, [show, setConflict, storage, storeNew, conflictRef, workingRef]);

  const keepMineAsNew = useCallback((): Draft | undefined => {
    if (!conflictRef.current) return undefined;
    pullPayloadEdits();
    return storeNew(copyOf(workingRef.current.draft, listRef.current), minePayload());
  }, [storeNew, minePayload, pullPayloadEdits, conflictRef, workingRef]);

  const shownConflict = useMemo((): DraftConflict | undefined => {
    if (!conflict) return undefined;
    return {
      theirs: conflict.theirs,
      differences: conflict.theirs
        ? draftDifferences(active, conflict.theirs.value, payloadDirty)
        : ['The other tab deleted this draft.'],
    };
  }, [conflict, active, payloadDirty]);

  return {
    drafts,
    active,
    /** The stored revision the shown draft started from. */
    revision: working.base,
    generation,
    saveStatus,
    conflict: shownConflict,
    notice,
    /** The payload editor's starting text for the shown draft; a new `key`, a new editor. */
    payloadView: payload.view,
    dismissNotice: () => {
      setNotice(undefined);
    },
    updateActive,
    /** Each edit in the payload editor, cheaply (the text comes with `updatePayload`). */
    notePayloadEdit: payload.noteEdit,
    /** The payload editor shown says how to read its text now; returns how to unregister. */
    setPayloadReader: payload.setReader,
    updatePayload,
    updateRunSlot,
    replaceModel,
    create,
    select,
    rename,
    remove,
    takeTheirs,
    keepMineAsNew,
    retrySave: () => {
      setFailure(undefined);
      clearPayloadFailure();
      flush();
    },
  };
}

export type DraftsApi = ReturnType<typeof useDrafts>;
