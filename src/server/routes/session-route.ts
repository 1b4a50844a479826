import type { FastifyInstance } from 'fastify';
import type { InletSessionResponse } from '@core/wire/session.ts';
import { staleSessionError, type UiSession } from '../auth/ui-session.ts';
import { detailError } from '../http/http-error.ts';

/**
 * `GET /inlet/session`: whether the page holds a valid UI session (the cookie set with
 * index.html), and where a script finds the sandbox key. The key itself is never sent: the
 * page's calls carry the cookie instead, and a snippet it copies says where the key is.
 */
export function registerSessionRoute(
  app: FastifyInstance,
  options: { uiSession: UiSession; keyLocation: string },
): void {
  app.get('/inlet/session', (request, reply) => {
    if (!options.uiSession.isUiCall(request)) {
      if (options.uiSession.check(request) === 'stale') throw staleSessionError();
      throw detailError(
        401,
        'No UI session: open the Inlet UI served by this server (scripts send x-api-key instead).',
      );
    }
    const body: InletSessionResponse = { sandbox_key_location: options.keyLocation };
    return reply.header('Cache-Control', 'no-store').send(body);
  });
}
