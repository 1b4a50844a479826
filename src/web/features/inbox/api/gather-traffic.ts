import { useMutation, useQueryClient } from '@tanstack/react-query';
import { INBOX_PATH, inboxListResponseSchema } from '@core/wire/inbox.ts';
import { apiRequest } from '@web/lib/api-client.ts';
import {
  TRAFFIC_REQUESTS_MAX,
  rowsFromBodies,
  type TrafficRows,
} from '../model/rows-from-bodies.ts';
import { getInboxEntryQueryOptions } from './get-inbox-entry.ts';
import type { InboxFilters } from './list-inbox.ts';
import { SANDBOX_CONNECTION } from './sandbox-connection.ts';

/** Entries fetched at once: enough to be quick, few enough to leave the server to runs. */
const PARALLEL = 6;

export type Traffic = TrafficRows & { requests: number };

/**
 * The rows of the newest TRAFFIC_REQUESTS_MAX requests the filters select (a workflow is
 * required): their list, then each body (recorded entries never change, so cached ones are
 * reused). Bodies not read or cut are not fetched.
 */
export function useGatherTraffic() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (filters: InboxFilters): Promise<Traffic> => {
      const list = await apiRequest(SANDBOX_CONNECTION, {
        path: INBOX_PATH,
        query: {
          workflow_id: filters.workflowId.trim(),
          outcome: filters.outcome === '' ? undefined : filters.outcome,
          cause: filters.cause === '' ? undefined : filters.cause,
          q: filters.search.trim() === '' ? undefined : filters.search.trim(),
          limit: TRAFFIC_REQUESTS_MAX,
        },
        schema: inboxListResponseSchema,
      });
      const readable = list.entries.filter((entry) => entry.body_read && !entry.body_truncated);
      const bodies: { body: string | null; truncated: boolean }[] = [];
      for (let start = 0; start < readable.length; start += PARALLEL) {
        const batch = await Promise.all(
          readable
            .slice(start, start + PARALLEL)
            .map((entry) => queryClient.query(getInboxEntryQueryOptions(entry.id))),
        );
        for (const entry of batch)
          bodies.push({ body: entry.body, truncated: entry.body_truncated });
      }
      const gathered = rowsFromBodies(bodies);
      return {
        ...gathered,
        skipped: gathered.skipped + list.entries.length - readable.length,
        requests: list.entries.length,
      };
    },
  });
}
