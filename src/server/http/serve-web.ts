import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Paths that belong to the API; the UI's fallback never answers them. */
const API_PREFIXES = ['/workflows', '/inlet/'];

/** What the development server adds to the page's policy, and nothing else. */
export interface PolicyAdditions {
  /** Vite's dev page has one inline module script (React refresh), marked with this nonce. */
  readonly scriptNonce?: string;
  /** Vite's hot-reload socket. */
  readonly connect?: readonly string[];
}

/**
 * The UI's Content-Security-Policy. Monaco injects inline styles and starts blob: workers;
 * there is no 'unsafe-eval', so nothing in the page may compile code at run time (zod 4's
 * JIT: the UI calls `z.config({ jitless: true })`). `npm run dev` uses the same policy with
 * only its nonce and socket added, so a violation shows up while developing too.
 */
export function contentSecurityPolicy(additions: PolicyAdditions = {}): string {
  const script = ["'self'", ...(additions.scriptNonce ? [`'nonce-${additions.scriptNonce}'`] : [])];
  const connect = ["'self'", ...(additions.connect ?? [])];
  return [
    "default-src 'self'",
    `script-src ${script.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/**
 * Whether a request is a client of the API rather than a browser loading a page: it sends an
 * x-api-key, or accepts application/json (contract, "Revision of 2026-12-02": such a request
 * to an unknown path gets a JSON 404, never the UI's page).
 */
export function wantsJson(request: FastifyRequest): boolean {
  if (request.headers['x-api-key'] !== undefined) return true;
  const accept: unknown = request.headers.accept;
  const text = Array.isArray(accept) ? accept.join(',') : typeof accept === 'string' ? accept : '';
  return text
    .split(',')
    .some((range) =>
      /^(application\/json|application\/[^;\s]+\+json)$/i.test((range.split(';')[0] ?? '').trim()),
    );
}

/** The JSON 404 every unknown path gets when no UI page is due. */
export const notFoundDetail = (request: FastifyRequest) => ({
  detail: `Not found: ${request.method} ${request.url.split('?')[0] ?? ''}`,
});

const isHtml = (contentType: unknown): boolean =>
  typeof contentType === 'string' && contentType.toLowerCase().startsWith('text/html');

/**
 * Serves the built UI from `webRoot`, with index.html for client-side routes, and answers
 * unknown API paths with a JSON 404. Returns whether it did, so the caller sets its own
 * not-found handler otherwise. Hashed assets are cached for a year; index.html never, so a
 * rebuild shows at once. HTML answers carry the CSP above.
 */
export async function serveWeb(app: FastifyInstance, webRoot: string): Promise<boolean> {
  const index = path.join(webRoot, 'index.html');
  if (!existsSync(index)) {
    app.log.warn(`No built UI at ${webRoot}; run \`npm run build\` (npm start builds it for you).`);
    return false;
  }
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (isHtml(reply.getHeader('content-type'))) {
      reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    }
    done(null, payload);
  });
  // Files are looked up per request (fastify-static's wildcard route), not listed once at
  // start, so a build made while the server runs is served: its index.html names new assets.
  // Dotfiles are never served (the wildcard route would otherwise serve them).
  await app.register(fastifyStatic, {
    root: webRoot,
    dotfiles: 'ignore',
    index: false,
    // A directory (`/assets/`) is no file: not found, instead of fastify-static's 500.
    allowedPath: (pathname) => !pathname.endsWith('/'),
    setHeaders(reply, filePath) {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  // index.html goes out without validators (ETag, Last-Modified): a reload is then a full 200,
  // which carries the session cookie; a 304 would not, and a page loaded before a restart
  // would stay on its stale session however often it is reloaded.
  const sendIndex = (reply: FastifyReply) =>
    reply
      .header('Cache-Control', 'no-cache')
      .sendFile('index.html', { etag: false, lastModified: false });
  app.get('/', (_req, reply) => sendIndex(reply));
  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0] ?? '';
    const isApi = API_PREFIXES.some((prefix) => url === prefix || url.startsWith(prefix));
    // Client-side routes get the page; a missing file (or the assets folder itself) a 404.
    if (
      req.method === 'GET' &&
      !isApi &&
      !path.extname(url) &&
      !/^\/assets(\/|$)/.test(url) &&
      !wantsJson(req)
    ) {
      return sendIndex(reply);
    }
    return reply.code(404).header('Cache-Control', 'no-store').send(notFoundDetail(req));
  });
  return true;
}
