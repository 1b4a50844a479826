import { queryOptions, useQuery } from '@tanstack/react-query';
import { INBOX_PATH, inboxEntrySchema } from '@core/wire/inbox.ts';
import { apiRequest } from '@web/lib/api-client.ts';
import { inboxKeyRoot } from './query-keys.ts';
import { SANDBOX_CONNECTION } from './sandbox-connection.ts';

/** `GET /inlet/inbox/{id}`: one recorded request with headers, body, findings and answer. */
export const getInboxEntry = (id: number, signal?: AbortSignal) =>
  apiRequest(SANDBOX_CONNECTION, {
    path: `${INBOX_PATH}/${String(id)}`,
    schema: inboxEntrySchema,
    ...(signal === undefined ? {} : { signal }),
  });

export const getInboxEntryQueryOptions = (id: number | undefined) =>
  queryOptions({
    queryKey: [...inboxKeyRoot, 'entry', id] as const,
    queryFn: ({ signal }) => getInboxEntry(id ?? 0, signal),
    enabled: id !== undefined,
    // A recorded entry never changes.
    staleTime: Infinity,
  });

export const useInboxEntry = (id: number | undefined) => useQuery(getInboxEntryQueryOptions(id));
