/** The request a snippet reproduces: the one the console sends to start a run. */
export type RunRequestDescription = {
  /** Absolute URL without query, e.g. `http://127.0.0.1:6464/workflows/run`. */
  url: string;
  /** Query parameters in order (`workflow_id`, then `save_json` when set). */
  query: readonly (readonly [string, string])[];
  /** The browser's key; undefined when only the server holds it. */
  apiKey: string | undefined;
  /** Shown instead of the key when it is hidden or unknown. */
  keyPlaceholder: string;
  /** Show the key itself; otherwise it is masked. */
  revealKey: boolean;
  idempotencyKey: string;
  /** The JSON body (`webhook_payload`, `specs_override`). */
  body: unknown;
};

/** A key with all but its last four characters hidden. */
export function maskKey(key: string): string {
  const tail = key.length > 12 ? key.slice(-4) : '';
  return `****${tail}`;
}

/** The key as a snippet shows it. */
export function shownKey(request: RunRequestDescription): string {
  if (request.apiKey === undefined) return request.keyPlaceholder;
  return request.revealKey ? request.apiKey : maskKey(request.apiKey);
}

/** The URL with its query, percent-encoded as a browser would send it. */
export function fullUrl(request: RunRequestDescription): string {
  if (request.query.length === 0) return request.url;
  const search = request.query
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
  return `${request.url}?${search}`;
}

/** Headers in the order the snippets write them. */
export function requestHeaders(request: RunRequestDescription): [string, string][] {
  return [
    ['content-type', 'application/json'],
    ['x-api-key', shownKey(request)],
    ['Idempotency-Key', request.idempotencyKey],
  ];
}
