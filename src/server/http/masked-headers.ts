import type { FastifyRequest } from 'fastify';
import { MASKED_HEADER_VALUE } from '@core/wire/receiver.ts';

/** Headers whose values are credentials: stored as MASKED_HEADER_VALUE, never as sent. */
const MASKED_HEADERS = new Set(['x-api-key', 'cookie', 'authorization', 'proxy-authorization']);

/** The headers as received (repeats kept, in order, names lower-cased), credentials masked. */
export function maskedHeaders(request: FastifyRequest): { name: string; value: string }[] {
  const raw = request.raw.rawHeaders;
  const headers: { name: string; value: string }[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] ?? '').toLowerCase();
    headers.push({
      name,
      value: MASKED_HEADERS.has(name) ? MASKED_HEADER_VALUE : (raw[i + 1] ?? ''),
    });
  }
  return headers;
}
