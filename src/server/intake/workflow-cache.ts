import type { StoredWorkflow, WorkflowStore } from '../store/workflow-store.ts';

/** How many workflows are kept; the least recently used goes first. */
const MAX_ENTRIES = 256;

export type CachedWorkflows = Pick<WorkflowStore, 'get'> & {
  /** Drops everything kept: a workflow was created, saved or deleted. */
  forget: () => void;
};

/**
 * The workflows the run intake reads, kept between run requests: a stream of runs names the
 * same few workflows, and reading and checking the row each time was a tenth of the intake's
 * work. Only the event loop writes workflows, and it calls `forget` (on this thread, or by a
 * message that reaches the intake thread before any later run request) after every write.
 */
export function cacheWorkflows(store: Pick<WorkflowStore, 'get'>): CachedWorkflows {
  const kept = new Map<string, StoredWorkflow | null>();
  return {
    get(id) {
      const hit = kept.get(id);
      if (hit !== undefined) {
        kept.delete(id);
        kept.set(id, hit);
        return hit ?? undefined;
      }
      const workflow = store.get(id);
      kept.set(id, workflow ?? null);
      if (kept.size > MAX_ENTRIES) {
        const oldest = kept.keys().next();
        if (!oldest.done) kept.delete(oldest.value);
      }
      return workflow;
    },
    forget() {
      kept.clear();
    },
  };
}
