import type { Connection } from '@web/lib/api/connection.ts';

/**
 * The inbox is the sandbox's own record, whatever target the console sends to: its calls go
 * to this server with the UI's session cookie (set with the page), never with a key.
 */
export const SANDBOX_CONNECTION: Connection = {
  target: 'sandbox',
  basePath: '',
  apiKey: undefined,
  ready: true,
};
