import { describe, expect, it } from 'vitest';
import { createIdempotencyStore } from '../store/idempotency-store.ts';
import { createRunStore } from '../store/run-store.ts';
import { newRunRow, useTempDatabase } from '../test-support/run-path-fixtures.ts';
import { createRunCommitter } from './commit-runs.ts';

describe('the run committer', () => {
  const db = useTempDatabase('commit');
  const runs = createRunStore(db);

  it('writes what rides along in the same transaction as the runs, before them', async () => {
    const seen: { inTransaction: boolean; runsBefore: number }[] = [];
    const countRuns = db.prepare('SELECT count(*) FROM runs').pluck();
    const committer = createRunCommitter({
      db,
      runs,
      idempotency: createIdempotencyStore(db),
      onQueued: () => undefined,
      alongside: () => {
        seen.push({ inTransaction: db.inTransaction, runsBefore: Number(countRuns.get()) });
      },
    });
    const prepared = (jobId: string) => ({
      kind: 'insert' as const,
      idempotency: null,
      run: newRunRow(jobId),
    });
    // Two runs of one moment: one transaction, one ride-along.
    await Promise.all([committer.commit(prepared('c1')), committer.commit(prepared('c2'))]);
    expect(seen).toEqual([{ inTransaction: true, runsBefore: 0 }]);
    expect(Number(countRuns.get())).toBe(2);
  });
});
