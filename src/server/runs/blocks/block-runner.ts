import type { Row } from './row.ts';

/**
 * How the executor drives a block: row by row (so progress and cancel happen at row
 * boundaries), then `finish` for rows that only exist once all input is seen.
 */
export type BlockRunner = {
  processRow: (row: Row) => Row[] | Promise<Row[]>;
  finish?: () => Row[] | Promise<Row[]>;
};

/** A block the sandbox cannot run: the run fails with this reason. */
export class BlockNotExecutableError extends Error {
  override name = 'BlockNotExecutableError';
}
