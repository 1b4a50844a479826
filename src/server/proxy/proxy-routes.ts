import { Readable } from 'node:stream';
import { z } from 'zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UpstreamStatusResponse } from '@core/wire/session.ts';
import { staleSessionError } from '../auth/ui-session.ts';
import { detailError, HttpError } from '../http/http-error.ts';
import { createScrubber } from '../inbox/scrub-secrets.ts';
import { isForwarded } from './forwarded-routes.ts';
import { errorMessage } from '@core/error-message.ts';
import { TOTAL_COUNT_HEADER, UNREADABLE_ROWS_HEADER } from '@core/wire/workflow.ts';

export type ProxyOptions = {
  base: string;
  serverKey: string | undefined;
  /** Whether a request is the Inlet UI's own call (its session cookie): the server key's proof. */
  isUiCall: (request: FastifyRequest) => boolean;
  /** Whether a request carries a UI cookie from an earlier start of this server. */
  hasStaleSession: (request: FastifyRequest) => boolean;
  timeoutMs?: number;
  /** Largest upstream answer read, decoded (INLET_PROXY_MAX_RESPONSE_BYTES). */
  maxResponseBytes: number;
};

export const PROXY_PREFIX = '/inlet/sixtyfour';

/** Upstream answer headers worth passing on. */
const PASSED_HEADERS = [
  'content-type',
  'retry-after',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  TOTAL_COUNT_HEADER,
  UNREADABLE_ROWS_HEADER,
];

/** A chunk of a fetch body. */
const byteChunkSchema = z.instanceof(Uint8Array);

const headerValue = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/**
 * The upstream body's chunks, read one at a time after decoding (fetch undoes gzip), and
 * cancelled as soon as they pass `max` bytes: a small compressed answer that inflates to
 * gigabytes never takes more than `max` of memory. Undefined when it was too large. Kept as
 * chunks, not joined: the answer streams them out as they are.
 */
async function readCapped(response: Response, max: number): Promise<Uint8Array[] | undefined> {
  if (response.body === null) return [];
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const read = await reader.read();
    if (read.done) break;
    // Node's fetch leaves the chunk's type open; it is bytes, and the schema says so.
    const value = byteChunkSchema.parse(read.value);
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return chunks;
}

/** Most of an error answer read for its detail. */
const DETAIL_BYTES = 64 * 1024;

/** The start of a body as text, for an error's detail. */
function textOf(chunks: readonly Uint8Array[]): string {
  const head: Uint8Array[] = [];
  let size = 0;
  for (const chunk of chunks) {
    if (size >= DETAIL_BYTES) break;
    head.push(chunk);
    size += chunk.byteLength;
  }
  return Buffer.concat(head).subarray(0, DETAIL_BYTES).toString('utf8');
}

const isJson = (contentType: string | null): boolean =>
  contentType !== null && /^application\/([\w.-]+\+)?json\b/i.test(contentType);

const readableDetail = (text: string): string => {
  try {
    const parsed: unknown = JSON.parse(text);
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'detail' in parsed &&
      typeof parsed.detail === 'string'
    ) {
      return parsed.detail;
    }
  } catch {
    // Not JSON: fall through to the text itself.
  }
  // An error page (a gateway's HTML) is read for its words, not its markup.
  const words = /<[a-z!/][^>]*>/i.test(text)
    ? text.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<[^>]*>/g, ' ')
    : text;
  return words.replace(/\s+/g, ' ').trim().slice(0, 200);
};

/**
 * Forwards a chosen set of workflow endpoints under `/inlet/sixtyfour/workflows/…` to the real
 * API. A request with its own `x-api-key` (a key the user typed) passes that key on; else the
 * server adds SIXTYFOUR_API_KEY, only for the Inlet UI's own calls (its session cookie), so
 * no other client can use the server's key (401). Cookies and Authorization are never forwarded, redirects never followed
 * (502), a timeout is a 504, and upstream 5xx or non-JSON answers become a 502 with a detail.
 */
export function registerProxyRoutes(app: FastifyInstance, options: ProxyOptions): void {
  app.get(`${PROXY_PREFIX}/status`, (): UpstreamStatusResponse => ({
    server_has_key: options.serverKey !== undefined,
    base: options.base,
  }));

  const forward = async (request: FastifyRequest, reply: FastifyReply) => {
    const url = new URL(request.url, 'http://inlet.invalid');
    const path = url.pathname.slice(PROXY_PREFIX.length);
    if (!isForwarded(request.method, path)) {
      throw detailError(404, `${request.method} ${path} is not forwarded to Sixtyfour.`);
    }
    const own = headerValue(request.headers['x-api-key']);
    let key: string;
    if (own !== undefined && own !== '') key = own;
    else if (options.serverKey === undefined) {
      throw detailError(
        401,
        'No Sixtyfour API key: set SIXTYFOUR_API_KEY on the server, or send x-api-key.',
      );
    } else if (options.isUiCall(request)) key = options.serverKey;
    else if (options.hasStaleSession(request)) throw staleSessionError();
    else {
      throw detailError(
        401,
        "The server's Sixtyfour key (SIXTYFOUR_API_KEY) is used for the Inlet UI's own calls only; open the UI, or send your own x-api-key.",
      );
    }
    const headers: Record<string, string> = { accept: 'application/json', 'x-api-key': key };
    // Upstream text copied into an answer never carries the key sent, even where Sixtyfour
    // echoes it: masked in the whole text, before a detail is cut, so no prefix is left.
    const masked = createScrubber([key]).text;
    const idempotencyKey = headerValue(request.headers['idempotency-key']);
    if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
    const body = request.method === 'POST' ? request.rawBody : undefined;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${options.base}${path}${url.search}`, {
        method: request.method,
        headers,
        ...(body === undefined ? {} : { body }),
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') {
        throw detailError(504, `Sixtyfour (${options.base}) did not answer in time.`);
      }
      throw detailError(
        502,
        `Could not reach Sixtyfour at ${options.base}: ${errorMessage(error)}.`,
      );
    }
    const chunks = await readCapped(response, options.maxResponseBytes);
    if (chunks === undefined) {
      throw detailError(
        502,
        `Sixtyfour's answer is larger than ${options.maxResponseBytes} bytes once decoded (INLET_PROXY_MAX_RESPONSE_BYTES); it was not passed on.`,
      );
    }
    if (response.status >= 300 && response.status < 400) {
      throw detailError(
        502,
        `Sixtyfour upstream redirected (${response.status}) instead of answering; check SIXTYFOUR_API_BASE.`,
      );
    }
    if (response.status === 401) {
      // Sixtyfour's own words ("Invalid API key") do not say which key it refused: the one
      // the caller sent (typed in the UI, or a script's) or the server's, fixed elsewhere.
      const said = readableDetail(masked(textOf(chunks))) || 'no detail';
      throw detailError(
        401,
        own === undefined || own === ''
          ? `Sixtyfour refused the server's key, SIXTYFOUR_API_KEY (${said}): set a valid key there and restart the Inlet server.`
          : `Sixtyfour refused the x-api-key sent (${said}): check the key typed beside the target switch, or the one your script sends.`,
      );
    }
    if (response.status >= 500) {
      throw detailError(
        502,
        `Sixtyfour answered ${response.status}: ${readableDetail(masked(textOf(chunks))) || 'no detail'}.`,
      );
    }
    if (!isJson(response.headers.get('content-type'))) {
      throw new HttpError(502, {
        detail: `Sixtyfour answered ${response.status} with ${response.headers.get('content-type') ?? 'no content type'} instead of JSON: ${readableDetail(masked(textOf(chunks)))}`,
      });
    }
    for (const name of PASSED_HEADERS) {
      const value = response.headers.get(name);
      if (value !== null) void reply.header(name, value);
    }
    // A run's answer is small, and sent whole so the inbox records it (record-inbox.ts).
    const whole = request.method === 'POST' && path === '/workflows/run';
    return reply.code(response.status).send(whole ? Buffer.concat(chunks) : Readable.from(chunks));
  };

  app.route({ method: ['GET', 'POST'], url: `${PROXY_PREFIX}/workflows`, handler: forward });
  app.route({ method: ['GET', 'POST'], url: `${PROXY_PREFIX}/workflows/*`, handler: forward });
}
