import { describe, expect, it } from 'vitest';
import { rawCurlSnippet } from './raw-curl-snippet.ts';

describe('rawCurlSnippet', () => {
  it('sends the text as it is, with the key masked and the query encoded', () => {
    const snippet = rawCurlSnippet({
      url: 'http://127.0.0.1:6464/workflows/run',
      query: [['workflow_id', 'wf 1']],
      apiKey: 'sk-live-1234567890abcd',
      keyPlaceholder: 'YOUR_SIXTYFOUR_API_KEY',
      revealKey: false,
      idempotencyKey: 'idem-1',
      bodyText: `{"webhook_payload": [{"name": "O'Brien"}]`,
    });
    expect(snippet).toBe(
      [
        `curl -sS -X POST 'http://127.0.0.1:6464/workflows/run?workflow_id=wf%201'`,
        `  -H 'content-type: application/json'`,
        `  -H 'x-api-key: ****abcd'`,
        `  -H 'Idempotency-Key: idem-1'`,
        `  --data-binary '{"webhook_payload": [{"name": "O'\\''Brien"}]'`,
      ].join(' \\\n'),
    );
  });
});
