import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../limits.ts';
import type { FieldType } from '../spec/field-type.ts';
import type { SpecModel } from '../spec/webhook-spec.ts';
import { judgePayloadText, judgePayloadValue, parsePayloadText } from './judge-payload.ts';

const spec = (...columns: [string, FieldType, boolean?][]): SpecModel => ({
  dataframe_type: 'COMPANY',
  columns: columns.map(([name, type, required]) => ({
    name,
    type,
    required: required ?? false,
    description: '',
  })),
});

const rangeText = (text: string, finding: { offset?: number; length?: number } | undefined) =>
  finding?.offset === undefined
    ? undefined
    : text.slice(finding.offset, finding.offset + (finding.length ?? 0));

describe('odd column names are plain data', () => {
  const longName = 'k'.repeat(10_000);
  const odd = [
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    '🦄 emoji',
    'a/b~c',
    longName,
  ];

  it.each(odd)(
    'finds a required column named %s when present, and misses it when absent',
    (name) => {
      const model = spec([name, 'string', true]);
      const present = `[{${JSON.stringify(name)}: "x"}]`;
      expect(judgePayloadText(present, model).verdict).toBe('accepted');
      expect(judgePayloadValue(JSON.parse(present), model).verdict).toBe('accepted');
      const absent = judgePayloadText('[{"other": 1}]', model);
      expect(absent.rejection?.status).toBe(400);
      expect(absent.findings.find((f) => f.kind === 'missing_required')?.column).toBe(name);
    },
  );

  it('does not take inherited properties for columns', () => {
    const model = spec(['constructor', 'string', true], ['toString', 'string', true]);
    const judgement = judgePayloadValue([{}], model);
    expect(judgement.totals.byKind.missing_required).toBe(2);
  });

  it('treats a __proto__ key as an advisory column, not a prototype', () => {
    const text = '[{"__proto__": {"polluted": true}, "constructor": 1}]';
    const judgement = judgePayloadText(text, spec());
    expect(judgement.findings.map((f) => [f.kind, f.column, f.pointer])).toEqual([
      ['advisory_column', '__proto__', '/0/__proto__'],
      ['advisory_column', 'constructor', '/0/constructor'],
    ]);
    expect(rangeText(text, judgement.findings[0])).toBe('{"polluted": true}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('ignores enumerable properties inherited from a polluted Object.prototype', () => {
    Object.defineProperty(Object.prototype, 'polluted', {
      value: 1,
      enumerable: true,
      configurable: true,
      writable: true,
    });
    try {
      const judgement = judgePayloadText('[{"email": "a"}]', spec(['email', 'string', true]));
      expect(judgement.findings).toEqual([]);
      expect(judgement.summary.columns.map((column) => column.name)).toEqual(['email']);
    } finally {
      Reflect.deleteProperty(Object.prototype, 'polluted');
    }
  });

  it('escapes "~" and "/" in pointers and finds the value', () => {
    const text = '[{"a/b~c": "x"}]';
    const [finding] = judgePayloadText(text, spec(['a/b~c', 'integer'])).findings;
    expect(finding?.pointer).toBe('/0/a~1b~0c');
    expect(rangeText(text, finding)).toBe('"x"');
  });

  it('shortens a 10,000-character name in messages', () => {
    const judgement = judgePayloadText('[{}]', spec([longName, 'string', true]));
    expect(judgement.findings[0]?.column).toBe(longName);
    expect(judgement.findings[0]?.message.length).toBeLessThan(300);
  });

  it('reports an emoji column once per column, with its full name', () => {
    const judgement = judgePayloadText('[{"🦄": 1}, {"🦄": 2}]', spec());
    expect(judgement.findings).toHaveLength(1);
    expect(judgement.findings[0]).toMatchObject({ column: '🦄', pointer: '/0/🦄', offset: 8 });
  });
});

describe('rows without keys and elements that are not rows', () => {
  it('places findings on rows that hold no strings, between rows that do', () => {
    const text = '[{}, 3, {"email": "a"}, [], {"n": 1}, {}]';
    const judgement = judgePayloadText(text, spec(['email', 'string', true]));
    const placed = judgement.findings
      .filter((finding) => finding.kind !== 'advisory_column')
      .map((finding) => [finding.kind, finding.row, rangeText(text, finding)]);
    expect(placed).toEqual([
      ['missing_required', 0, '{}'],
      ['not_rows', 1, '3'],
      ['not_rows', 3, '[]'],
      ['missing_required', 4, '{"n": 1}'],
      ['missing_required', 5, '{}'],
    ]);
  });
});

describe('deep nesting', () => {
  it.each([10_000, 1_000_000])('rejects %i levels cleanly, without a stack overflow', (levels) => {
    const text = `[{"deep": ${'['.repeat(levels)}${']'.repeat(levels)}}]`;
    const judgement = judgePayloadText(text, spec());
    expect(judgement.rejection?.status).toBe(422);
    expect(judgement.findings[0]).toMatchObject({
      kind: 'too_deep',
      pointer: '/0/deep',
      offset: 10,
    });
    expect(judgement.rejection?.message).toContain(`limited to ${MAX_JSON_DEPTH} levels`);
    expect(judgePayloadValue(JSON.parse(text), spec()).rejection?.status).toBe(422);
  });

  it('rejects a deep array that is the payload itself', () => {
    const text = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const judgement = judgePayloadText(text, spec());
    expect(judgement.rejection?.status).toBe(422);
    expect(judgement.totals.byKind.too_deep).toBe(1);
  });

  it('rejects deep objects as well as deep arrays', () => {
    const levels = 10_000;
    const text = `{"deep": ${'{"a": '.repeat(levels)}1${'}'.repeat(levels)}}`;
    const judgement = judgePayloadText(text, spec());
    expect(judgement.rejection?.status).toBe(422);
    expect(judgement.findings[0]).toMatchObject({ kind: 'too_deep', row: 0, column: 'deep' });
  });

  it('places the syntax error of a deep invalid text although jsonc-parser overflows', () => {
    const text = `${'['.repeat(100_000)}}`;
    const judgement = judgePayloadText(text, spec());
    expect(judgement.rejection?.status).toBe(422);
    expect(judgement.findings[0]?.offset).toBe(100_000);
  });
});

describe('huge numbers', () => {
  const model = spec(['employees', 'integer'], ['revenue', 'number'], ['note', 'string']);

  it('warns that an integer beyond 2^53 loses precision, and accepts it', () => {
    const text = '[{"employees": 12345678901234567890}]';
    const judgement = judgePayloadText(text, model);
    expect(judgement.verdict).toBe('accepted');
    expect(judgement.findings).toEqual([
      expect.objectContaining({
        kind: 'unsafe_number',
        severity: 'warning',
        pointer: '/0/employees',
      }),
    ]);
    expect(judgement.findings[0]?.message).toContain('loses precision');
    expect(rangeText(text, judgement.findings[0])).toBe('12345678901234567890');
  });

  it('keeps a big whole number in a number column without a finding', () => {
    expect(judgePayloadText('[{"revenue": 12345678901234567890}]', model).findings).toEqual([]);
  });

  it('reports 1e400 (Infinity after parsing) once, in any column', () => {
    for (const column of ['employees', 'revenue', 'note', 'extra']) {
      const text = `[{"${column}": 1e400}]`;
      const judgement = judgePayloadText(text, model);
      const numberFindings = judgement.findings.filter((f) => f.kind !== 'advisory_column');
      expect(numberFindings).toEqual([expect.objectContaining({ kind: 'unsafe_number' })]);
      expect(numberFindings[0]?.message).toContain('Infinity');
      expect(rangeText(text, numberFindings[0])).toBe('1e400');
      expect(judgement.verdict).toBe('accepted');
    }
  });
});

describe('duplicate keys', () => {
  it('warns once per repeated key, on the value JSON.parse keeps', () => {
    const text = '[{"email": "a", "n": 1, "email": "b", "email": "c"}]';
    const judgement = judgePayloadText(text, spec(['email', 'string'], ['n', 'integer']));
    expect(judgement.verdict).toBe('accepted');
    expect(judgement.findings).toEqual([
      expect.objectContaining({
        kind: 'duplicate_key',
        severity: 'warning',
        row: 0,
        column: 'email',
      }),
    ]);
    expect(judgement.findings[0]?.message).toContain('JSON.parse keeps only the last value');
    expect(rangeText(text, judgement.findings[0])).toBe('"c"');
  });

  it('finds repeats nested inside a value and in a single-object payload', () => {
    const text = '{"meta": {"x": [1, {"y": 1, "y": 2}]}, "k": 0}';
    const judgement = judgePayloadText(text, spec(['meta', 'dict'], ['k', 'integer']));
    expect(judgement.findings).toEqual([
      expect.objectContaining({
        kind: 'duplicate_key',
        row: 0,
        column: 'meta',
        pointer: '/meta/x/1/y',
      }),
    ]);
    expect(rangeText(text, judgement.findings[0])).toBe('2');
  });

  it('knows "\\u0061" and "a" are the same key', () => {
    const judgement = judgePayloadText('[{"a": 1, "\\u0061": 2}]', spec(['a', 'integer']));
    expect(judgement.findings.map((f) => f.kind)).toEqual(['duplicate_key']);
  });

  it('does not mistake colons and braces inside strings for members', () => {
    const text = '[{"url": "https://x.io/{a}:[b]", "q": "say \\"a\\": 1"}]';
    expect(judgePayloadText(text, spec(['url', 'string'], ['q', 'string'])).findings).toEqual([]);
  });

  it('counts escaped quotes right, and still places the findings of later rows', () => {
    const text = '[{"q": "say \\"hi\\" \\\\", "q": 1}, {"email": 5}]';
    const judgement = judgePayloadText(text, spec(['email', 'string'], ['q', 'integer']));
    expect(judgement.findings.map((f) => [f.kind, f.row, rangeText(text, f)])).toEqual([
      ['duplicate_key', 0, '1'],
      ['type_mismatch', 1, '5'],
    ]);
  });

  it('still judges the value JSON.parse kept', () => {
    const judgement = judgePayloadText(
      '[{"email": "a", "email": null}]',
      spec(['email', 'string', true]),
    );
    expect(judgement.rejection?.status).toBe(400);
    expect(judgement.findings.map((f) => f.kind).sort()).toEqual([
      'duplicate_key',
      'null_required',
    ]);
  });
});

describe('byte order mark', () => {
  it('skips a leading BOM with an info finding; offsets still count it', () => {
    const text = '\uFEFF[{"n": "x"}]';
    const judgement = judgePayloadText(text, spec(['n', 'integer']));
    expect(judgement.verdict).toBe('accepted');
    expect(judgement.findings.map((f) => [f.kind, f.severity, f.offset])).toEqual([
      ['byte_order_mark', 'info', 0],
      ['type_mismatch', 'warning', 8],
    ]);
    expect(rangeText(text, judgement.findings[1])).toBe('"x"');
  });

  it('parses BOM text with parsePayloadText, as the judge read it', () => {
    expect(parsePayloadText('\uFEFF[{"n": 1}]')).toEqual([{ n: 1 }]);
    expect(() => parsePayloadText('\uFEFF[')).toThrow(SyntaxError);
  });

  it('places a syntax error after a BOM in the original text', () => {
    const judgement = judgePayloadText('\uFEFF[1,]', spec());
    expect(judgement.rejection?.status).toBe(422);
    expect(judgement.findings.find((f) => f.kind === 'invalid_json')?.offset).toBe(4);
  });

  it('rejects a BOM that is the whole text as an empty payload', () => {
    expect(judgePayloadText('\uFEFF', spec()).rejection?.message).toContain('The payload is empty');
  });
});

describe('lone surrogates', () => {
  it('warns about an unpaired surrogate in a value, escaped or raw, and accepts', () => {
    for (const text of ['[{"n": "a\\ud800b"}]', '[{"n": "a\ud800b"}]']) {
      const judgement = judgePayloadText(text, spec(['n', 'string']));
      expect(judgement.verdict).toBe('accepted');
      expect(judgement.findings.map((f) => f.kind)).toEqual(['lone_surrogate']);
    }
  });

  it('accepts a proper surrogate pair without a finding', () => {
    expect(
      judgePayloadText('[{"n": "\\ud83e\\udd84 🦄"}]', spec(['n', 'string'])).findings,
    ).toEqual([]);
  });

  it('warns about an unpaired surrogate in a key', () => {
    const judgement = judgePayloadValue([{ 'x\udc00': 1 }], spec());
    expect(judgement.findings.map((f) => f.kind)).toEqual(['advisory_column', 'lone_surrogate']);
  });
});
