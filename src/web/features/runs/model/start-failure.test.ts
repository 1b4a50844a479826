import { describe, expect, it } from 'vitest';
import { ApiError } from '@web/lib/api/api-error.ts';
import { describeStartFailure } from './start-failure.ts';

const failure = (status: number, retryAfter?: number) =>
  new ApiError(status, { message: 'm', problems: [] }, retryAfter);

describe('what a failed run request says', () => {
  it('calls a 4xx answer a refusal', () => {
    expect(describeStartFailure(failure(400))).toEqual({
      title: 'The API refused the run',
      next: undefined,
    });
  });

  it('says when to try again after a 429, from Retry-After', () => {
    expect(describeStartFailure(failure(429, 42)).next).toBe(
      'It asks to wait 42 s before the next request; run again after that.',
    );
    expect(describeStartFailure(failure(429)).next).toBe('Wait a moment before running again.');
  });

  it('never calls a timeout, a 5xx or no answer a refusal: the run may have started', () => {
    for (const error of [failure(504), failure(502), failure(0), new TypeError('x')]) {
      const said = describeStartFailure(error);
      expect(said.title).toBe('The run may have started: the API did not confirm it');
      expect(said.next).toContain('run history');
    }
  });
});
