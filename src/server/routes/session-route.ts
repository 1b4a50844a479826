import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { InletSessionResponse } from '../../core/wire/session.ts';
import { isLoopbackHost } from '../http/host-guard.ts';
import { detailError } from '../http/http-error.ts';

/**
 * Whether a request comes from a page this server itself served. The rule:
 *
 * 1. The Host header is a loopback name (localhost, 127.x.x.x, [::1]). A DNS-rebinding page
 *    reaches 127.0.0.1 under its own name, so its Host gives it away.
 * 2. And the browser says the request is same-origin: `Sec-Fetch-Site: same-origin` (sent by
 *    every current browser and not settable by page script), or, from an older browser that
 *    sends no Sec-Fetch-Site, an `Origin` equal to `http://<Host>`.
 *
 * Anything else (another site, a request with neither header such as curl) is refused;
 * a command-line user reads the key from the data directory instead. No CORS headers are
 * sent, so even a refused answer cannot be read cross-origin.
 */
export function isSameOriginRequest(request: FastifyRequest): boolean {
  const host = request.headers.host ?? '';
  if (!isLoopbackHost(host)) return false;
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  const origin = request.headers.origin;
  return origin !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

/** `GET /inlet/session`: hands the sandbox key to the UI this server serves, and to no one else. */
export function registerSessionRoute(app: FastifyInstance, sandboxKey: string): void {
  app.get('/inlet/session', (request, reply) => {
    if (!isSameOriginRequest(request)) {
      throw detailError(
        403,
        'The sandbox key is handed only to the Inlet UI served by this server (same-origin requests).',
      );
    }
    const body: InletSessionResponse = { sandbox_api_key: sandboxKey };
    return reply.header('Cache-Control', 'no-store').send(body);
  });
}
