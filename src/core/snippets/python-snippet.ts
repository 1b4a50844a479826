import { requestHeaders, type RunRequestDescription } from './run-request.ts';

/**
 * A JSON value as a Python literal. JSON string escapes are valid Python escapes (and
 * JSON.stringify never writes `\/`), so strings and keys go through JSON.stringify.
 */
export function toPythonLiteral(value: unknown, depth = 0): string {
  const pad = '    '.repeat(depth + 1);
  const end = '    '.repeat(depth);
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'None';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item) => `${pad}${toPythonLiteral(item, depth + 1)},`);
    return `[\n${items.join('\n')}\n${end}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const items = entries.map(
      ([key, item]) => `${pad}${JSON.stringify(key)}: ${toPythonLiteral(item, depth + 1)},`,
    );
    return `{\n${items.join('\n')}\n${end}}`;
  }
  return 'None';
}

/** Python `requests` for the run request. */
export function pythonSnippet(request: RunRequestDescription): string {
  const params = request.query
    .map(([name, value]) => `    ${JSON.stringify(name)}: ${JSON.stringify(value)},`)
    .join('\n');
  const headers = requestHeaders(request)
    .filter(([name]) => name !== 'content-type')
    .map(([name, value]) => `    ${JSON.stringify(name)}: ${JSON.stringify(value)},`)
    .join('\n');
  return [
    'import requests',
    '',
    `response = requests.post(`,
    `    ${JSON.stringify(request.url)},`,
    `    params={`,
    params.replace(/^ {4}/gm, '        '),
    `    },`,
    `    headers={`,
    headers.replace(/^ {4}/gm, '        '),
    `    },`,
    `    json=${toPythonLiteral(request.body, 1)},`,
    `    timeout=30,`,
    `)`,
    'print(response.status_code, response.json())',
  ].join('\n');
}
