import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  CHANGE_IMPACT_PATH,
  changeImpactResponseSchema,
  type ChangeImpactRequest,
} from '@core/wire/change-impact.ts';
import { INBOX_PATH, inboxEntrySchema } from '@core/wire/inbox.ts';
import { apiRequest } from '@web/lib/api-client.ts';
import { onThisServer, type Connection } from '@web/lib/api/connection.ts';

/** `POST /inlet/inbox/impact`; `request` undefined: nothing changed, nothing asked. */
export const useChangeImpact = (connection: Connection, request: ChangeImpactRequest | undefined) =>
  useQuery({
    queryKey: ['change-impact', request] as const,
    queryFn: ({ signal }) =>
      apiRequest(onThisServer(connection), {
        method: 'POST',
        path: CHANGE_IMPACT_PATH,
        body: request,
        schema: changeImpactResponseSchema,
        signal,
      }),
    enabled: connection.ready && request !== undefined,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
    retry: false,
  });

/** One recorded request, to show the body behind an item. */
export const useInboxEntry = (connection: Connection, id: number | undefined) =>
  useQuery({
    queryKey: ['change-impact', 'entry', id] as const,
    queryFn: ({ signal }) =>
      apiRequest(onThisServer(connection), {
        path: `${INBOX_PATH}/${String(id)}`,
        schema: inboxEntrySchema,
        signal,
      }),
    enabled: connection.ready && id !== undefined,
    staleTime: Infinity,
  });
