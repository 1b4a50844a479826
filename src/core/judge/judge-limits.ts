import { MAX_BODY_BYTES, MAX_FINDINGS_PER_KIND, MAX_JSON_DEPTH, MAX_ROWS } from '../limits.ts';
import type { JudgeOptions } from './judgement.ts';

export type JudgeLimits = {
  maxBodyBytes: number;
  maxRows: number;
  maxDepth: number;
  maxFindingsPerKind: number;
};

/** The contract's limits, unless the caller (the sandbox's configuration) sets its own. */
export const resolveLimits = (options: JudgeOptions | undefined): JudgeLimits => ({
  maxBodyBytes: options?.maxBodyBytes ?? MAX_BODY_BYTES,
  maxRows: options?.maxRows ?? MAX_ROWS,
  maxDepth: options?.maxDepth ?? MAX_JSON_DEPTH,
  maxFindingsPerKind: options?.maxFindingsPerKind ?? MAX_FINDINGS_PER_KIND,
});
