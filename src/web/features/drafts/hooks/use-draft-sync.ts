import { type RefObject, useEffect } from 'react';
import type { createChangeFeed } from '@web/lib/storage/change-feed.ts';
import { judgeForeignSave, type Working } from '../model/draft-session.ts';
import { draftKey, readDraft, type StoredDraft } from '../model/drafts-store.ts';

type Options = {
  feed: ReturnType<typeof createChangeFeed>;
  storage: Storage | undefined;
  workingRef: RefObject<Working>;
  refreshList: () => void;
  /** Another tab saved the same content: take its revision (and save what waits here). */
  adopt: (revision: number) => void;
  showConflict: (theirs: StoredDraft | undefined) => void;
  /** Saves what waits, if a save is due (the page is being hidden or closed). */
  flushIfDue: () => void;
};

/**
 * Hears the other tabs' saves (a save of the shown draft is judged: same content adopted,
 * other content a conflict) and saves what waits when the page is hidden or closed.
 */
export function useDraftSync({
  feed,
  storage,
  workingRef,
  refreshList,
  adopt,
  showConflict,
  flushIfDue,
}: Options) {
  useEffect(() => {
    const unsubscribe = feed.subscribe((change) => {
      refreshList();
      const current = workingRef.current;
      if (change.key !== draftKey(current.draft.id)) return;
      const judged = judgeForeignSave(current, readDraft(storage, current.draft.id));
      if (judged.action === 'adopt') adopt(judged.revision);
      else if (judged.action === 'conflict') showConflict(judged.theirs);
    });
    return unsubscribe;
  }, [feed, storage, workingRef, refreshList, adopt, showConflict]);

  useEffect(() => {
    const handleVisibility = () => {
      if (document.visibilityState === 'hidden') flushIfDue();
    };
    window.addEventListener('pagehide', flushIfDue);
    document.addEventListener('visibilitychange', handleVisibility);
    return () => {
      window.removeEventListener('pagehide', flushIfDue);
      document.removeEventListener('visibilitychange', handleVisibility);
      flushIfDue();
    };
  }, [flushIfDue]);
}
