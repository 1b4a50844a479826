import { describe, expect, it } from 'vitest';
import type { WorkflowLiveStatusResponse } from '@core/wire/live-status.ts';
import { ApiError } from '@web/lib/api/api-error.ts';
import { nextPollDelay } from './get-run-status.ts';

const status = (overall_status: string): WorkflowLiveStatusResponse => ({
  run_id: 'r',
  workflow_id: 'w',
  overall_status,
  total_blocks: 1,
  completed_blocks: 0,
  last_updated: '2026-05-01T00:00:00Z',
  blocks: [],
  overall_progress_percentage: 0,
});

type State = Parameters<typeof nextPollDelay>[0]['state'];
// A partial query state is all nextPollDelay reads; the cast fills in fields it ignores.
const query = (state: Partial<State>) => ({
  state: {
    data: undefined,
    error: null,
    dataUpdateCount: 0,
    errorUpdateCount: 0,
    ...state,
  } as State,
});

describe('polling a run', () => {
  it('backs off while the run goes on, up to a ceiling', () => {
    const delays = [0, 1, 2, 5, 20].map((count) =>
      nextPollDelay(query({ data: status('running'), dataUpdateCount: count })),
    );
    expect(delays).toEqual([400, 540, 729, 1794, 4000]);
  });
  it('stops at a terminal state, canceled spelling included', () => {
    for (const word of ['completed', 'failed', 'cancelled', 'canceled']) {
      expect(nextPollDelay(query({ data: status(word) }))).toBe(false);
    }
  });
  it('keeps polling an unknown status', () => {
    expect(nextPollDelay(query({ data: status('paused') }))).toBe(400);
  });
  it('waits as long as Retry-After says on 429', () => {
    const error = new ApiError(429, { message: 'slow down', problems: [] }, 7);
    expect(nextPollDelay(query({ error }))).toBe(7000);
  });
  it('stops on a 404, keeps trying after a network error', () => {
    expect(nextPollDelay(query({ error: new ApiError(404, { message: 'x', problems: [] }) }))).toBe(
      false,
    );
    expect(
      nextPollDelay(
        query({ error: new ApiError(0, { message: 'x', problems: [] }), errorUpdateCount: 1 }),
      ),
    ).toBe(540);
  });
});
