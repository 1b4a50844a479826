import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format.ts';

describe('detectFormat', () => {
  it('goes by the extension first', () => {
    expect(detectFormat('rows.csv', '[]')).toBe('csv');
    expect(detectFormat('rows.jsonl', '[]')).toBe('ndjson');
    expect(detectFormat('rows.json', 'a,b')).toBe('json');
  });

  it('tells NDJSON from JSON by a second line that starts an object after a whole one', () => {
    expect(detectFormat('paste', '{"a": 1}\n\n{"a": 2}\n')).toBe('ndjson');
    expect(detectFormat('paste', '{"a": 1}\r\n{"a": 2}')).toBe('ndjson');
    expect(detectFormat('paste', '{\n  "a": 1\n}\n')).toBe('json');
    expect(detectFormat('paste', '{"a": 1}')).toBe('json');
    expect(detectFormat('paste', '\uFEFF  [{"a": 1}]')).toBe('json');
  });

  it('takes anything else for CSV', () => {
    expect(detectFormat('paste', 'email,name\nada@example.com,Ada')).toBe('csv');
  });
});
