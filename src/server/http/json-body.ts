import type { FastifyInstance } from 'fastify';
import { HttpError } from './http-error.ts';
import { readJsonBody } from './read-json-body.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body as received (JSON text), for Idempotency-Key hashing and the proxy. */
    rawBody: string | undefined;
  }
}

/**
 * Replaces Fastify's body parsers with one JSON parser: any other Content-Type → 415, the body
 * limit (Fastify's `bodyLimit`, counted as bytes arrive, so chunked bodies too) → 413, and the
 * rest as `readJsonBody` reads it (not UTF-8, malformed or too deep → FastAPI's 422; a byte
 * order mark skipped; `__proto__` kept as data, which Fastify's default parser would reject).
 */
export function registerJsonBody(app: FastifyInstance): void {
  app.decorateRequest('rawBody', undefined);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    // parseAs 'buffer' gives a Buffer; the type also allows a string.
    const read = readJsonBody(typeof body === 'string' ? Buffer.from(body) : body);
    if (!read.ok) {
      done(new HttpError(422, { detail: read.errors }));
      return;
    }
    request.rawBody = read.text;
    done(null, read.value);
  });
}

/**
 * For routes that read their body elsewhere (the run intake, in a worker thread): the same
 * Content-Type and size rules, the bytes passed on unread. Call it inside the route's own
 * plugin scope, where it replaces the parser registerJsonBody set.
 */
export function registerUnreadJsonBody(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    done(null, body);
  });
}
