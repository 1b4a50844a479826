import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compressInboxBody } from '../inbox/inbox-body.ts';
import { compressJson } from './compressed-json.ts';
import { openDatabase } from './open-database.ts';
import { createRunStore, type NewRunRow } from './run-store.ts';

const run = (jobId: string, payload: Pick<NewRunRow, 'payload' | 'payloadForm'>): NewRunRow => ({
  job_id: jobId,
  workflow_id: 'w',
  workflow_name: 'Payload forms',
  save_json: false,
  result_formats: ['csv'],
  definitionJson: '{"blocks":[],"edges":[]}',
  specsOverrideJson: null,
  warningsJson: '[]',
  blocksJson: '[]',
  ...payload,
});
const bytes = (text: string) => new TextEncoder().encode(text);

describe('a run payload stored as the request body', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'inlet-payload-form-'));
  const db = openDatabase(dir);
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const runs = createRunStore(db);

  it('reads back as the rows of its webhook_payload, whatever else the body held', () => {
    const body = '{"save": 1, "webhook_payload": [{"a": 1}, {"__proto__": {"x": 1}}], "z": [2]}';
    runs.insert(run('j1', { payload: compressInboxBody(bytes(body)), payloadForm: 'body' }));
    const rows = runs.payloadRows('j1');
    expect(rows).toEqual(JSON.parse('[{"a": 1}, {"__proto__": {"x": 1}}]'));
    expect(runs.payload('j1')).toBe('[{"a":1},{"__proto__":{"x":1}}]');
  });

  it('takes one row object as one row, and skips a byte order mark', () => {
    const body = '\uFEFF{"webhook_payload": {"company_name": "Acme"}}';
    runs.insert(run('j2', { payload: compressInboxBody(bytes(body)), payloadForm: 'body' }));
    expect(runs.payloadRows('j2')).toEqual([{ company_name: 'Acme' }]);
  });

  it('still reads rows stored as their own JSON', () => {
    runs.insert(run('j3', { payload: compressJson('[{"b": 2}]'), payloadForm: 'rows' }));
    expect(runs.payloadRows('j3')).toEqual([{ b: 2 }]);
    expect(runs.payload('j3')).toBe('[{"b": 2}]');
    expect(runs.payloadRows('missing')).toBeUndefined();
  });
});
