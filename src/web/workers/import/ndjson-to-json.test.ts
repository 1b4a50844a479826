import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format.ts';
import { ndjsonToJson } from './ndjson-to-json.ts';

describe('ndjsonToJson', () => {
  it('reads one value a line into an array, skipping blank lines', () => {
    const result = ndjsonToJson('{"a":1}\r\n\n{"a":2}\n');
    expect(result.ok && JSON.parse(result.text)).toEqual([{ a: 1 }, { a: 2 }]);
    expect(result.ok && result.notes).toEqual([
      'Read 2 rows from NDJSON, one a line.',
      'Skipped 1 blank line.',
    ]);
  });

  it('names the line that is not JSON', () => {
    const result = ndjsonToJson('{"a":1}\n{"a":\n');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^Line 2 of the NDJSON file is not valid JSON/);
  });
});

describe('detectFormat', () => {
  it('goes by the extension first', () => {
    expect(detectFormat('leads.CSV', '[]')).toBe('csv');
    expect(detectFormat('rows.jsonl', '')).toBe('ndjson');
    expect(detectFormat('rows.json', '{"a":1}\n{"a":2}')).toBe('json');
  });

  it('tells NDJSON, JSON and CSV apart by content otherwise', () => {
    expect(detectFormat('paste', '{"a":1}\n{"a":2}')).toBe('ndjson');
    expect(detectFormat('paste', '{\n  "a": 1\n}')).toBe('json');
    expect(detectFormat('paste', ' [{"a":1}]')).toBe('json');
    expect(detectFormat('paste', 'email,name\na,b')).toBe('csv');
  });
});
