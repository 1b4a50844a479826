import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SpecModel } from '../../../../core/spec/webhook-spec.ts';
import {
  createDraft,
  type Draft,
  type DraftsState,
  loadDrafts,
  saveDrafts,
  uniqueDraftName,
} from '../model/drafts-store.ts';

export type SaveStatus =
  { kind: 'saved' } | { kind: 'pending' } | { kind: 'failed'; message: string };

const SAVE_DELAY_MS = 300;

/**
 * Named drafts in localStorage. Edits are saved shortly after they stop (and at once when
 * the page is hidden or closed); structural changes (create, switch, rename, delete) at once.
 */
export function useDrafts() {
  const [loaded] = useState(loadDrafts);
  const [state, setState] = useState<DraftsState>(loaded.state);
  const [saveStatus, setSaveStatus] = useState<SaveStatus>({ kind: 'saved' });
  const [notice, setNotice] = useState(loaded.notice);
  const stateRef = useRef(state);
  const timerRef = useRef<number | undefined>(undefined);

  const flush = useCallback(() => {
    if (timerRef.current !== undefined) {
      window.clearTimeout(timerRef.current);
      timerRef.current = undefined;
    }
    const result = saveDrafts(stateRef.current);
    setSaveStatus(result.ok ? { kind: 'saved' } : { kind: 'failed', message: result.message });
  }, []);

  const commit = useCallback(
    (next: DraftsState, when: 'now' | 'soon') => {
      stateRef.current = next;
      setState(next);
      if (when === 'now') {
        flush();
        return;
      }
      setSaveStatus((previous) => (previous.kind === 'failed' ? previous : { kind: 'pending' }));
      if (timerRef.current !== undefined) window.clearTimeout(timerRef.current);
      timerRef.current = window.setTimeout(flush, SAVE_DELAY_MS);
    },
    [flush],
  );

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

  const active: Draft = useMemo(
    // The state always holds at least one draft (schema `.min(1)`, and remove keeps one).
    () => state.drafts.find((draft) => draft.id === state.activeId) ?? (state.drafts[0] as Draft),
    [state],
  );

  const updateActive = useCallback(
    (change: { model: SpecModel; jsonText?: string }) => {
      const current = stateRef.current;
      const draft = current.drafts.find((candidate) => candidate.id === current.activeId);
      if (!draft) return;
      const same =
        JSON.stringify(draft.model) === JSON.stringify(change.model) &&
        draft.jsonText === change.jsonText;
      if (same) return;
      const updated: Draft = {
        id: draft.id,
        name: draft.name,
        createdAt: draft.createdAt,
        model: change.model,
        ...(change.jsonText === undefined ? {} : { jsonText: change.jsonText }),
        updatedAt: Date.now(),
      };
      commit(
        { ...current, drafts: current.drafts.map((d) => (d.id === updated.id ? updated : d)) },
        'soon',
      );
    },
    [commit],
  );

  const create = useCallback(
    (name: string, model?: SpecModel): Draft => {
      const current = stateRef.current;
      const draft = createDraft(uniqueDraftName(name, current.drafts), model);
      commit({ ...current, activeId: draft.id, drafts: [...current.drafts, draft] }, 'now');
      return draft;
    },
    [commit],
  );

  const select = useCallback(
    (id: string) => {
      const current = stateRef.current;
      if (id === current.activeId || !current.drafts.some((draft) => draft.id === id)) return;
      commit({ ...current, activeId: id }, 'now');
    },
    [commit],
  );

  const rename = useCallback(
    (id: string, name: string) => {
      const current = stateRef.current;
      commit(
        {
          ...current,
          drafts: current.drafts.map((draft) =>
            draft.id === id ? { ...draft, name: name.trim(), updatedAt: Date.now() } : draft,
          ),
        },
        'now',
      );
    },
    [commit],
  );

  const remove = useCallback(
    (id: string) => {
      const current = stateRef.current;
      const index = current.drafts.findIndex((draft) => draft.id === id);
      if (index < 0) return;
      const rest = current.drafts.filter((draft) => draft.id !== id);
      if (rest.length === 0) {
        const draft = createDraft('Untitled spec');
        commit({ ...current, activeId: draft.id, drafts: [draft] }, 'now');
        return;
      }
      const nextActive =
        current.activeId === id
          ? (rest[Math.min(index, rest.length - 1)]?.id ?? current.activeId)
          : current.activeId;
      commit({ ...current, activeId: nextActive, drafts: rest }, 'now');
    },
    [commit],
  );

  return {
    drafts: state.drafts,
    active,
    saveStatus,
    notice,
    dismissNotice: () => {
      setNotice(undefined);
    },
    updateActive,
    create,
    select,
    rename,
    remove,
    retrySave: flush,
  };
}

export type DraftsApi = ReturnType<typeof useDrafts>;
