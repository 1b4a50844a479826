import { type Draft, type StoredDraft, sameContent } from './drafts-store.ts';

/**
 * The draft a tab shows: its content, the stored revision that content started from, and
 * whether it has edits not yet stored. `base` undefined: never stored (storage blocked).
 */
export type Working = { draft: Draft; base: number | undefined; dirty: boolean };

export type ForeignSave =
  /** Ours, or one we already have. */
  | { action: 'ignore' }
  /** Same content as ours: take its revision, nothing to ask. */
  | { action: 'adopt'; revision: number }
  /** Different content (or deleted): show it and let the user choose. */
  | { action: 'conflict'; theirs: StoredDraft | undefined };

/** What a tab does when the stored copy of its draft is not the one it started from. */
export function judgeForeignSave(working: Working, stored: StoredDraft | undefined): ForeignSave {
  if (stored === undefined) {
    return working.base === undefined
      ? { action: 'ignore' }
      : { action: 'conflict', theirs: undefined };
  }
  if (stored.revision === working.base) return { action: 'ignore' };
  if (sameContent(stored.value, working.draft)) {
    return { action: 'adopt', revision: stored.revision };
  }
  return { action: 'conflict', theirs: stored };
}
