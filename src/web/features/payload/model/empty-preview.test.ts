import { describe, expect, it } from 'vitest';
import { judgePayloadText } from '@core/judge/judge-payload.ts';
import type { SpecModel } from '@core/spec/webhook-spec.ts';
import { emptyPreviewText } from './empty-preview.ts';

const spec: SpecModel = {
  dataframe_type: 'LEAD',
  columns: [{ name: 'email', type: 'string', required: true, description: '' }],
};

describe('emptyPreviewText', () => {
  it('says a syntax error is a syntax error, with its line and column', () => {
    const preview = emptyPreviewText(judgePayloadText('[\n  {"email" "a"}\n]', spec));
    expect(preview.kind).toBe('syntax');
    expect(preview.text).toMatch(/^No rows to show\. Syntax error at line 2, column 12: /);
    expect(preview.text).not.toMatch(/not an (array|object)/);
  });

  it('says what a payload of the wrong shape holds', () => {
    expect(emptyPreviewText(judgePayloadText('"hello"', spec))).toEqual({
      kind: 'shape',
      text: expect.stringMatching(/^No rows\. The payload is a string; send an array/) as string,
    });
    expect(emptyPreviewText(judgePayloadText('[]', spec)).text).toMatch(/empty array/);
  });

  it('waits for the first judgement', () => {
    expect(emptyPreviewText(undefined)).toEqual({ kind: 'none', text: 'No rows yet.' });
  });
});
