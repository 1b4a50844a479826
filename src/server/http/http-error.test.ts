import { describe, expect, it } from 'vitest';
import { blockSchema } from '@core/wire/workflow.ts';
import { listRunsQuerySchema } from '@core/wire/runs.ts';
import { HttpError, parseOr422 } from './http-error.ts';

/** The 422 `parseOr422` throws for `value`, as its detail list. */
function detailOf(schema: Parameters<typeof parseOr422>[0], value: unknown, loc: string[]) {
  try {
    parseOr422(schema, value, loc);
  } catch (error) {
    if (error instanceof HttpError) return error.body.detail;
    throw error;
  }
  throw new Error('parsed without a 422');
}

const block = { block_id: 'w', sequence_number: 1, block_type: 'webhook', block_name: 'webhook' };

describe('parseOr422 answers as FastAPI does', () => {
  it('says "Field required" only for a field that is absent', () => {
    expect(detailOf(blockSchema, block, ['body'])).toEqual([
      { loc: ['body', 'specs'], msg: 'Field required', type: 'missing' },
    ]);
    expect(detailOf(blockSchema, { ...block, specs: {}, block_type: undefined }, ['body'])).toEqual(
      [{ loc: ['body', 'block_type'], msg: 'Field required', type: 'missing' }],
    );
  });

  it('names a value of the wrong type as invalid, not as missing', () => {
    const [limit] = detailOf(listRunsQuerySchema, { limit: 'abc' }, ['query']);
    expect(limit).toMatchObject({
      loc: ['query', 'limit'],
      msg: 'Input should be a valid integer',
    });
    expect(limit).not.toMatchObject({ type: 'missing' });
    const [sequence] = detailOf(blockSchema, { ...block, specs: {}, sequence_number: 'x' }, [
      'body',
    ]);
    expect(sequence).toMatchObject({ loc: ['body', 'sequence_number'] });
    expect(sequence).not.toMatchObject({ msg: 'Field required' });
    const [specs] = detailOf(blockSchema, { ...block, specs: [] }, ['body']);
    expect(specs).toMatchObject({
      loc: ['body', 'specs'],
      msg: 'Input should be a valid dictionary',
    });
  });
});
