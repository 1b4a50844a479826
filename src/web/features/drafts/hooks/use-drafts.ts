import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SpecModel } from '../../../../core/spec/webhook-spec.ts';
import { createChangeFeed } from '../../../lib/storage/change-feed.ts';
import type { RunSlot } from '../../../lib/storage/run-slot.ts';
import { draftDifferences } from '../model/draft-diff.ts';
import { judgeForeignSave, type Working } from '../model/draft-session.ts';
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
  type StoredDraft,
  uniqueDraftName,
  writeActiveId,
  writeDraft,
} from '../model/drafts-store.ts';

export type SaveStatus =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'failed'; message: string }
  | { kind: 'conflict' };

/** Another tab saved this draft differently (`theirs` undefined: it deleted it). */
type StoredConflict = { theirs: StoredDraft | undefined };
/** With what differs between the shown draft (as edited since) and theirs, in words. */
export type DraftConflict = StoredConflict & { differences: string[] };

const SAVE_DELAY_MS = 300;

const withoutJsonText = (draft: Draft): Draft => {
  const copy = { ...draft };
  delete copy.jsonText;
  return copy;
};
const FEED_NAME = 'inlet.drafts';

/**
 * Named drafts in localStorage, one document each with a revision. Edits are saved shortly
 * after they stop (and at once when the page is hidden or closed); structural changes at
 * once. Every write is a compare-and-set on the revision this tab started from, and every
 * save is announced to the other tabs: a draft changed elsewhere becomes a conflict the user
 * settles ("Take theirs", "Keep mine as a new draft"), never a silent overwrite.
 */
export function useDrafts() {
  const [storage] = useState(localStorageOrUndefined);
  const [initial] = useState(() => initialDrafts(storage));
  const [feed] = useState(() => createChangeFeed(FEED_NAME, DRAFT_KEY_PREFIX));
  const [list, setList] = useState<Draft[]>(initial.list);
  const [working, setWorkingState] = useState<Working>(initial.working);
  const [conflict, setConflictState] = useState<StoredConflict | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(initial.failure);
  const [notice, setNotice] = useState(initial.notice);
  // Bumped when the shown draft's content is replaced from outside (take theirs), so the
  // designer, which keeps its own form state, starts again from the new content.
  const [generation, setGeneration] = useState(0);
  const workingRef = useRef(working);
  const conflictRef = useRef(conflict);
  const listRef = useRef(list);
  const timerRef = useRef<number | undefined>(undefined);

  const setWorking = useCallback((next: Working) => {
    workingRef.current = next;
    setWorkingState(next);
  }, []);
  const setConflict = useCallback((next: StoredConflict | undefined) => {
    conflictRef.current = next;
    setConflictState(next);
  }, []);
  const refreshList = useCallback(() => {
    const stored = listDrafts(storage).drafts.map((entry) => entry.value);
    listRef.current = stored;
    setList(stored);
  }, [storage]);
  const clearTimer = () => {
    if (timerRef.current !== undefined) window.clearTimeout(timerRef.current);
    timerRef.current = undefined;
  };

  const showConflict = useCallback(
    (theirs: StoredDraft | undefined) => {
      clearTimer();
      setConflict({ theirs });
    },
    [setConflict],
  );

  const flush = useCallback(() => {
    clearTimer();
    const current = workingRef.current;
    if (!current.dirty || conflictRef.current) return;
    const result = writeDraft(storage, current.draft, current.base);
    if (result.ok) {
      setWorking({ ...current, base: result.revision, dirty: false });
      setFailure(undefined);
      feed.publish({ key: draftKey(current.draft.id), revision: result.revision });
      return;
    }
    if (result.reason === 'conflict') {
      const judged = judgeForeignSave(current, result.theirs);
      if (judged.action === 'adopt')
        setWorking({ ...current, base: judged.revision, dirty: false });
      else if (judged.action === 'conflict') showConflict(judged.theirs);
      return;
    }
    setFailure(result.message);
  }, [storage, feed, setWorking, showConflict]);

  const commit = useCallback(
    (draft: Draft, when: 'now' | 'soon') => {
      const current = workingRef.current;
      setWorking({ ...current, draft, dirty: true });
      // In a conflict the edits stay here, on screen, until the user settles it.
      if (conflictRef.current) return;
      if (when === 'now') {
        flush();
        return;
      }
      clearTimer();
      timerRef.current = window.setTimeout(flush, SAVE_DELAY_MS);
    },
    [flush, setWorking],
  );

  // Another tab's save: of this draft, judge it; of any, refresh the list of names.
  useEffect(() => {
    const unsubscribe = feed.subscribe((change) => {
      refreshList();
      const current = workingRef.current;
      if (change.key !== draftKey(current.draft.id)) return;
      const judged = judgeForeignSave(current, readDraft(storage, current.draft.id));
      if (judged.action === 'adopt') {
        setWorking({ ...current, base: judged.revision, dirty: false });
        if (conflictRef.current) setConflict(undefined);
      } else if (judged.action === 'conflict') showConflict(judged.theirs);
    });
    return unsubscribe;
  }, [feed, storage, refreshList, setWorking, setConflict, showConflict]);

  useEffect(() => {
    const handleHide = () => {
      if (timerRef.current !== undefined) flush();
    };
    const handleVisibility = () => {
      if (document.visibilityState === 'hidden') handleHide();
    };
    window.addEventListener('pagehide', handleHide);
    document.addEventListener('visibilitychange', handleVisibility);
    return () => {
      window.removeEventListener('pagehide', handleHide);
      document.removeEventListener('visibilitychange', handleVisibility);
      if (timerRef.current !== undefined) flush();
    };
  }, [flush]);

  /** Makes `draft` (already stored as `base`) the one this tab shows. */
  const show = useCallback(
    (draft: Draft, base: number | undefined, dirty = false) => {
      setWorking({ draft, base, dirty });
      setConflict(undefined);
      writeActiveId(draft.id);
      setGeneration((value) => value + 1);
      refreshList();
    },
    [setWorking, setConflict, refreshList],
  );

  /** Stores a new draft, tells the other tabs, and shows it. */
  const storeNew = useCallback(
    (draft: Draft) => {
      const written = writeDraft(storage, draft, undefined);
      if (written.ok) feed.publish({ key: draftKey(draft.id), revision: written.revision });
      else if (written.reason !== 'conflict') setFailure(written.message);
      show(draft, written.ok ? written.revision : undefined, !written.ok);
      return draft;
    },
    [storage, feed, show],
  );

  const copyOfMine = useCallback((): Draft => {
    const mine = workingRef.current.draft;
    const copy = createDraft(
      uniqueDraftName(`${mine.name} (mine)`, listRef.current),
      mine.model,
      mine.runs,
    );
    return mine.jsonText === undefined ? copy : { ...copy, jsonText: mine.jsonText };
  }, []);

  /** Leaving a draft in conflict keeps this tab's version as a new draft: nothing is lost. */
  const settleBeforeLeaving = useCallback(() => {
    if (!conflictRef.current) {
      flush();
      return;
    }
    const copy = copyOfMine();
    const written = writeDraft(storage, copy, undefined);
    if (written.ok) feed.publish({ key: draftKey(copy.id), revision: written.revision });
  }, [flush, copyOfMine, storage, feed]);

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
    [commit],
  );

  /** Replaces the active draft's spec from outside the designer (which then starts again). */
  const replaceModel = useCallback(
    (model: SpecModel) => {
      const rest = withoutJsonText(workingRef.current.draft);
      commit({ ...rest, model, updatedAt: Date.now() }, 'now');
      setGeneration((value) => value + 1);
    },
    [commit],
  );

  /** The active draft's run slot for one target (workflow, override, followed run). */
  const updateRunSlot = useCallback(
    (target: string, slot: RunSlot) => {
      const draft = workingRef.current.draft;
      if (JSON.stringify(draft.runs?.[target]) === JSON.stringify(slot)) return;
      commit({ ...draft, runs: { ...draft.runs, [target]: slot }, updatedAt: Date.now() }, 'soon');
    },
    [commit],
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
    [storage, settleBeforeLeaving, show],
  );

  const rename = useCallback(
    (id: string, name: string) => {
      const draft = workingRef.current.draft;
      if (id !== draft.id) return;
      commit({ ...draft, name: name.trim(), updatedAt: Date.now() }, 'now');
      refreshList();
    },
    [commit, refreshList],
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
    [storage, feed, refreshList, show, storeNew],
  );

  const takeTheirs = useCallback(() => {
    const current = conflictRef.current;
    if (!current) return;
    if (current.theirs) {
      show(current.theirs.value, current.theirs.revision);
      return;
    }
    // Deleted elsewhere: show another draft (or a fresh one); "Keep mine" would keep this one.
    setConflict(undefined);
    const other = listRef.current.find((draft) => draft.id !== workingRef.current.draft.id);
    const stored = other && readDraft(storage, other.id);
    if (stored) show(stored.value, stored.revision);
    else storeNew(createDraft('Untitled spec'));
  }, [show, setConflict, storage, storeNew]);

  const keepMineAsNew = useCallback((): Draft | undefined => {
    if (!conflictRef.current) return undefined;
    return storeNew(copyOfMine());
  }, [storeNew, copyOfMine]);

  const shownConflict = useMemo((): DraftConflict | undefined => {
    if (!conflict) return undefined;
    return {
      theirs: conflict.theirs,
      differences: conflict.theirs
        ? draftDifferences(active, conflict.theirs.value)
        : ['The other tab deleted this draft.'],
    };
  }, [conflict, active]);

  const saveStatus: SaveStatus = conflict
    ? { kind: 'conflict' }
    : failure !== undefined
      ? { kind: 'failed', message: failure }
      : working.dirty
        ? { kind: 'pending' }
        : { kind: 'saved' };

  return {
    drafts,
    active,
    /** The stored revision the shown draft started from. */
    revision: working.base,
    generation,
    saveStatus,
    conflict: shownConflict,
    notice,
    dismissNotice: () => {
      setNotice(undefined);
    },
    updateActive,
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
      flush();
    },
  };
}

export type DraftsApi = ReturnType<typeof useDrafts>;
