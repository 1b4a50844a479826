import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compressJson } from '../store/compressed-json.ts';
import { createIdempotencyStore } from '../store/idempotency-store.ts';
import { openDatabase } from '../store/open-database.ts';
import { createRunStore } from '../store/run-store.ts';
import { createRunCommitter } from './commit-runs.ts';

describe('the run committer', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'inlet-commit-'));
  const db = openDatabase(dir);
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
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
      run: {
        job_id: jobId,
        workflow_id: 'w',
        workflow_name: 'Commit',
        save_json: false,
        result_formats: ['csv' as const],
        definitionJson: '{"blocks":[],"edges":[]}',
        payload: compressJson('[]'),
        payloadForm: 'rows' as const,
        specsOverrideJson: null,
        warningsJson: '[]',
        blocksJson: '[]',
      },
    });
    // Two runs of one moment: one transaction, one ride-along.
    await Promise.all([committer.commit(prepared('c1')), committer.commit(prepared('c2'))]);
    expect(seen).toEqual([{ inTransaction: true, runsBefore: 0 }]);
    expect(Number(countRuns.get())).toBe(2);
  });
});
