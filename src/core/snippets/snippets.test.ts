import { describe, expect, it } from 'vitest';
import { curlSnippet, shellQuote } from './curl-snippet.ts';
import { fetchSnippet } from './fetch-snippet.ts';
import { pythonSnippet, toPythonLiteral } from './python-snippet.ts';
import { fullUrl, maskKey, type RunRequestDescription } from './run-request.ts';

const KEY = 'inlet_sk_0123456789abcdefWXYZ';

const request = (overrides: Partial<RunRequestDescription> = {}): RunRequestDescription => ({
  url: 'http://127.0.0.1:6464/workflows/run',
  query: [
    ['workflow_id', '5b0c1f9e-0000-4000-8000-000000000001'],
    ['save_json', 'true'],
  ],
  apiKey: KEY,
  keyPlaceholder: 'YOUR_API_KEY',
  revealKey: false,
  idempotencyKey: 'idem-1',
  body: { webhook_payload: [{ email: "o'brien@example.com", n: 1 }], specs_override: null },
  ...overrides,
});

describe('masking the key', () => {
  it('hides all but the last four characters of a long key', () => {
    expect(maskKey(KEY)).toBe('****WXYZ');
  });
  it('hides a short key completely', () => {
    expect(maskKey('short')).toBe('****');
  });
  it.each([curlSnippet, fetchSnippet, pythonSnippet])('%o never shows a hidden key', (build) => {
    const text = build(request());
    expect(text).not.toContain(KEY);
    expect(text).toContain('****WXYZ');
  });
  it.each([curlSnippet, fetchSnippet, pythonSnippet])('%o shows a revealed key', (build) => {
    expect(build(request({ revealKey: true }))).toContain(KEY);
  });
  it('uses the placeholder when the browser holds no key', () => {
    const text = curlSnippet(request({ apiKey: undefined, revealKey: true }));
    expect(text).toContain("'x-api-key: YOUR_API_KEY'");
  });
});

describe('curl', () => {
  it('quotes anything for a POSIX shell', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('$HOME `x` "y"')).toBe(`'$HOME \`x\` "y"'`);
  });
  it('writes the method, URL with query, headers and body', () => {
    const text = curlSnippet(request({ revealKey: true }));
    expect(text.split(' \\\n')).toEqual([
      `curl -sS -X POST 'http://127.0.0.1:6464/workflows/run?workflow_id=5b0c1f9e-0000-4000-8000-000000000001&save_json=true'`,
      `  -H 'content-type: application/json'`,
      `  -H 'x-api-key: ${KEY}'`,
      `  -H 'Idempotency-Key: idem-1'`,
      expect.stringMatching(/^ {2}--data-binary '\{\n/) as unknown as string,
    ]);
    expect(text).toContain(`"email": "o'\\''brien@example.com"`);
  });
});

describe('JavaScript fetch', () => {
  it('is a script whose body is the same JSON', () => {
    const text = fetchSnippet(request());
    expect(text).toContain(
      'fetch("http://127.0.0.1:6464/workflows/run?workflow_id=5b0c1f9e-0000-4000-8000-000000000001&save_json=true"',
    );
    const body = /body: JSON\.stringify\(([\s\S]*)\),\n\}\);/.exec(text)?.[1] ?? '';
    expect(JSON.parse(body)).toEqual(request().body);
  });
});

describe('Python requests', () => {
  it('writes JSON as Python literals', () => {
    expect(toPythonLiteral({ a: true, b: false, c: null, d: [1.5, 'x"y'], e: {} })).toBe(
      '{\n    "a": True,\n    "b": False,\n    "c": None,\n    "d": [\n        1.5,\n        "x\\"y",\n    ],\n    "e": {},\n}',
    );
  });
  it('keeps odd keys and escapes as data', () => {
    const value: unknown = JSON.parse('{"__proto__": "p", "line\\nbreak": "\u2028"}');
    const literal = toPythonLiteral(value);
    expect(literal).toContain('"__proto__": "p"');
    expect(literal).toContain('"line\\nbreak": "\u2028"');
  });
  it('passes the query as params and the body as json', () => {
    const text = pythonSnippet(request());
    expect(text).toContain('"workflow_id": "5b0c1f9e-0000-4000-8000-000000000001"');
    expect(text).toContain('"Idempotency-Key": "idem-1"');
    expect(text).toContain('json={');
    expect(text).not.toContain('content-type');
  });
});

describe('URL', () => {
  it('percent-encodes query values', () => {
    expect(fullUrl(request({ query: [['workflow_id', 'a b&c']] }))).toBe(
      'http://127.0.0.1:6464/workflows/run?workflow_id=a%20b%26c',
    );
  });
});
