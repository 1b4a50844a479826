import type { FastifyInstance } from 'fastify';
import { isApiPath } from './security-headers.ts';

/** `scheme://host[:port]` → `host[:port]` (default port dropped), or undefined for `null` and junk. */
function originHost(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.host : undefined;
  } catch {
    return undefined;
  }
}

/** A Host header normalised the way URL normalises an origin's host. */
function normalHost(host: string): string | undefined {
  try {
    return new URL(`http://${host}`).host;
  } catch {
    return undefined;
  }
}

/**
 * Cross-site requests are refused (403) before any route runs: an `Origin` that is not this
 * server's own (`http(s)://<Host>`, including `Origin: null`), or, on API paths, a browser's
 * `Sec-Fetch-Site: cross-site`. No CORS headers are ever sent, so browsers also keep other
 * origins from reading answers; this stops the request itself (a form POST, a no-cors fetch)
 * from having effects. Requests without these headers (curl, scripts) are not browsers' and
 * pass. Navigations to the UI from a link elsewhere carry no Origin and still work.
 */
export function registerOriginGuard(app: FastifyInstance): void {
  // A callback hook, not an async one: it runs on every request, and most pass untouched.
  app.addHook('onRequest', (request, reply, done) => {
    const origin = request.headers.origin;
    if (origin !== undefined) {
      const host = request.headers.host ?? '';
      const own = normalHost(host);
      if (own === undefined || originHost(origin) !== own) {
        void reply.code(403).send({
          detail: `Origin "${origin}" is not allowed: this server answers pages it served itself (${host}) only.`,
        });
        return;
      }
    }
    if (request.headers['sec-fetch-site'] === 'cross-site' && isApiPath(request.url)) {
      void reply.code(403).send({
        detail:
          'Cross-site requests to the API are refused; call it from the Inlet UI or a script.',
      });
      return;
    }
    done();
  });
}
