import { describe, expect, it } from 'vitest';
import { replayQuery } from './replay-query.ts';

describe('replayQuery', () => {
  it('keeps save_json=true from the recorded request', () => {
    expect(replayQuery('/workflows/run?workflow_id=a&save_json=true', 'b')).toEqual({
      workflow_id: 'b',
      save_json: true,
    });
  });

  it('leaves save_json out otherwise', () => {
    expect(replayQuery('/workflows/run?workflow_id=a&save_json=false', 'a')).toEqual({
      workflow_id: 'a',
      save_json: undefined,
    });
    expect(replayQuery('/workflows/run', 'a').save_json).toBeUndefined();
  });
});
