import { type RefObject, useCallback, useRef, useState } from 'react';
import type { createChangeFeed } from '@web/lib/storage/change-feed.ts';
import { savePayloadText } from '../model/draft-payload.ts';
import { judgeForeignSave, type Working } from '../model/draft-session.ts';
import type { InitialDrafts } from '../model/initial-drafts.ts';
import {
  createDraft,
  type Draft,
  draftKey,
  type StoredDraft,
  uniqueDraftName,
  writeDraft,
} from '../model/drafts-store.ts';
import { useDraftPayload } from './use-draft-payload.ts';
import { useDraftSync } from './use-draft-sync.ts';

export type SaveStatus =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'failed'; message: string }
  | { kind: 'conflict' };

/** Another tab saved this draft differently (`theirs` undefined: it deleted it). */
export type StoredConflict = { theirs: StoredDraft | undefined };

const SAVE_DELAY_MS = 300;

/** A new draft holding `draft`'s content (not its payload key: that text is the other's). */
export function copyOf(draft: Draft, list: readonly Draft[]): Draft {
  const copy = createDraft(uniqueDraftName(`${draft.name} (mine)`, list), draft.model, draft.runs);
  return draft.jsonText === undefined ? copy : { ...copy, jsonText: draft.jsonText };
}

type Options = {
  storage: Storage | undefined;
  feed: ReturnType<typeof createChangeFeed>;
  initial: InitialDrafts;
  listRef: RefObject<Draft[]>;
  refreshList: () => void;
};

/**
 * The shown draft and how it is saved: edits shortly after they stop, structural changes at
 * once, the payload through `useDraftPayload`, each a compare-and-set on the revision this
 * tab started from; a refused one becomes a conflict. `saveStatus` says "saved" only when
 * what is on screen (payload included) is what is stored.
 */
export function useDraftSaving({ storage, feed, initial, listRef, refreshList }: Options) {
  const [working, setWorkingState] = useState<Working>(initial.working);
  const [conflict, setConflictState] = useState<StoredConflict | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(initial.failure);
  const workingRef = useRef(working);
  const conflictRef = useRef(conflict);
  const timerRef = useRef<number | undefined>(undefined);

  const setWorking = useCallback((next: Working) => {
    workingRef.current = next;
    setWorkingState(next);
  }, []);
  const setConflict = useCallback((next: StoredConflict | undefined) => {
    conflictRef.current = next;
    setConflictState(next);
  }, []);
  const isInConflict = useCallback(() => conflictRef.current !== undefined, []);
  const clearTimer = useCallback(() => {
    if (timerRef.current !== undefined) window.clearTimeout(timerRef.current);
    timerRef.current = undefined;
  }, []);

  const showConflict = useCallback(
    (theirs: StoredDraft | undefined) => {
      clearTimer();
      setConflict({ theirs });
    },
    [setConflict, clearTimer],
  );

  /** Writes a new draft with `payload` as its text; nothing is shown. */
  const writeNew = useCallback(
    (draft: Draft, payload: string | undefined) => {
      const written = writeDraft(storage, draft, undefined);
      if (!written.ok) return written;
      feed.publish({ key: draftKey(draft.id), revision: written.revision });
      if (payload !== undefined) {
        const stored = { draft, base: written.revision };
        void savePayloadText(storage, draft.id, payload, () => stored).then((saved) => {
          if (saved.kind !== 'saved') return;
          feed.publish({ key: draftKey(draft.id), revision: saved.revision });
          refreshList();
        });
      }
      return written;
    },
    [storage, feed, refreshList],
  );

  const keepLeftVersion = useCallback(
    (left: Working, text: string) => {
      writeNew(copyOf(left.draft, listRef.current), text);
      refreshList();
    },
    [writeNew, refreshList, listRef],
  );

  const payload = useDraftPayload({
    storage,
    feed,
    initialDraft: initial.working.draft,
    workingRef,
    isInConflict,
    setWorking,
    showConflict,
    keepLeftVersion,
  });
  const payloadDirty = payload.dirty;
  const {
    saveNow: savePayloadNow,
    hasUnsaved: hasUnsavedPayload,
    pullEdits,
    isEditing: isEditingPayload,
  } = payload;

  const flush = useCallback(() => {
    clearTimer();
    const current = workingRef.current;
    if (conflictRef.current) return;
    pullEdits();
    savePayloadNow();
    if (!current.dirty) return;
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
  }, [storage, feed, setWorking, showConflict, savePayloadNow, pullEdits, clearTimer]);

  const schedule = useCallback(
    (delay: number) => {
      clearTimer();
      timerRef.current = window.setTimeout(flush, delay);
    },
    [flush, clearTimer],
  );

  const commit = useCallback(
    (draft: Draft, when: 'now' | 'soon') => {
      const current = workingRef.current;
      setWorking({ ...current, draft, dirty: true });
      // In a conflict the edits stay here, on screen, until the user settles it.
      if (conflictRef.current) return;
      if (when === 'now') flush();
      else schedule(SAVE_DELAY_MS);
    },
    [flush, schedule, setWorking],
  );

  const adopt = useCallback(
    (revision: number) => {
      setWorking({ ...workingRef.current, base: revision, dirty: false });
      if (!conflictRef.current) return;
      setConflict(undefined);
      if (hasUnsavedPayload()) schedule(SAVE_DELAY_MS);
    },
    [setWorking, setConflict, hasUnsavedPayload, schedule],
  );

  const flushIfDue = useCallback(() => {
    if (timerRef.current !== undefined || isEditingPayload()) flush();
  }, [flush, isEditingPayload]);

  useDraftSync({ feed, storage, workingRef, refreshList, adopt, showConflict, flushIfDue });

  const failed = failure ?? payload.failure;
  const saveStatus: SaveStatus = conflict
    ? { kind: 'conflict' }
    : failed !== undefined
      ? { kind: 'failed', message: failed }
      : working.dirty || payloadDirty
        ? { kind: 'pending' }
        : { kind: 'saved' };

  return {
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
  };
}
