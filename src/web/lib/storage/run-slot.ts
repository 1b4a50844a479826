import { z } from 'zod';

/**
 * What a draft keeps of its test runs on one target: the workflow open there, the typed
 * `specs_override` (its text, half-typed JSON included) and the run being followed. Ids are
 * not secrets, so this lives in localStorage with the draft; no key ever goes here.
 */
export const runSlotSchema = z.object({
  workflowId: z.string().min(1).optional(),
  overrideText: z.string(),
  followedRunId: z.string().min(1).optional(),
});
export type RunSlot = z.infer<typeof runSlotSchema>;

export const emptyRunSlot = (): RunSlot => ({ overrideText: '' });
