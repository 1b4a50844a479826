import { queryOptions } from '@tanstack/react-query';
import { inletSessionResponseSchema } from '@core/wire/session.ts';
import { apiRequest } from '../api-client.ts';

/**
 * `GET /inlet/session`: whether this page holds a valid UI session (the HttpOnly cookie set
 * with index.html), and where a script finds the sandbox key. The key itself never comes.
 */
export const getSession = () =>
  apiRequest(
    { target: 'sandbox', basePath: '', apiKey: undefined, ready: true },
    { path: '/inlet/session', schema: inletSessionResponseSchema },
  );

export const getSessionQueryOptions = () =>
  queryOptions({
    queryKey: ['inlet', 'session'],
    queryFn: getSession,
    staleTime: Infinity,
    gcTime: Infinity,
  });
