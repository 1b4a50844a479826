import { describe, expect, it } from 'vitest';
import { blockSchema } from '@core/wire/workflow.ts';
import { runIdParamsSchema } from '@core/wire/live-status.ts';
import { listRunsQuerySchema } from '@core/wire/runs.ts';
import { HttpError, parseOr422 } from './http-error.ts';

/** The 422 `parseOr422` throws for `value`, as its detail list. */
function detailOf(schema: Parameters<typeof parseOr422>[0], value: unknown, loc: string[]) {
  try {
    parseOr422(schema, value, loc);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    const { detail } = error.body;
    if (typeof detail === 'string') throw new Error(`not a 422: ${detail}`);
    return detail;
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

  it("types each error with pydantic's error type, as FastAPI answers", () => {
    const typeOf = (schema: Parameters<typeof parseOr422>[0], value: unknown) =>
      detailOf(schema, value, ['query']).map((error) => error.type);
    expect(typeOf(listRunsQuerySchema, { limit: 'abc' })).toEqual(['int_parsing']);
    expect(typeOf(listRunsQuerySchema, { limit: '0' })).toEqual(['greater_than_equal']);
    expect(typeOf(listRunsQuerySchema, { limit: '501' })).toEqual(['less_than_equal']);
    expect(typeOf(listRunsQuerySchema, { status: 'paused' })).toEqual(['literal_error']);
    expect(typeOf(runIdParamsSchema, { run_id: 'xyz' })).toEqual(['uuid_parsing']);
    const body = { ...block, specs: {} };
    expect(typeOf(blockSchema, { ...body, sequence_number: 'x' })).toEqual(['int_parsing']);
    expect(typeOf(blockSchema, { ...body, sequence_number: true })).toEqual(['int_type']);
    expect(typeOf(blockSchema, { ...body, sequence_number: 1.5 })).toEqual(['int_from_float']);
    expect(typeOf(blockSchema, { ...body, block_name: 5 })).toEqual(['string_type']);
  });
});
