import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createWorkflow, startRun, waitForTerminal } from '../test-support/fixtures.ts';
import { json, startTestApp, type TestApp } from '../test-support/test-app.ts';

/*
 * Issue 11: `result_formats` on the run request chooses the files, `format=csv|json|ndjson`
 * on download-links picks one, and each link carries `file_size`, the exact byte size of what
 * its download serves.
 */

const LINKS = '/workflows/runs/{run_id}/results/download-links';
const linkSchema = z.array(
  z.object({
    filename: z.string(),
    content_type: z.string().nullish(),
    download_url: z.string(),
    row_count: z.number(),
    file_size: z.number(),
    results: z.array(z.record(z.string(), z.unknown())).nullish(),
  }),
);
// Multi-byte characters, so a size counted in characters would be wrong.
const ROWS = [
  { company_name: 'Zürich Ärzte ☃', website: 'zurich.example', industry: 'Health' },
  { company_name: 'Globex, "Inc"', website: 'globex.com', industry: 'Line\nbreak' },
];

describe('result formats and file sizes', () => {
  let t: TestApp;
  let workflowId: string;
  beforeAll(async () => {
    t = await startTestApp();
    workflowId = await createWorkflow(t);
  });
  afterAll(() => t.close());

  const links = (jobId: string, format: string) =>
    t.call({
      url: `/workflows/runs/${jobId}/results/download-links?format=${format}`,
      contract: LINKS,
    });
  const download = async (url: string) => {
    const { pathname, search } = new URL(url);
    return t.app.inject({ url: `${pathname}${search}` });
  };

  it('saves the files result_formats names, each link sized exactly as downloaded', async () => {
    const jobId = await startRun(
      t,
      workflowId,
      { webhook_payload: ROWS },
      '&result_formats=csv&result_formats=ndjson',
    );
    expect(await waitForTerminal(t, jobId)).toBe('completed');

    const ndjson = await links(jobId, 'ndjson');
    expect(ndjson.statusCode, ndjson.body).toBe(200);
    const [ndjsonLink] = linkSchema.parse(json(ndjson));
    expect(ndjsonLink?.filename).toBe(`results_${jobId}.ndjson`);
    expect(ndjsonLink?.content_type).toBe('application/x-ndjson');
    const ndjsonBody = await download(ndjsonLink?.download_url ?? '');
    expect(ndjsonBody.statusCode).toBe(200);
    expect(ndjsonBody.headers['content-type']).toContain('application/x-ndjson');
    expect(ndjsonBody.body.split('\n')).toHaveLength(3);
    expect(
      ndjsonBody.body
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual(ROWS);
    expect(ndjsonLink?.file_size).toBe(ndjsonBody.rawPayload.length);

    const csv = await links(jobId, 'csv');
    const [csvLink] = linkSchema.parse(json(csv));
    const csvBody = await download(csvLink?.download_url ?? '');
    expect(csvBody.body).toContain('Zürich Ärzte ☃');
    expect(csvLink?.file_size).toBe(csvBody.rawPayload.length);
    // Asked again, the size is the same (kept, not measured anew).
    expect(linkSchema.parse(json(await links(jobId, 'csv')))[0]?.file_size).toBe(
      csvLink?.file_size,
    );

    const missing = await links(jobId, 'json');
    expect(missing.statusCode).toBe(404);
    expect(json(missing)).toEqual({
      detail: expect.stringContaining('result_formats=json') as unknown,
    });
  });

  it('saves CSV alone by default, CSV and JSON with save_json, and JSON with any result_formats', async () => {
    const plain = await startRun(t, workflowId, { webhook_payload: ROWS });
    await waitForTerminal(t, plain);
    expect((await links(plain, 'csv')).statusCode).toBe(200);
    expect((await links(plain, 'ndjson')).statusCode).toBe(404);

    const both = await startRun(t, workflowId, { webhook_payload: ROWS }, '&save_json=true');
    await waitForTerminal(t, both);
    const [jsonLink] = linkSchema.parse(json(await links(both, 'json')));
    const jsonBody = await download(jsonLink?.download_url ?? '');
    expect(JSON.parse(jsonBody.body)).toEqual(ROWS);
    expect(jsonLink?.file_size).toBe(jsonBody.rawPayload.length);

    const chosen = await startRun(
      t,
      workflowId,
      { webhook_payload: ROWS },
      '&result_formats=ndjson&save_json=true',
    );
    await waitForTerminal(t, chosen);
    expect((await links(chosen, 'ndjson')).statusCode).toBe(200);
    expect((await links(chosen, 'json')).statusCode).toBe(200);
    expect((await links(chosen, 'csv')).statusCode).toBe(404);
  });

  it('refuses an unknown format with 422, on the run and on download-links', async () => {
    const run = await t.call({
      method: 'POST',
      url: `/workflows/run?workflow_id=${workflowId}&result_formats=csv&result_formats=xlsx`,
      payload: JSON.stringify({ webhook_payload: ROWS }),
      contract: '/workflows/run',
    });
    expect(run.statusCode).toBe(422);
    expect(json(run)).toMatchObject({
      detail: [
        { loc: ['query', 'result_formats', 1], msg: expect.stringContaining('ndjson') as unknown },
      ],
    });
    const jobId = await startRun(t, workflowId, { webhook_payload: ROWS });
    await waitForTerminal(t, jobId);
    const bad = await links(jobId, 'xml');
    expect(bad.statusCode).toBe(422);
    expect(json(bad)).toMatchObject({ detail: [{ loc: ['query', 'format'] }] });
  });

  it('saves a download under the name the UI asks for, only as a plain slug', async () => {
    const jobId = await startRun(t, workflowId, { webhook_payload: ROWS });
    expect(await waitForTerminal(t, jobId)).toBe('completed');
    const [link] = linkSchema.parse(json(await links(jobId, 'csv')));
    const url = link?.download_url ?? '';
    const stored = await download(url);
    expect(stored.headers['content-disposition']).toBe(
      `attachment; filename="results_${jobId}.csv"`,
    );
    const named = await download(`${url}&save_as=acme-leads-run-1234abcd`);
    expect(named.statusCode).toBe(200);
    expect(named.headers['content-disposition']).toBe(
      'attachment; filename="acme-leads-run-1234abcd.csv"',
    );
    const hostile = await download(
      `${url}&save_as=${encodeURIComponent('x"; filename="evil.exe')}`,
    );
    expect(hostile.statusCode).toBe(403);
  });
});
