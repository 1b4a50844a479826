import { QueryClient } from '@tanstack/react-query';

/** One client for the app; server state (runs, workflows) will live here. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: 1, refetchOnWindowFocus: false },
    },
  });
}
