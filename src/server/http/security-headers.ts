import type { FastifyInstance } from 'fastify';

/** Paths of the API (sandbox and Inlet's own), as opposed to the UI's files. */
export const isApiPath = (url: string): boolean =>
  url === '/workflows' ||
  url.startsWith('/workflows/') ||
  url.startsWith('/workflows?') ||
  url.startsWith('/inlet/');

/**
 * Every answer: no referrer, no framing, no sniffing (serveWeb adds the UI's CSP). API answers
 * are never cached. No CORS headers are sent at all, so browsers keep other origins from reading
 * any answer.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  // A callback hook, not an async one: it runs on every answer.
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    if (isApiPath(request.url)) {
      reply.header('Cache-Control', 'no-store');
    }
    done(null, payload);
  });
}
