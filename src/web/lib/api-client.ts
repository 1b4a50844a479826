import type { z } from 'zod';
import { STALE_SESSION_HEADER } from '@core/wire/session.ts';
import { ApiError, parseRetryAfter } from './api/api-error.ts';
import type { Connection } from './api/connection.ts';
import { readApiError } from './api/read-api-error.ts';

export type QueryValue = string | number | boolean | undefined;

export type ApiRequest<S extends z.ZodType> = {
  method?: 'GET' | 'POST';
  /** Path as on api.sixtyfour.ai, e.g. `/workflows/run`. */
  path: string;
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is, as JSON (to let the server judge text the browser could not parse). */
  rawBody?: string;
  headers?: Record<string, string>;
  /** Every answer is parsed with the wire schema, so drift fails loudly. */
  schema: S;
  signal?: AbortSignal;
};

/** The URL of a request on this server (relative: same origin, the sandbox or the proxy). */
export function apiUrl(
  connection: Pick<Connection, 'basePath'>,
  path: string,
  query: Record<string, QueryValue> = {},
): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, String(value));
  }
  const search = params.toString();
  return `${connection.basePath}${path}${search === '' ? '' : `?${search}`}`;
}

const readJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/**
 * One call to the sandbox or to Sixtyfour through the proxy. Sends `x-api-key` only when the
 * browser holds the key; never puts a key in the URL. Throws `ApiError` with the server's
 * own words for any non-2xx answer, and when a 2xx answer does not match the schema.
 */
export async function apiRequest<S extends z.ZodType>(
  connection: Connection,
  request: ApiRequest<S>,
): Promise<z.infer<S>> {
  return (await apiExchange(connection, request)).data;
}

let renewing: Promise<void> | undefined;

/**
 * Fetches this page again for the session cookie it comes with (a restarted server makes a
 * new one and refuses the old one). Calls refused at once share one fetch.
 */
function renewUiSession(): Promise<void> {
  renewing ??= fetch('/', {
    credentials: 'same-origin',
    cache: 'no-store',
    headers: { accept: 'text/html' },
  })
    .then(
      () => undefined,
      () => undefined,
    )
    .finally(() => {
      renewing = undefined;
    });
  return renewing;
}

/** `apiRequest`, with the answer's headers (a list's `X-Total-Count`, say). */
export async function apiExchange<S extends z.ZodType>(
  connection: Connection,
  request: ApiRequest<S>,
): Promise<{ data: z.infer<S>; headers: Headers }> {
  let response = await send(connection, request);
  // Refused for a stale session cookie (the server restarted): nothing was done with the
  // request, so after renewing the session it is asked once more. A key the browser holds
  // is never stale in this sense.
  if (
    response.status === 401 &&
    response.headers.get(STALE_SESSION_HEADER) === 'stale' &&
    connection.apiKey === undefined
  ) {
    await renewUiSession();
    response = await send(connection, request);
  }
  return readAnswer(request, response);
}

async function send<S extends z.ZodType>(
  connection: Connection,
  request: ApiRequest<S>,
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (connection.apiKey !== undefined) headers['x-api-key'] = connection.apiKey;
  const payload =
    request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
  if (payload !== undefined) headers['content-type'] = 'application/json';
  try {
    return await fetch(apiUrl(connection, request.path, request.query), {
      method: request.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      ...(payload === undefined ? {} : { body: payload }),
      ...(request.signal === undefined ? {} : { signal: request.signal }),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, {
      message: 'Could not reach the Inlet server. Is it still running?',
      problems: [],
    });
  }
}

async function readAnswer<S extends z.ZodType>(
  request: ApiRequest<S>,
  response: Response,
): Promise<{ data: z.infer<S>; headers: Headers }> {
  const text = await response.text();
  const body = readJson(text);
  if (!response.ok) {
    throw new ApiError(
      response.status,
      readApiError(response.status, body, body === undefined ? text : ''),
      parseRetryAfter(response.headers.get('retry-after')),
    );
  }
  const parsed = request.schema.safeParse(body);
  if (!parsed.success && body === undefined) {
    // Said as it is: a schema's "expected object, received undefined" hides that it is not JSON.
    const start = text.replace(/\s+/g, ' ').trim().slice(0, 120);
    throw new ApiError(response.status, {
      message: `The answer to ${request.path} is not JSON (${start === '' ? 'it is empty' : `it starts “${start}”`}); ask again, and if it stays so, the API is at fault.`,
      problems: [],
    });
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.map(String).join('.')}` : '';
    throw new ApiError(response.status, {
      message: `The server's answer to ${request.path} is not in the expected format${where}: ${issue?.message ?? 'unknown problem'}.`,
      problems: [],
    });
  }
  return { data: parsed.data, headers: response.headers };
}
