import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { workflowRunStartedResponseSchema } from '@core/wire/run.ts';
import { sandboxRunRequestResponseSchema } from '@core/wire/sandbox-run-request.ts';
import { openDatabase } from '../store/open-database.ts';
import {
  DOCUMENTED_PAYLOAD,
  createWorkflow,
  startRun,
  waitForTerminal,
} from '../test-support/fixtures.ts';
import { matching } from '../test-support/matchers.ts';
import { json, startTestApp, type TestApp } from '../test-support/test-app.ts';

const requestUrl = (jobId: string) => `/inlet/sandbox/runs/${jobId}/request`;

/** Written as text: an object literal's `__proto__` would set the prototype, not a key. */
const PROTO_PAYLOAD =
  '[{"company_name":"Acme","__proto__":{"polluted":true},"constructor":"c"},{"company_name":"Globex","website":"globex.com"}]';
const PROTO_OVERRIDE =
  '{"input_schema":{"company_name":{"type":"string","required":true},"__proto__":{"type":"dict"}},"dataframe_type":"COMPANY"}';

describe('GET /inlet/sandbox/runs/{run_id}/request', () => {
  let t: TestApp;
  let workflowId: string;
  beforeAll(async () => {
    t = await startTestApp();
    workflowId = await createWorkflow(t);
  });
  afterAll(() => t.close());

  it('refuses a request without the sandbox key, or with another key or only a Bearer token', async () => {
    const jobId = await startRun(t, workflowId);
    for (const headers of [
      {},
      { 'x-api-key': 'sk_wrong_key' },
      { authorization: 'Bearer some.dashboard.jwt' },
    ]) {
      const response = await t.app.inject({ url: requestUrl(jobId), headers });
      expect(response.statusCode, JSON.stringify(headers)).toBe(401);
      expect(json(response)).toEqual({ detail: 'Invalid API key' });
    }
  });

  it('answers 404 with a detail for an unknown run, and no-store', async () => {
    const response = await t.call({ url: requestUrl(randomUUID()) });
    expect(response.statusCode).toBe(404);
    expect(json(response)).toEqual({ detail: matching(/^Run .+ not found$/) });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('returns the stored payload and override exactly, __proto__ keys kept as data', async () => {
    const started = await t.call({
      method: 'POST',
      url: `/workflows/run?workflow_id=${workflowId}&save_json=true`,
      payload: `{"webhook_payload":${PROTO_PAYLOAD},"specs_override":${PROTO_OVERRIDE}}`,
      headers: { 'content-type': 'application/json' },
      contract: '/workflows/run',
    });
    expect(started.statusCode, started.body).toBe(200);
    const { job_id } = workflowRunStartedResponseSchema.parse(json(started));
    expect(await waitForTerminal(t, job_id)).toBe('completed');

    const response = await t.call({ url: requestUrl(job_id) });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const body = sandboxRunRequestResponseSchema.parse(json(response));
    expect(body.save_json).toBe(true);
    // Compared as JSON text: the exact keys, order and values, __proto__ included.
    expect(JSON.stringify(body.webhook_payload)).toBe(PROTO_PAYLOAD);
    expect(JSON.stringify(body.specs_override)).toBe(PROTO_OVERRIDE);
    const [first] = Array.isArray(body.webhook_payload) ? body.webhook_payload : [];
    expect(first && Object.hasOwn(first, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(first)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('returns a null override and save_json false for a run started without them', async () => {
    const jobId = await startRun(t, workflowId, { webhook_payload: DOCUMENTED_PAYLOAD });
    const response = await t.call({ url: requestUrl(jobId) });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual({
      webhook_payload: DOCUMENTED_PAYLOAD,
      specs_override: null,
      save_json: false,
    });
  });
});

/** A workflow and one completed run of it in the data directory `dir`, the app closed again. */
async function completedRunIn(dir: string): Promise<{ workflowId: string; jobId: string }> {
  const app = await startTestApp({}, dir);
  const workflowId = await createWorkflow(app);
  const jobId = await startRun(app, workflowId);
  await waitForTerminal(app, jobId);
  await app.close();
  return { workflowId, jobId };
}

describe('a database made before specs_override was stored', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'inlet-migrate-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('gains the column on start-up; its old runs answer with a null override', async () => {
    const { workflowId, jobId } = await completedRunIn(dir);

    // Back to the old schema: the runs table as it was, without the column.
    const old = openDatabase(dir);
    old.exec('ALTER TABLE runs DROP COLUMN specs_override');
    const columns = () => old.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('runs');
    expect(columns()).not.toContain('specs_override');
    old.close();

    const after = await startTestApp({}, dir);
    try {
      const legacy = await after.call({ url: requestUrl(jobId) });
      expect(legacy.statusCode, legacy.body).toBe(200);
      expect(json(legacy)).toEqual({
        webhook_payload: DOCUMENTED_PAYLOAD,
        specs_override: null,
        save_json: false,
      });
      const fresh = await startRun(after, workflowId, {
        webhook_payload: DOCUMENTED_PAYLOAD,
        specs_override: { dataframe_type: 'COMPANY' },
      });
      const response = await after.call({ url: requestUrl(fresh) });
      expect(json(response)).toMatchObject({ specs_override: { dataframe_type: 'COMPANY' } });
    } finally {
      await after.close();
    }
  });
});

describe('a database made before payloads and results were kept compressed in SQLite', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'inlet-legacy-payload-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads and runs the runs it stored as JSON text, and serves their result files', async () => {
    const { jobId } = await completedRunIn(dir);

    // As an older Inlet stored them: the payload as text in the run's row, results as files,
    // one run done and one still queued.
    const old = openDatabase(dir);
    const text = JSON.stringify(DOCUMENTED_PAYLOAD);
    old.prepare('UPDATE runs SET payload = ? WHERE job_id = ?').run(text, jobId);
    old.prepare('DELETE FROM run_payloads WHERE job_id = ?').run(jobId);
    old.prepare('DELETE FROM result_rows WHERE job_id = ?').run(jobId);
    const resultDir = path.join(dir, 'results', jobId);
    mkdirSync(resultDir, { recursive: true });
    const csvFile = path.join(resultDir, `results_${jobId}.csv`);
    writeFileSync(csvFile, 'company_name\r\nfrom the old file\r\n');
    writeFileSync(path.join(resultDir, 'rows.json'), '[{"company_name":"from the old file"}]');
    old.prepare('UPDATE results SET file_path = ? WHERE job_id = ?').run(csvFile, jobId);
    const queuedId = randomUUID();
    old
      .prepare(
        `INSERT INTO runs (job_id, workflow_id, workflow_name, status, save_json, definition, payload,
          warnings, blocks, created_at, updated_at)
        SELECT ?, workflow_id, workflow_name, 'queued', 1, definition, ?, '[]', ?, created_at, updated_at
        FROM runs WHERE job_id = ?`,
      )
      .run(queuedId, text, '[]', jobId);
    old.close();

    const after = await startTestApp({}, dir);
    try {
      const legacy = await after.call({ url: requestUrl(jobId) });
      expect(legacy.statusCode, legacy.body).toBe(200);
      expect(json(legacy)).toMatchObject({ webhook_payload: DOCUMENTED_PAYLOAD });
      const oldLinks = await after.call({
        url: `/workflows/runs/${jobId}/results/download-links?format=csv&include_results=true`,
      });
      expect(json(oldLinks)).toMatchObject([{ results: [{ company_name: 'from the old file' }] }]);
      const [oldLink] = z.array(z.object({ download_url: z.string() })).parse(json(oldLinks));
      const { pathname, search } = new URL(oldLink?.download_url ?? '');
      const oldFile = await after.app.inject({ url: `${pathname}${search}` });
      expect(oldFile.body).toBe('company_name\r\nfrom the old file\r\n');
      expect(await waitForTerminal(after, queuedId)).toBe('completed');
      const links = await after.call({
        url: `/workflows/runs/${queuedId}/results/download-links?format=json&include_results=true`,
      });
      expect(links.statusCode, links.body).toBe(200);
      expect(json(links)).toMatchObject([{ row_count: 2, results: DOCUMENTED_PAYLOAD }]);
    } finally {
      await after.close();
    }
  });
});
