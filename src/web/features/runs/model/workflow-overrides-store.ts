import { z } from 'zod';
import type { Target } from '@web/lib/api/connection.ts';
import { readLocal, writeLocal } from '@web/lib/storage/local-store.ts';

/**
 * The `specs_override` text last typed for each workflow, per target: opening a workflow
 * (into a new draft) brings it back. The draft keeps its own copy; this one outlives drafts.
 * Overrides hold specs only, no secrets, so localStorage is fine.
 */
export const WORKFLOW_OVERRIDES_STORAGE_KEY = 'inlet.workflow-overrides.v1';

/** Workflows are deleted elsewhere, so the oldest entries beyond this many are dropped. */
export const MAX_WORKFLOW_OVERRIDES = 100;

const workflowOverridesSchema = z.record(z.string(), z.string());
/** Slot (`target:workflowId`) → override text, oldest first. */
export type WorkflowOverrides = z.infer<typeof workflowOverridesSchema>;

export const workflowOverrideSlot = (target: Target, workflowId: string): string =>
  `${target}:${workflowId}`;

export function readWorkflowOverrides(): WorkflowOverrides {
  const raw = readLocal(WORKFLOW_OVERRIDES_STORAGE_KEY);
  if (raw === undefined) return {};
  try {
    const parsed = workflowOverridesSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** `stored` with `slot` set to `text` (newest last), or removed when the text is empty. */
export function withWorkflowOverride(
  stored: WorkflowOverrides,
  slot: string,
  text: string,
): WorkflowOverrides {
  const entries = Object.entries(stored).filter(([name]) => name !== slot);
  if (text.trim() !== '') entries.push([slot, text]);
  return Object.fromEntries(entries.slice(-MAX_WORKFLOW_OVERRIDES));
}

/** Remembers one workflow's override, reading the store afresh so other tabs' are kept. */
export function rememberWorkflowOverride(target: Target, workflowId: string, text: string): void {
  const slot = workflowOverrideSlot(target, workflowId);
  const stored = readWorkflowOverrides();
  if ((stored[slot] ?? '') === text) return;
  writeLocal(
    WORKFLOW_OVERRIDES_STORAGE_KEY,
    JSON.stringify(withWorkflowOverride(stored, slot, text)),
  );
}

export const recallWorkflowOverride = (target: Target, workflowId: string): string =>
  readWorkflowOverrides()[workflowOverrideSlot(target, workflowId)] ?? '';
