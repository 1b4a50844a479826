import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ValidationError } from '@core/wire/errors.ts';
import { HttpError } from './http-error.ts';
import { readJsonBody } from './read-json-body.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body as received (JSON text), for Idempotency-Key hashing and the proxy. */
    rawBody: string | undefined;
    /** The body's bytes on a route that reads them elsewhere (registerUnreadJsonBody), for the inbox. */
    receivedBytes: Buffer | undefined;
  }
}

/**
 * Whether a Content-Type is read as JSON (contract, "Revision of 2026-12-02"): absent,
 * `application/json`, or any `*+json` type. Parameters (`; charset=utf-8`) do not matter.
 */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return true;
  const mediaType = (header.split(';')[0] ?? '').trim().toLowerCase();
  return (
    mediaType === '' || mediaType === 'application/json' || /^[^/]+\/[^/]+\+json$/.test(mediaType)
  );
}

/**
 * FastAPI's 422 for a body sent as another type: FastAPI hands the bytes to the model, which
 * finds no object in them. Said in a way that tells the client what to change.
 */
export const notJsonBodyErrors = (header: string | undefined): ValidationError[] => [
  {
    loc: ['body'],
    msg: `Input should be a valid dictionary or object to extract fields from; the body was sent as ${header === undefined || header.trim() === '' ? 'an unknown type' : `"${header.slice(0, 100)}"`}. Send it as JSON (Content-Type: application/json).`,
    type: 'model_attributes_type',
  },
];

/** The request's Content-Type header, or undefined. */
export const contentTypeOf = (request: FastifyRequest): string | undefined => {
  const header: unknown = request.headers['content-type'];
  if (Array.isArray(header)) return typeof header[0] === 'string' ? header[0] : undefined;
  return typeof header === 'string' ? header : undefined;
};

/**
 * Replaces Fastify's body parsers with one parser for every Content-Type: JSON types (and no
 * Content-Type) are read by `readJsonBody` (not UTF-8, malformed or too deep → FastAPI's 422;
 * a byte order mark skipped; `__proto__` kept as data, which Fastify's default parser would
 * reject); any other type → FastAPI's 422, never a 415. The body limit (Fastify's `bodyLimit`,
 * counted as bytes arrive, so chunked bodies too) → 413 before any of that.
 */
export function registerJsonBody(app: FastifyInstance): void {
  app.decorateRequest('rawBody', undefined);
  app.decorateRequest('receivedBytes', undefined);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (request, body, done) => {
    const type = contentTypeOf(request);
    if (!isJsonContentType(type)) {
      done(new HttpError(422, { detail: notJsonBodyErrors(type) }));
      return;
    }
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
  scope.addContentTypeParser('*', { parseAs: 'buffer' }, (request, body, done) => {
    // parseAs 'buffer' gives a Buffer; the type also allows a string.
    request.receivedBytes = typeof body === 'string' ? Buffer.from(body) : body;
    const type = contentTypeOf(request);
    if (!isJsonContentType(type)) {
      done(new HttpError(422, { detail: notJsonBodyErrors(type) }));
      return;
    }
    done(null, body);
  });
}
