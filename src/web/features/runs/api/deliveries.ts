import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  RECEIVER_DELIVERIES_PATH,
  RECEIVER_PATH,
  receiverDeliveriesResponseSchema,
  receiverDeliverySchema,
} from '@core/wire/receiver.ts';
import { apiRequest } from '@web/lib/api-client.ts';
import { onThisServer, type Connection } from '@web/lib/api/connection.ts';

/** How often the list asks again: a delivery shows within this of arriving. */
const POLL_MS = 2_000;
/** Deliveries listed (newest first); the receiver keeps INLET_RECEIVER_MAX_DELIVERIES. */
const LIST_LIMIT = 100;

export const deliveriesQueryOptions = (connection: Connection) =>
  queryOptions({
    queryKey: ['deliveries', 'list'] as const,
    queryFn: ({ signal }) =>
      apiRequest(onThisServer(connection), {
        path: RECEIVER_DELIVERIES_PATH,
        query: { limit: LIST_LIMIT },
        schema: receiverDeliveriesResponseSchema,
        signal,
      }),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    enabled: connection.ready,
  });

export const useDeliveries = (connection: Connection) =>
  useQuery(deliveriesQueryOptions(connection));

export const useDelivery = (connection: Connection, id: number | undefined) =>
  useQuery({
    queryKey: ['deliveries', 'one', id] as const,
    queryFn: ({ signal }) =>
      apiRequest(onThisServer(connection), {
        path: `${RECEIVER_DELIVERIES_PATH}/${String(id)}`,
        schema: receiverDeliverySchema,
        signal,
      }),
    enabled: connection.ready && id !== undefined,
    staleTime: Infinity,
  });

/** A receiver name from a workflow's name: the characters a name may hold, 1–60 of them. */
export function receiverNameFor(workflowName: string | undefined): string {
  const slug = (workflowName ?? '')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug === '' ? 'deliveries' : slug;
}

/** The URL of a receiver on the server that served this page. */
export const receiverUrl = (origin: string, name: string): string =>
  `${origin}${RECEIVER_PATH}${encodeURIComponent(name)}`;
