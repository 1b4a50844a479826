import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Connection } from '@web/lib/api/connection.ts';
import { flattenPages, listWorkflowPage, workflowPagesQueryOptions } from './list-workflows.ts';

const connection: Connection = {
  target: 'sixtyfour',
  basePath: 'http://upstream.invalid',
  apiKey: undefined,
  ready: true,
};

const summary = (id: string, name: string) => ({
  id,
  name,
  description: null,
  status: 'ready',
  step: 'review',
  created_at: '2026-12-01T00:00:00Z',
  updated_at: '2026-12-01T00:00:00Z',
});

/** Stands in for api.sixtyfour.ai, which cannot run here: its answers as its OpenAPI gives them. */
function answer(body: unknown, headers: Record<string, string> = {}) {
  const fetch = vi.fn<(url: string) => Promise<Response>>(() =>
    Promise.resolve(
      new Response(JSON.stringify(body), {
        headers: { 'content-type': 'application/json', ...headers },
      }),
    ),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('listWorkflowPage', () => {
  it('takes a paged answer as one page of the total', async () => {
    const fetch = answer([summary('a', 'Acme')], { 'x-total-count': '250' });
    const page = await listWorkflowPage(connection, { q: 'ac', offset: 100 });
    expect(page).toMatchObject({ paged: true, total: 250, offset: 100, unreadable: 0 });
    expect(String(fetch.mock.calls[0]?.[0])).toBe(
      'http://upstream.invalid/workflows?limit=100&offset=100&q=ac',
    );
    const next = workflowPagesQueryOptions(connection, 'ac').getNextPageParam;
    expect(next(page, [page], 100, [100])).toBe(101);
  });

  it('searches an unpaged answer (every workflow, no count) itself, and asks no more', async () => {
    answer([summary('w-1', 'Acme leads'), summary('w-2', 'Other'), summary('acme-3', 'Third')]);
    const page = await listWorkflowPage(connection, { q: 'ACME', offset: 0 });
    expect(page.workflows.map((workflow) => workflow.id)).toEqual(['w-1', 'acme-3']);
    expect(page).toMatchObject({ paged: false, total: 2 });
    const next = workflowPagesQueryOptions(connection, 'ACME').getNextPageParam;
    expect(next(page, [page], 0, [0])).toBeUndefined();
  });

  it('reports rows the server left out, and never lists a workflow twice', async () => {
    answer([summary('a', 'A')], { 'x-total-count': '3', 'x-inlet-unreadable-rows': '2' });
    const page = await listWorkflowPage(connection, { q: '', offset: 0 });
    expect(page.unreadable).toBe(2);
    const shifted = { ...page, offset: 1, workflows: [summary('a', 'A'), summary('b', 'B')] };
    expect(flattenPages([page, shifted]).map((workflow) => workflow.id)).toEqual(['a', 'b']);
  });
});
