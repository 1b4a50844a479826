import { queryOptions } from '@tanstack/react-query';
import { upstreamStatusResponseSchema } from '@core/wire/session.ts';
import { apiRequest } from '../api-client.ts';

/** `GET /inlet/sixtyfour/status`: whether the server holds the Sixtyfour key, and where it forwards. */
export const getUpstreamStatus = () =>
  apiRequest(
    { target: 'sixtyfour', basePath: '', apiKey: undefined, ready: true },
    { path: '/inlet/sixtyfour/status', schema: upstreamStatusResponseSchema },
  );

export const getUpstreamStatusQueryOptions = () =>
  queryOptions({
    queryKey: ['inlet', 'sixtyfour-status'],
    queryFn: getUpstreamStatus,
    staleTime: 60_000,
  });
