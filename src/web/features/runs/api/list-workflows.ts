import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import {
  TOTAL_COUNT_HEADER,
  UNREADABLE_ROWS_HEADER,
  workflowListResponseSchema,
  type WorkflowResponse,
} from '@core/wire/workflow.ts';
import { apiExchange } from '@web/lib/api-client.ts';
import type { Connection } from '@web/lib/api/connection.ts';
import { workflowsKeyRoot } from './query-keys.ts';

/** Workflows asked for at a time. */
export const WORKFLOW_PAGE_SIZE = 100;

export type WorkflowPage = {
  workflows: WorkflowResponse[];
  offset: number;
  /** Matches in all pages. */
  total: number;
  /**
   * Whether the server paged the answer. Sixtyfour's `GET /workflows` takes no paging
   * parameters and answers every workflow without `X-Total-Count`: then this one page is all
   * of them, searched here instead of on the server.
   */
  paged: boolean;
  /** Rows the server could not read and left out (`X-Inlet-Unreadable-Rows`). */
  unreadable: number;
};

const matches = (workflow: WorkflowResponse, q: string): boolean => {
  const needle = q.toLowerCase();
  return [workflow.name, workflow.id, workflow.description ?? ''].some((field) =>
    field.toLowerCase().includes(needle),
  );
};

/** A count header's value, when it is a plain count. */
export const headerCount = (headers: Headers, name: string): number | undefined => {
  const value = headers.get(name);
  return value !== null && /^\d{1,12}$/.test(value) ? Number(value) : undefined;
};

/** `GET /workflows?limit=&offset=&q=`: one page of summaries, without definitions. */
export async function listWorkflowPage(
  connection: Connection,
  { q, offset }: { q: string; offset: number },
  signal?: AbortSignal,
): Promise<WorkflowPage> {
  const { data, headers } = await apiExchange(connection, {
    path: '/workflows',
    query: { limit: WORKFLOW_PAGE_SIZE, offset, q: q === '' ? undefined : q },
    schema: workflowListResponseSchema,
    ...(signal === undefined ? {} : { signal }),
  });
  const unreadable = headerCount(headers, UNREADABLE_ROWS_HEADER) ?? 0;
  const total = headerCount(headers, TOTAL_COUNT_HEADER);
  if (total !== undefined) return { workflows: data, offset, total, paged: true, unreadable };
  const found = q === '' ? data : data.filter((workflow) => matches(workflow, q));
  return { workflows: found, offset: 0, total: found.length, paged: false, unreadable };
}

/** The key every list query sits under: saving a workflow marks them all stale. */
export const workflowListKey = (connection: Connection) =>
  [...workflowsKeyRoot(connection.target), 'list'] as const;

export const workflowPagesQueryOptions = (connection: Connection, q: string) =>
  infiniteQueryOptions({
    queryKey: [...workflowListKey(connection), q] as const,
    queryFn: ({ pageParam, signal }) =>
      listWorkflowPage(connection, { q, offset: pageParam }, signal),
    initialPageParam: 0,
    getNextPageParam: (last: WorkflowPage) => {
      const next = last.offset + last.workflows.length;
      return last.paged && last.workflows.length > 0 && next < last.total ? next : undefined;
    },
    enabled: connection.ready,
  });

/** The workflows matching `q`, page by page (`fetchNextPage` as the list scrolls). */
export const useWorkflowPages = (connection: Connection, q: string) =>
  useInfiniteQuery(workflowPagesQueryOptions(connection, q));

/** The loaded pages as one list: a workflow saved meanwhile shifts pages, so ids are deduplicated. */
export function flattenPages(pages: readonly WorkflowPage[]): WorkflowResponse[] {
  const seen = new Set<string>();
  const all: WorkflowResponse[] = [];
  for (const page of pages) {
    for (const workflow of page.workflows) {
      if (seen.has(workflow.id)) continue;
      seen.add(workflow.id);
      all.push(workflow);
    }
  }
  return all;
}
