import { describe, expect, it } from 'vitest';
import { rowsFromBodies } from './rows-from-bodies.ts';

const sent = (body: string | null, truncated = false) => ({ body, truncated });

describe('rowsFromBodies', () => {
  it('gathers the webhook_payload rows of every request, newest first', () => {
    expect(
      rowsFromBodies([
        sent('{"webhook_payload":[{"a":1},{"a":2}]}'),
        sent('\uFEFF{"webhook_payload":[{"b":"x"}],"specs_override":{}}'),
      ]),
    ).toEqual({ rows: [{ a: 1 }, { a: 2 }, { b: 'x' }], used: 2, skipped: 0, rowsLeftOut: 0 });
  });

  it('skips bodies not read, cut, not JSON, or without rows; and non-object rows', () => {
    expect(
      rowsFromBodies([
        sent(null),
        sent('{"webhook_payload":[{"a":1}]}', true),
        sent('{"webhook_payload": ['),
        sent('{"webhook_payload":{"a":1}}'),
        sent('{"other":[{"a":1}]}'),
        sent('{"webhook_payload":[1,"x",null,[{"a":1}]]}'),
        sent('{"webhook_payload":[3,{"c":true}]}'),
      ]),
    ).toEqual({ rows: [{ c: true }], used: 1, skipped: 6, rowsLeftOut: 0 });
  });

  it('stops at the row limit and counts what it left out', () => {
    expect(
      rowsFromBodies(
        [sent('{"webhook_payload":[{"a":1},{"a":2}]}'), sent('{"webhook_payload":[{"a":3}]}')],
        2,
      ),
    ).toEqual({ rows: [{ a: 1 }, { a: 2 }], used: 2, skipped: 0, rowsLeftOut: 1 });
  });
});
