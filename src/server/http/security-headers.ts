import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';

/** The headers every answer carries (API answers add no-store). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

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
    reply.headers(SECURITY_HEADERS);
    if (isApiPath(request.url)) {
      reply.header('Cache-Control', 'no-store');
    }
    done(null, payload);
  });
}

/**
 * Fastify's `frameworkErrors`: a URL it cannot decode (`/workflows/runs/%/live_status`) is
 * refused before routing, where no hook runs, so this answer sets the headers itself and says
 * in the contract's shape what to change.
 */
export function answerFrameworkError(error: FastifyError, reply: FastifyReply): void {
  void reply
    .code(400)
    .headers({ ...SECURITY_HEADERS, 'Cache-Control': 'no-store' })
    .send({
      detail:
        error.code === 'FST_ERR_BAD_URL'
          ? 'The URL is not valid percent-encoding (a "%" must be followed by two hex digits); encode it, e.g. "%" as "%25".'
          : 'The request could not be routed; check its URL and headers.',
    });
}
