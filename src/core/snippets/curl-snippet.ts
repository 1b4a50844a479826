import { fullUrl, requestHeaders, type RunRequestDescription } from './run-request.ts';

/** POSIX shell single quoting: safe for any text, quotes included. */
export const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/** A curl command (POSIX shell) for the run request. */
export function curlSnippet(request: RunRequestDescription): string {
  const lines = [
    `curl -sS -X POST ${shellQuote(fullUrl(request))}`,
    ...requestHeaders(request).map(([name, value]) => `  -H ${shellQuote(`${name}: ${value}`)}`),
    `  --data-binary ${shellQuote(JSON.stringify(request.body, null, 2))}`,
  ];
  return lines.join(' \\\n');
}
