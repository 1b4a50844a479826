import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createWorkflow, startRun, waitFor, waitForTerminal } from '../test-support/fixtures.ts';
import { containing } from '../test-support/matchers.ts';
import { json, startTestApp, type TestApp } from '../test-support/test-app.ts';
import { DataDirError, openDatabase } from './open-database.ts';

/*
 * Issue #6, faults: a data directory that cannot be written answers a clear error, keeps
 * serving reads and keeps the process alive; an unusable one at start-up exits with a message.
 * Root ignores chmod, so writes are failed by injection: SQLite's `query_only` (it then
 * answers SQLITE_READONLY, as for a read-only disk) and `max_page_count` (SQLITE_FULL, as for a
 * full disk).
 */

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

describe('a data directory that cannot be written', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('answers 507 naming the data directory, keeps reads working and saves nothing', async () => {
    t = await startTestApp();
    const app = t;
    const workflowId = await createWorkflow(app);
    const done = await startRun(app, workflowId);
    expect(await waitForTerminal(app, done)).toBe('completed');
    app.app.sandbox.db.pragma('query_only = ON');
    const refused = await app.call({
      method: 'POST',
      url: `/workflows/run?workflow_id=${workflowId}`,
      payload: JSON.stringify({ webhook_payload: [{ company_name: 'Acme' }] }),
      headers: { 'content-type': 'application/json' },
    });
    expect(refused.statusCode).toBe(507);
    expect(json(refused)).toEqual({ detail: containing(app.dataDir) });
    const cancel = await app.call({ method: 'POST', url: `/workflows/cancel?job_id=${done}` });
    expect(cancel.statusCode).toBe(200);
    expect((await app.call({ url: `/workflows/runs/${done}/live_status` })).statusCode).toBe(200);
    expect(
      (await app.call({ url: `/workflows/runs/${done}/results/download-links` })).statusCode,
    ).toBe(200);
    const list = z
      .array(z.object({ job_id: z.string() }))
      .parse(json(await app.call({ url: '/workflows/runs' })));
    expect(list.map((run) => run.job_id)).toEqual([done]);
    app.app.sandbox.db.pragma('query_only = OFF');
    const again = await startRun(app, workflowId);
    expect(await waitForTerminal(app, again)).toBe('completed');
  });

  it('fails a run whose results no longer fit (a full disk), with the reason, and stays up', async () => {
    t = await startTestApp({ INLET_SANDBOX_ROW_MS: '20' });
    const app = t;
    const workflowId = await createWorkflow(app);
    // Rows that hardly compress (≈240 KB stored), so their results need new pages.
    const rows = Array.from({ length: 30 }, () => ({
      company_name: 'Acme',
      website: randomBytes(8_000).toString('base64'),
    }));
    const jobId = await startRun(app, workflowId, { webhook_payload: rows });
    const statusSchema = z.object({ status: z.string() });
    await waitFor(
      () =>
        statusSchema.parse(
          app.app.sandbox.db.prepare('SELECT status FROM runs WHERE job_id = ?').get(jobId),
        ).status === 'running',
    );
    // The database may not grow any more: SQLite answers SQLITE_FULL, as on a full disk.
    const pages = z.number().parse(app.app.sandbox.db.pragma('page_count', { simple: true }));
    app.app.sandbox.db.pragma(`max_page_count = ${pages}`);
    expect(await waitForTerminal(app, jobId)).toBe('failed');
    const runs = z
      .array(z.object({ job_id: z.string(), status_reason: z.string().nullable() }))
      .parse(json(await app.call({ url: '/workflows/runs' })));
    expect(runs[0]?.status_reason).toMatch(
      new RegExp(`Could not store the results in ${app.dataDir}: .*full.*Free disk space`),
    );
    const links = await app.call({ url: `/workflows/runs/${jobId}/results/download-links` });
    expect(links.statusCode).toBe(409);
    expect((await app.call({ url: '/inlet/health' })).statusCode).toBe(200);
  });
});

describe('an unusable data directory at start-up', () => {
  it.each([
    ['a path under /proc', '/proc/inlet-data'],
    ['/proc itself', '/proc'],
    ['a file', '(file)'],
  ])('refuses %s with a DataDirError', (_name, dir) => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'inlet-baddir-'));
    const target = dir === '(file)' ? path.join(scratch, 'file') : dir;
    if (dir === '(file)') writeFileSync(target, 'x');
    try {
      expect(() => openDatabase(target)).toThrow(DataDirError);
      expect(() => openDatabase(target)).toThrow(/INLET_DATA_DIR/);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('makes the server exit 1 with the message instead of hanging', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: repoRoot,
      env: { ...process.env, INLET_DATA_DIR: '/proc/inlet-data', PORT: '0' },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Cannot use the data directory /proc/inlet-data');
  });
});
