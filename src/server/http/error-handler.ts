import type { FastifyError, FastifyInstance } from 'fastify';
import { HttpError } from './http-error.ts';
import { contentTypeOf, notJsonBodyErrors } from './json-body.ts';
import { notFoundDetail } from './serve-web.ts';
import { isStorageWriteError, storageWriteDetail } from './storage-error.ts';
import { errorMessage } from '@core/error-message.ts';

const hasCode = (error: unknown): error is FastifyError =>
  error instanceof Error && 'code' in error && typeof error.code === 'string';

/** Every error leaves as `{"detail": …}` (contract, "Errors"); nothing leaks a stack. */
export function registerErrorHandler(
  app: FastifyInstance,
  { maxBodyBytes, dataDir }: { maxBodyBytes: number; dataDir: string },
): void {
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).headers(error.headers).send(error.body);
    }
    if (isStorageWriteError(error)) {
      request.log.error({ err: error }, 'data directory write failed');
      // 507 Insufficient Storage: the request was fine, the sandbox could not store it.
      return reply.code(507).send({ detail: storageWriteDetail(dataDir, error) });
    }
    if (hasCode(error)) {
      switch (error.code) {
        case 'FST_ERR_CTP_BODY_TOO_LARGE':
          return reply.code(413).send({
            detail: `The request body is larger than the limit of ${maxBodyBytes} bytes (INLET_MAX_BODY_BYTES).`,
          });
        case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        case 'FST_ERR_CTP_INVALID_TYPE': {
          // A Content-Type header Fastify cannot even read: FastAPI's 422, like any non-JSON type
          // (contract, "Revision of 2026-12-02": there is no 415).
          return reply.code(422).send({ detail: notJsonBodyErrors(contentTypeOf(request)) });
        }
        case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
          return reply.code(400).send({ detail: 'The Content-Length does not match the body.' });
        default:
          break;
      }
    }
    const status =
      hasCode(error) && typeof error.statusCode === 'number' && error.statusCode >= 400
        ? error.statusCode
        : 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.code(500).send({ detail: 'Internal server error; see the server log.' });
    }
    return reply.code(status).send({ detail: errorMessage(error, 'Bad request') });
  });
}

/** JSON 404s when no UI is served (serveWeb answers unknown paths otherwise). */
export function registerNotFound(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).header('Cache-Control', 'no-store').send(notFoundDetail(request)),
  );
}
