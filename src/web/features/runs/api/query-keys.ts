import type { Target } from '@web/lib/api/connection.ts';

/**
 * Roots of this feature's query keys, by target, so a sandbox answer is never shown for
 * Sixtyfour. Only the options factories in this folder build keys from them.
 */
export const runsKeyRoot = (target: Target) => ['runs', target] as const;
export const workflowsKeyRoot = (target: Target) => ['workflows', target] as const;
