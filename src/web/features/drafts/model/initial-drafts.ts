import type { Working } from './draft-session.ts';
import {
  createDraft,
  type Draft,
  listDrafts,
  migrateLegacyDrafts,
  readActiveId,
  writeActiveId,
  writeDraft,
} from './drafts-store.ts';

export type InitialDrafts = {
  list: Draft[];
  working: Working;
  failure: string | undefined;
  notice?: string;
};

/** What a tab starts from: the stored drafts and the one to show (a new one if none). */
export function initialDrafts(storage: Storage | undefined): InitialDrafts {
  const legacyActive = migrateLegacyDrafts(storage);
  const { drafts, notices } = listDrafts(storage);
  const notice = notices.length > 0 ? notices.join(' ') : undefined;
  const wanted = readActiveId() ?? legacyActive;
  const found = drafts.find((stored) => stored.value.id === wanted) ?? drafts[0];
  if (found) {
    writeActiveId(found.value.id);
    return {
      list: drafts.map((stored) => stored.value),
      working: { draft: found.value, base: found.revision, dirty: false },
      failure: undefined,
      ...(notice === undefined ? {} : { notice }),
    };
  }
  const fresh = createDraft('Untitled spec');
  const written = writeDraft(storage, fresh, undefined);
  writeActiveId(fresh.id);
  return {
    list: [fresh],
    working: { draft: fresh, base: written.ok ? written.revision : undefined, dirty: !written.ok },
    failure: written.ok || written.reason === 'conflict' ? undefined : written.message,
    ...(notice === undefined ? {} : { notice }),
  };
}
