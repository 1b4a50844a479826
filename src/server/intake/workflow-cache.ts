import { createLruMap } from '../store/lru-map.ts';
import type { WorkflowStore } from '../store/workflow-store.ts';
import { checkStoredWorkflow, type CheckedWorkflow } from '../workflows/check-stored-workflow.ts';

/** How many workflows are kept; the least recently used goes first. */
const MAX_ENTRIES = 256;
/**
 * A workflow whose graph text is longer (a large webhook_input) is read and checked on every
 * request instead: 256 kept graphs then hold at most about 256M characters of text, and as
 * much again parsed.
 */
const MAX_KEPT_CHARS = 1_000_000;

export type CachedWorkflows = {
  /** The stored workflow with its graph checked (see checkStoredWorkflow), or undefined. */
  get: (id: string) => CheckedWorkflow | undefined;
  /** Drops everything kept: a workflow was created, saved or deleted. */
  forget: () => void;
};

/**
 * The workflows that run requests and the executor read, each checked once per stored
 * version: a stream of runs names the same few workflows, and reading the row and validating
 * its graph and webhook spec each time was most of a run request's work. Only the event loop
 * writes workflows, and it calls `forget` (on this thread, or by a message that reaches the
 * intake thread before any later run request) after every write, so the next read checks the
 * new version.
 */
export function cacheWorkflows(store: Pick<WorkflowStore, 'get'>): CachedWorkflows {
  // null: read, and not there (a later create makes the event loop call `forget`).
  const kept = createLruMap<string, CheckedWorkflow | null>(MAX_ENTRIES);
  return {
    get(id) {
      const hit = kept.get(id);
      if (hit !== undefined) return hit ?? undefined;
      const stored = store.get(id);
      const workflow = stored === undefined ? undefined : checkStoredWorkflow(stored);
      const size = workflow?.check.ok ? workflow.check.text.length : 0;
      if (size <= MAX_KEPT_CHARS) kept.set(id, workflow ?? null);
      return workflow;
    },
    forget() {
      kept.clear();
    },
  };
}
