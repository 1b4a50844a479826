import { describe, expect, it } from 'vitest';
import { sampleFromBody } from './sample-from-body.ts';

describe('sampleFromBody', () => {
  it('takes the webhook_payload out of a request body', () => {
    expect(sampleFromBody('{"webhook_payload":[{"a":1}],"specs_override":{}}')).toEqual({
      text: '[\n  {\n    "a": 1\n  }\n]',
      asSent: false,
    });
  });

  it('hands over a body that is not JSON, or has no payload, as sent', () => {
    expect(sampleFromBody('{"webhook_payload": [')).toEqual({
      text: '{"webhook_payload": [',
      asSent: true,
    });
    expect(sampleFromBody('{}')).toEqual({ text: '{}', asSent: true });
  });
});
