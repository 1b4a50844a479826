import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkflowRunResponse } from '@core/wire/runs.ts';
import type { Connection } from '@web/lib/api/connection.ts';
import {
  HISTORY_ACTIVE_POLL_MS,
  HISTORY_IDLE_POLL_MS,
  historyPollDelay,
  listRuns,
} from './list-runs.ts';

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
    expect(
      historyPollDelay(
        query({ data: { unreadable: 0, runs: [run('completed'), run('running')] } }),
      ),
    ).toBe(HISTORY_ACTIVE_POLL_MS);
    expect(historyPollDelay(query({ data: { unreadable: 0, runs: [run('queued')] } }))).toBe(
      HISTORY_ACTIVE_POLL_MS,
    );
  });

  it('keeps asking, slower, when every run has ended: runs may start outside the app', () => {
    expect(
      historyPollDelay(
        query({ data: { unreadable: 0, runs: [run('completed'), run('cancelled')] } }),
      ),
    ).toBe(HISTORY_IDLE_POLL_MS);
    expect(historyPollDelay(query({ data: { unreadable: 0, runs: [] } }))).toBe(
      HISTORY_IDLE_POLL_MS,
    );
  });

  it('stops after an error with nothing to show', () => {
    expect(historyPollDelay(query({ error: new Error('401') }))).toBe(false);
  });
});

describe('listRuns', () => {
  const connection: Connection = {
    target: 'sandbox',
    basePath: 'http://sandbox.invalid',
    apiKey: undefined,
    ready: true,
  };
  const answer = (headers: Record<string, string>) => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          new Response(JSON.stringify([run('completed')]), {
            headers: { 'content-type': 'application/json', ...headers },
          }),
        ),
      ),
    );
  };
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reads the count of unreadable stored runs the server left out', async () => {
    answer({ 'x-inlet-unreadable-rows': '2' });
    const list = await listRuns(connection, 'w');
    expect(list.unreadable).toBe(2);
    expect(list.runs.map((item) => item.job_id)).toEqual(['job-completed']);
  });

  it('counts none without the header (Sixtyfour sends none) or with a value not a count', async () => {
    answer({});
    expect((await listRuns(connection, 'w')).unreadable).toBe(0);
    answer({ 'x-inlet-unreadable-rows': 'many' });
    expect((await listRuns(connection, 'w')).unreadable).toBe(0);
  });
});
