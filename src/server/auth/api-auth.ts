import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { detailError } from '../http/http-error.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { createKeyCheck } from './sandbox-key.ts';
import { staleSessionError, type UiSession } from './ui-session.ts';

/** Who is calling: the sandbox key, or only a Bearer token (refused, see `requireApiKey`). */
export type Caller = { kind: 'api-key'; keyHash: string } | { kind: 'bearer-only' };

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | undefined;
  }
}

const INVALID = 'Invalid API key';

const headerValue = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/**
 * How many `x-api-key` lines the request carried. Node joins repeated unknown headers into
 * one "a, b" value, so the raw header list is the only place a repeat shows.
 */
function apiKeyLines(request: FastifyRequest): number {
  const raw = request.raw.rawHeaders;
  let count = 0;
  for (let i = 0; i < raw.length; i += 2) if (raw[i]?.toLowerCase() === 'x-api-key') count++;
  return Array.isArray(request.headers['x-api-key']) ? Math.max(count, 2) : count;
}

/**
 * Auth of the sandbox API (contract, "Auth"): `x-api-key` must be the sandbox key, else 401
 * `Invalid API key`. A request with only `Authorization: Bearer …` reaches the run route
 * alone, which answers 400 when it carries `webhook_payload` (JWT auth is rejected for
 * webhook payloads) and 401 otherwise; every other route answers 401 at once. Then the
 * per-key rate limit, with its headers on every answer. Two `x-api-key` lines → 400. A key in
 * the query string is never read (it would end up in logs and browser history): such a
 * request counts as one without a key.
 *
 * Without a key, the UI's session cookie counts as the sandbox key (same idempotency records,
 * the same workflows), with a rate-limit window of its own, so a script at its limit does not
 * lock the user's own page out, nor the page a script.
 */
export function registerApiAuth(
  app: FastifyInstance,
  options: {
    sandboxKey: string;
    rateLimitPerMin: number;
    uiSession: UiSession;
    isSandboxRoute: (request: FastifyRequest) => boolean;
  },
): void {
  const limiter = createRateLimiter(options.rateLimitPerMin);
  const checkKey = createKeyCheck(options.sandboxKey);
  const sandboxKeyHash = checkKey(options.sandboxKey) ?? '';
  app.decorateRequest('caller', undefined);
  /** Sets `request.caller`, or throws the answer (400, 401 or 429). */
  const authorize = (request: FastifyRequest, reply: FastifyReply): void => {
    if (!options.isSandboxRoute(request)) return;
    // A repeated key is ambiguous (which one counts?), so it is refused whatever the values.
    if (apiKeyLines(request) > 1) {
      throw detailError(400, 'Send exactly one x-api-key header; this request has several.');
    }
    const presented = headerValue(request.headers['x-api-key']);
    let limitKey: string;
    if ((presented === undefined || presented === '') && options.uiSession.isUiCall(request)) {
      request.caller = { kind: 'api-key', keyHash: sandboxKeyHash };
      limitKey = 'ui-session';
    } else if (presented === undefined || presented === '') {
      const authorization = headerValue(request.headers.authorization) ?? '';
      const isRun = request.routeOptions.url === '/workflows/run';
      if (/^Bearer\s+\S/i.test(authorization) && isRun) {
        request.caller = { kind: 'bearer-only' };
        return;
      }
      if (options.uiSession.check(request) === 'stale') throw staleSessionError();
      throw detailError(401, INVALID);
    } else {
      const keyHash = checkKey(presented);
      if (keyHash === null) throw detailError(401, INVALID);
      request.caller = { kind: 'api-key', keyHash };
      limitKey = keyHash;
    }
    if (!limiter.enabled) return;
    const decision = limiter.take(limitKey);
    void reply.header('X-RateLimit-Limit', String(decision.limit));
    void reply.header('X-RateLimit-Remaining', String(decision.remaining));
    if (!decision.allowed) {
      throw detailError(
        429,
        `Rate limit of ${decision.limit} requests a minute exceeded; retry in ${decision.retryAfterSeconds} s.`,
        { 'Retry-After': String(decision.retryAfterSeconds) },
      );
    }
  };
  // A callback hook, not an async one: it runs on every request.
  app.addHook('onRequest', (request, reply, done) => {
    try {
      authorize(request, reply);
    } catch (error) {
      done(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    done();
  });
}
