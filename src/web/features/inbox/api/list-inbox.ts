import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  INBOX_PATH,
  inboxListResponseSchema,
  type InboxCause,
  type InboxOutcome,
  type InboxTarget,
} from '@core/wire/inbox.ts';
import { apiRequest } from '@web/lib/api-client.ts';
import { inboxKeyRoot } from './query-keys.ts';
import { SANDBOX_CONNECTION } from './sandbox-connection.ts';

/** New requests appear within this (issue 15: "live, within 2 s"). */
export const INBOX_POLL_MS = 2_000;
export const INBOX_LIST_LIMIT = 50;

export type InboxFilters = {
  /** The sandbox's own requests, or those Inlet's proxy sent to Sixtyfour. */
  target: InboxTarget;
  workflowId: string;
  outcome: InboxOutcome | '';
  cause: InboxCause | '';
  search: string;
};

export const NO_INBOX_FILTERS: InboxFilters = {
  target: 'sandbox',
  workflowId: '',
  outcome: '',
  cause: '',
  search: '',
};

const orUndefined = (value: string): string | undefined =>
  value.trim() === '' ? undefined : value.trim();

/** `GET /inlet/inbox`: the newest recorded run requests, without bodies. */
export const listInbox = (filters: InboxFilters, signal?: AbortSignal) =>
  apiRequest(SANDBOX_CONNECTION, {
    path: INBOX_PATH,
    query: {
      target: filters.target,
      workflow_id: orUndefined(filters.workflowId),
      outcome: orUndefined(filters.outcome),
      cause: orUndefined(filters.cause),
      q: orUndefined(filters.search),
      limit: INBOX_LIST_LIMIT,
    },
    schema: inboxListResponseSchema,
    ...(signal === undefined ? {} : { signal }),
  });

export const getInboxQueryOptions = (filters: InboxFilters = NO_INBOX_FILTERS) =>
  queryOptions({
    queryKey: [...inboxKeyRoot, 'list', filters] as const,
    queryFn: ({ signal }) => listInbox(filters, signal),
    refetchInterval: INBOX_POLL_MS,
    // The previous list stays on screen while a changed filter loads.
    placeholderData: (previous) => previous,
  });

export const useInbox = (filters: InboxFilters) => useQuery(getInboxQueryOptions(filters));
