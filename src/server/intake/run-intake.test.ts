import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createWorkflowStore } from '../store/workflow-store.ts';
import { createIdempotencyStore } from '../store/idempotency-store.ts';
import { openDatabase } from '../store/open-database.ts';
import { createRunIntake } from './run-intake.ts';
import { cacheWorkflows } from './workflow-cache.ts';

/** A refused run request as the intake answers it, with the body kept for the inbox. */
const refusedWithBody = z.looseObject({
  kind: z.literal('error'),
  inboxBody: z.instanceof(Uint8Array),
});

const silentLog = {
  warnings: [] as unknown[],
  warn(...args: unknown[]) {
    this.warnings.push(args);
  },
};

describe('run intake', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'inlet-intake-'));
  const db = openDatabase(dir);
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const readers = {
    workflows: cacheWorkflows(createWorkflowStore(db)),
    idempotency: createIdempotencyStore(db),
    maxRows: 100,
    maxBodyBytes: 10_000,
  };
  const request = {
    body: new TextEncoder().encode('{"webhook_payload": [{"a": 1}]}'),
    query: { workflow_id: '00000000-0000-4000-8000-000000000000' },
    caller: { kind: 'api-key', keyHash: 'h' } as const,
    idempotencyKey: undefined,
  };

  it('prepares inline, with the same answers, when its thread cannot start', async () => {
    const intake = createRunIntake({
      readers,
      thread: { dbFile: path.join(dir, 'missing.sqlite'), maxRows: 100, maxBodyBytes: 10_000 },
      // The logger's shape as far as the intake uses it.
      log: silentLog as never,
    });
    expect(await intake.ready).toBe('inline');
    expect(silentLog.warnings).toHaveLength(1);
    expect(JSON.stringify(silentLog.warnings[0])).toMatch(/unable to open|does not exist|missing/i);
    const { inboxBody, ...answer } = refusedWithBody.parse(await intake.prepare(request));
    expect(answer).toEqual({
      kind: 'error',
      error: {
        status: 404,
        body: { detail: 'Workflow 00000000-0000-4000-8000-000000000000 not found' },
        headers: {},
      },
    });
    // The body's kept part, compressed for the inbox where it was prepared.
    expect(inboxBody.byteLength).toBeGreaterThan(0);
    await intake.close();
  });

  it('answers from its thread once ready, and inline again after it is closed', async () => {
    const intake = createRunIntake({
      readers,
      thread: { dbFile: db.name, maxRows: 100, maxBodyBytes: 10_000 },
      log: silentLog as never,
    });
    expect(await intake.ready).toBe('thread');
    const fromThread = await intake.prepare(request);
    await intake.close();
    const inline = await intake.prepare(request);
    expect(fromThread).toEqual(inline);
    expect(fromThread.kind).toBe('error');
  });
});
