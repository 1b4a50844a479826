import { describe, expect, it } from 'vitest';
import type { WorkflowRunResponse } from '../../../../core/wire/runs.ts';
import { HISTORY_ACTIVE_POLL_MS, HISTORY_IDLE_POLL_MS, historyPollDelay } from './list-runs.ts';

const run = (status: string): WorkflowRunResponse => ({
  job_id: `job-${status}`,
  workflow_id: 'w',
  workflow_name: 'W',
  status,
  blocks_count: 1,
});

type State = Parameters<typeof historyPollDelay>[0]['state'];
// A partial query state is all historyPollDelay reads; the cast fills in fields it ignores.
const query = (state: Partial<State>) => ({
  state: { data: undefined, error: null, ...state } as State,
});

describe('polling the run history', () => {
  it('asks every second while a listed run is queued or running', () => {
    expect(historyPollDelay(query({ data: [run('completed'), run('running')] }))).toBe(
      HISTORY_ACTIVE_POLL_MS,
    );
    expect(historyPollDelay(query({ data: [run('queued')] }))).toBe(HISTORY_ACTIVE_POLL_MS);
  });

  it('keeps asking, slower, when every run has ended: runs may start outside the app', () => {
    expect(historyPollDelay(query({ data: [run('completed'), run('cancelled')] }))).toBe(
      HISTORY_IDLE_POLL_MS,
    );
    expect(historyPollDelay(query({ data: [] }))).toBe(HISTORY_IDLE_POLL_MS);
  });

  it('stops after an error with nothing to show', () => {
    expect(historyPollDelay(query({ error: new Error('401') }))).toBe(false);
  });
});
