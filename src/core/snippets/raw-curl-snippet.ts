import { shellQuote } from './curl-snippet.ts';
import { fullUrl, requestHeaders, type RunRequestDescription } from './run-request.ts';

/** A run request whose body is a text sent as it is (a recorded request, JSON or not). */
export type RawRunRequestDescription = Omit<RunRequestDescription, 'body'> & { bodyText: string };

/**
 * A curl command (POSIX shell) sending `bodyText` byte for byte, with the headers and the
 * masked key of the console's snippets: a recorded body is replayed as sent, not re-encoded.
 */
export function rawCurlSnippet(request: RawRunRequestDescription): string {
  const { bodyText, ...rest } = request;
  const described: RunRequestDescription = { ...rest, body: undefined };
  const lines = [
    `curl -sS -X POST ${shellQuote(fullUrl(described))}`,
    ...requestHeaders(described).map(([name, value]) => `  -H ${shellQuote(`${name}: ${value}`)}`),
    `  --data-binary ${shellQuote(bodyText)}`,
  ];
  return lines.join(' \\\n');
}
