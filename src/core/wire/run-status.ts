import { z } from 'zod';

/** Run statuses (contract, "Runs"). */
export const RUN_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export const runStatusSchema = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof runStatusSchema>;

export const TERMINAL_RUN_STATUSES: readonly RunStatus[] = ['completed', 'failed', 'cancelled'];

/** Block statuses in live status. */
export const BLOCK_STATUSES = ['pending', 'running', 'completed', 'failed'] as const;
export const blockStatusSchema = z.enum(BLOCK_STATUSES);
export type BlockStatus = z.infer<typeof blockStatusSchema>;

/**
 * Whether a status read from any server is finished. Clients also accept `canceled` and treat
 * unknown values as still running (contract, "Runs").
 */
export const isTerminalStatus = (status: string): boolean =>
  status === 'completed' || status === 'failed' || status === 'cancelled' || status === 'canceled';
