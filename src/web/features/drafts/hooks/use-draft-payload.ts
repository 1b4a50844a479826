import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import type { createChangeFeed } from '@web/lib/storage/change-feed.ts';
import {
  linkLegacyPayload,
  type PayloadRead,
  readDraftPayload,
  readDraftPayloadNow,
  savePayloadText,
} from '../model/draft-payload.ts';
import { judgeForeignSave, type Working } from '../model/draft-session.ts';
import { type Draft, draftKey, type StoredDraft } from '../model/drafts-store.ts';
import { LOCAL_PAYLOAD_MAX_CHARS } from '../model/payload-blobs.ts';

type ChangeFeed = ReturnType<typeof createChangeFeed>;

/** Quiet time before an edited payload is saved; longer for one too big for localStorage. */
export const PAYLOAD_SAVE_DELAY_MS = 400;
const LARGE_PAYLOAD_SAVE_DELAY_MS = 2_000;
export const payloadSaveDelay = (text: string): number =>
  text.length > LOCAL_PAYLOAD_MAX_CHARS ? LARGE_PAYLOAD_SAVE_DELAY_MS : PAYLOAD_SAVE_DELAY_MS;

/**
 * One shown draft's payload: the stored text and what the editor holds beyond it. A new
 * object each time a draft is shown, so a save still in flight for the draft left behind
 * finishes against that draft (`left`), never the one shown now.
 */
export type PayloadWorking = {
  draftId: string;
  /** The text the draft's payload key holds; undefined: none stored (or not read yet). */
  stored: string | undefined;
  /** The editor's newest text, when it is neither the stored one nor being saved. */
  unsaved: string | undefined;
  /** The text being written now. */
  saving: string | undefined;
  /** Edited since the editor last reported its text: on screen is not what is stored. */
  editing: boolean;
  /** Set when the tab moved to another draft: the draft to finish saving into. */
  left: Working | undefined;
  /** Left in a conflict, settled by the user: nothing more is saved into it. */
  abandoned: boolean;
};

/** The editor's starting point: `text` undefined means no payload is stored for the draft. */
export type PayloadView =
  { key: string; loading: true } | { key: string; loading: false; text: string | undefined };

const freshPayload = (draftId: string, stored?: string, unsaved?: string): PayloadWorking => ({
  draftId,
  stored,
  unsaved,
  saving: undefined,
  editing: false,
  left: undefined,
  abandoned: false,
});

type Options = {
  storage: Storage | undefined;
  feed: ChangeFeed;
  /** The draft shown first (read during the first render, so not through `workingRef`). */
  initialDraft: Draft;
  workingRef: RefObject<Working>;
  isInConflict: () => boolean;
  setWorking: (next: Working) => void;
  showConflict: (theirs: StoredDraft | undefined) => void;
  /** A save of the draft left behind was refused: keep that text as a draft of its own. */
  keepLeftVersion: (left: Working, text: string) => void;
};

/**
 * The sample payload as part of the revisioned draft. The editor reports each edit cheaply
 * (`noteEdit`, no text) and its text when it has read it anyway, to judge it (`update`);
 * the text is saved after a quiet time, under a new key, and the draft then pointed at it
 * with a compare-and-set, so a payload changed in two tabs is a conflict like any other.
 */
export function useDraftPayload({
  storage,
  feed,
  initialDraft,
  workingRef,
  isInConflict,
  setWorking,
  showConflict,
  keepLeftVersion,
}: Options) {
  const [first] = useState(() => {
    const read = readDraftPayloadNow(storage, initialDraft);
    const view: PayloadView = read
      ? { key: `${initialDraft.id}:0`, loading: false, text: read.text }
      : { key: `${initialDraft.id}:0`, loading: true };
    return { working: freshPayload(initialDraft.id, read?.text), view };
  });
  const payloadRef = useRef<PayloadWorking>(first.working);
  const viewCounter = useRef(0);
  const [view, setView] = useState<PayloadView>(first.view);
  const [dirty, setDirty] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  // Reads the editor's text now: an edit typed just before the draft is left (or the page
  // closed) has not been reported yet, as the editor reports its text only to judge it.
  const readerRef = useRef<(() => string | undefined) | undefined>(undefined);

  const syncDirty = useCallback(() => {
    const p = payloadRef.current;
    setDirty(p.editing || p.unsaved !== undefined || p.saving !== undefined);
  }, []);

  /** Saves `p`'s unsaved text, one write at a time; the newest text follows when it is done. */
  const save = useCallback(
    (first: PayloadWorking) => {
      const step = (p: PayloadWorking): void => {
        const text = p.unsaved;
        if (text === undefined || p.saving !== undefined) return;
        if (p.left === undefined && isInConflict()) return;
        p.unsaved = undefined;
        p.saving = text;
        const current = (): Working => p.left ?? workingRef.current;
        void savePayloadText(storage, p.draftId, text, current).then((saved) => {
          p.saving = undefined;
          if (p.abandoned) return;
          const shown = payloadRef.current === p;
          if (saved.kind === 'saved') {
            p.stored = text;
            const next: Working = { draft: saved.draft, base: saved.revision, dirty: false };
            if (shown) setWorking(next);
            else p.left = next;
            if (shown) setFailure(undefined);
            feed.publish({ key: draftKey(p.draftId), revision: saved.revision });
          } else if (saved.kind === 'failed') {
            p.unsaved ??= text;
            if (shown) setFailure(saved.message);
          } else {
            p.unsaved ??= text;
            const judged = judgeForeignSave(current(), saved.theirs);
            if (judged.action === 'adopt') {
              const adopted = { ...current(), base: judged.revision };
              if (shown) setWorking(adopted);
              else p.left = adopted;
            } else if (shown) showConflict(saved.theirs);
            else {
              keepLeftVersion(current(), p.unsaved);
              p.unsaved = undefined;
              return;
            }
          }
          if (shown) syncDirty();
          if (saved.kind !== 'failed') step(p);
        });
      };
      step(first);
    },
    [storage, feed, workingRef, isInConflict, setWorking, showConflict, keepLeftVersion, syncDirty],
  );

  /** Points a draft from before payloads were part of drafts at its text's old place. */
  const linkLegacy = useCallback(
    (draftId: string, key: string) => {
      const current = workingRef.current;
      if (current.draft.id !== draftId || current.draft.payload || isInConflict()) return;
      if (current.dirty) {
        // The next save of the draft carries it.
        setWorking({ ...current, draft: { ...current.draft, payload: { key } } });
        return;
      }
      const linked = linkLegacyPayload(storage, current.draft, current.base, key);
      if (!linked.result.ok) return;
      setWorking({ draft: linked.draft, base: linked.result.revision, dirty: false });
      feed.publish({ key: draftKey(draftId), revision: linked.result.revision });
    },
    [storage, feed, workingRef, isInConflict, setWorking],
  );

  const applyRead = useCallback(
    (p: PayloadWorking, viewKey: string, read: PayloadRead) => {
      if (payloadRef.current !== p) return;
      p.stored = read.text;
      setView({ key: viewKey, loading: false, text: read.text });
      if (read.legacyKey !== undefined) linkLegacy(p.draftId, read.legacyKey);
    },
    [linkLegacy],
  );

  // The first draft's payload, when only IndexedDB holds it (or it lies in the old place).
  const startedRef = useRef(false);
  useEffect(() => {
    if (startedRef.current) return;
    startedRef.current = true;
    const p = payloadRef.current;
    const draft = initialDraft;
    const read = readDraftPayloadNow(storage, draft);
    if (read) applyRead(p, `${draft.id}:0`, read);
    else
      void readDraftPayload(storage, draft).then((later) => {
        applyRead(p, `${draft.id}:0`, later);
      });
  }, [storage, initialDraft, applyRead]);

  /**
   * A draft is shown: its stored payload is read, or `mine` (this tab's text, kept as a new
   * draft) becomes its payload to save. The previous draft's payload finishes saving there.
   */
  const showPayloadOf = useCallback(
    (draft: Draft, mine?: string) => {
      const previous = payloadRef.current;
      // Left in a conflict: the user has settled it (this tab's version kept or dropped).
      if (isInConflict()) previous.abandoned = true;
      else previous.left = { ...workingRef.current };
      viewCounter.current += 1;
      const viewKey = `${draft.id}:${String(viewCounter.current)}`;
      const p = freshPayload(draft.id, undefined, mine);
      payloadRef.current = p;
      setFailure(undefined);
      if (mine !== undefined) {
        setView({ key: viewKey, loading: false, text: mine });
        syncDirty();
        return;
      }
      syncDirty();
      const read = readDraftPayloadNow(storage, draft);
      if (read) {
        applyRead(p, viewKey, read);
        return;
      }
      setView({ key: viewKey, loading: true });
      void readDraftPayload(storage, draft).then((later) => {
        applyRead(p, viewKey, later);
      });
    },
    [storage, workingRef, isInConflict, syncDirty, applyRead],
  );

  /** An edit in the editor (cheap: no text). */
  const noteEdit = useCallback(() => {
    const p = payloadRef.current;
    if (p.editing) return;
    p.editing = true;
    setDirty(true);
  }, []);

  /**
   * The editor's text, read to be judged. Only an edit since the last one counts: the same
   * text judged again (the spec changed) saves nothing. Returns the delay before it is saved,
   * or undefined when there is nothing to save.
   */
  const update = useCallback(
    (text: string): number | undefined => {
      const p = payloadRef.current;
      if (!p.editing) return undefined;
      p.editing = false;
      // A large text is never compared: comparing two texts of one length reads (and makes V8
      // flatten) both, about 100 ms at 100k rows on a keystroke that undid the last one;
      // saving the same text again, 2 s later, costs nothing the user waits for.
      const same = text.length <= LOCAL_PAYLOAD_MAX_CHARS && text === (p.saving ?? p.stored);
      p.unsaved = same ? undefined : text;
      syncDirty();
      return p.unsaved === undefined ? undefined : payloadSaveDelay(text);
    },
    [syncDirty],
  );

  /**
   * Takes the editor's newest text if it has edits it has not reported yet (so a save now
   * carries them). Called before the draft is left or the page is hidden.
   */
  const pullEdits = useCallback(() => {
    if (!payloadRef.current.editing) return;
    const text = readerRef.current?.();
    if (text !== undefined) update(text);
  }, [update]);
  /**
   * The editor shown registers how to read its text; returns how to unregister (only its
   * own reader, so a new editor that registered first is not dropped).
   */
  const setReader = useCallback((read: () => string | undefined) => {
    readerRef.current = read;
    return () => {
      if (readerRef.current === read) readerRef.current = undefined;
    };
  }, []);
  const isEditing = useCallback((): boolean => payloadRef.current.editing, []);

  /** The payload on screen, as far as the editor has reported it. */
  const mine = useCallback((): string | undefined => {
    const p = payloadRef.current;
    return p.unsaved ?? p.saving ?? p.stored;
  }, []);
  const hasUnsaved = useCallback((): boolean => payloadRef.current.unsaved !== undefined, []);
  const saveNow = useCallback(() => {
    save(payloadRef.current);
  }, [save]);
  const clearFailure = useCallback(() => {
    setFailure(undefined);
  }, []);

  return {
    view,
    dirty,
    failure,
    mine,
    hasUnsaved,
    saveNow,
    clearFailure,
    showPayloadOf,
    noteEdit,
    update,
    pullEdits,
    setReader,
    isEditing,
  };
}

export type DraftPayloadApi = ReturnType<typeof useDraftPayload>;
