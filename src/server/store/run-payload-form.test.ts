import { describe, expect, it } from 'vitest';
import { compressInboxBody } from '../inbox/inbox-body.ts';
import { compressJson } from './compressed-json.ts';
import { newRunRow, useTempDatabase } from '../test-support/run-path-fixtures.ts';
import { createRunStore } from './run-store.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('a run payload stored as the request body', () => {
  const db = useTempDatabase('payload-form');
  const runs = createRunStore(db);

  it('reads back as the rows of its webhook_payload, whatever else the body held', () => {
    const body = '{"save": 1, "webhook_payload": [{"a": 1}, {"__proto__": {"x": 1}}], "z": [2]}';
    runs.insert(newRunRow('j1', { payload: compressInboxBody(bytes(body)), payloadForm: 'body' }));
    const rows = runs.payloadRows('j1');
    expect(rows).toEqual(JSON.parse('[{"a": 1}, {"__proto__": {"x": 1}}]'));
    expect(runs.payload('j1')).toBe('[{"a":1},{"__proto__":{"x":1}}]');
  });

  it('takes one row object as one row, and skips a byte order mark', () => {
    const body = '\uFEFF{"webhook_payload": {"company_name": "Acme"}}';
    runs.insert(newRunRow('j2', { payload: compressInboxBody(bytes(body)), payloadForm: 'body' }));
    expect(runs.payloadRows('j2')).toEqual([{ company_name: 'Acme' }]);
  });

  it('still reads rows stored as their own JSON', () => {
    runs.insert(newRunRow('j3', { payload: compressJson('[{"b": 2}]'), payloadForm: 'rows' }));
    expect(runs.payloadRows('j3')).toEqual([{ b: 2 }]);
    expect(runs.payload('j3')).toBe('[{"b": 2}]');
    expect(runs.payloadRows('missing')).toBeUndefined();
  });
});
