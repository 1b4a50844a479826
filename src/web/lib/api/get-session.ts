import { queryOptions } from '@tanstack/react-query';
import { inletSessionResponseSchema } from '../../../core/wire/session.ts';
import { apiRequest } from '../api-client.ts';

/** `GET /inlet/session`: the sandbox key, handed only to this server's own UI. */
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
