import { createLruMap } from '../store/lru-map.ts';
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
  // null: read, and not there (a later create makes the event loop call `forget`).
  const kept = createLruMap<string, StoredWorkflow | null>(MAX_ENTRIES);
  return {
    get(id) {
      const hit = kept.get(id);
      if (hit !== undefined) return hit ?? undefined;
      const workflow = store.get(id);
      kept.set(id, workflow ?? null);
      return workflow;
    },
    forget() {
      kept.clear();
    },
  };
}
