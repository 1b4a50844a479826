import { fullUrl, requestHeaders, type RunRequestDescription } from './run-request.ts';

const indent = (text: string, spaces: number): string =>
  text.replace(/\n/g, `\n${' '.repeat(spaces)}`);

/** JavaScript `fetch` (browser or Node 18+) for the run request. */
export function fetchSnippet(request: RunRequestDescription): string {
  const headers = requestHeaders(request)
    .map(([name, value]) => `    ${JSON.stringify(name)}: ${JSON.stringify(value)},`)
    .join('\n');
  return [
    `const response = await fetch(${JSON.stringify(fullUrl(request))}, {`,
    `  method: 'POST',`,
    `  headers: {`,
    headers,
    `  },`,
    `  body: JSON.stringify(${indent(JSON.stringify(request.body, null, 2), 2)}),`,
    `});`,
    `console.log(response.status, await response.json());`,
  ].join('\n');
}
