import { z } from 'zod';
import type { Target } from '../../../lib/api/connection.ts';
import { readLocal, writeLocal } from '../../../lib/storage/local-store.ts';

/**
 * The workflow open in the console, per target and per draft, kept across reloads. A
 * workflow id is not a secret, so localStorage is fine; no key ever goes here.
 */
export const OPEN_WORKFLOWS_STORAGE_KEY = 'inlet.open-workflows.v1';

/**
 * Drafts are deleted elsewhere (the runs feature does not see it), so entries of deleted
 * drafts are never cleared one by one: the oldest beyond this many are dropped instead.
 */
export const MAX_OPEN_WORKFLOWS = 100;

const openWorkflowsSchema = z.record(z.string(), z.string().min(1));
/** Slot (`target:draftId`) → workflow id, oldest first. */
export type OpenWorkflows = z.infer<typeof openWorkflowsSchema>;

export const openWorkflowSlot = (target: Target, draftId: string): string => `${target}:${draftId}`;

/** What is stored, or nothing when it is absent, unreadable or blocked. */
export function readOpenWorkflows(): OpenWorkflows {
  const raw = readLocal(OPEN_WORKFLOWS_STORAGE_KEY);
  if (raw === undefined) return {};
  try {
    const parsed = openWorkflowsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** `stored` with `slot` set to `workflowId` (newest last), or removed when undefined. */
export function withOpenWorkflow(
  stored: OpenWorkflows,
  slot: string,
  workflowId: string | undefined,
): OpenWorkflows {
  const entries = Object.entries(stored).filter(([name]) => name !== slot);
  if (workflowId !== undefined) entries.push([slot, workflowId]);
  return Object.fromEntries(entries.slice(-MAX_OPEN_WORKFLOWS));
}

/**
 * Sets (or, with undefined, forgets) one slot, reading the store afresh so another tab's
 * entries are kept. Returns the new state (with blocked storage, that slot alone, in memory).
 */
export function writeOpenWorkflow(slot: string, workflowId: string | undefined): OpenWorkflows {
  const next = withOpenWorkflow(readOpenWorkflows(), slot, workflowId);
  writeLocal(OPEN_WORKFLOWS_STORAGE_KEY, JSON.stringify(next));
  return next;
}
