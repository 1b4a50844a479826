/** The workflow endpoints the proxy forwards, by method and path (contract, "Endpoints"). */
const FORWARDED: readonly { method: string; path: RegExp }[] = [
  { method: 'GET', path: /^\/workflows$/ },
  { method: 'GET', path: /^\/workflows\/blocks$/ },
  { method: 'GET', path: /^\/workflows\/runs$/ },
  { method: 'GET', path: /^\/workflows\/runs\/[\w-]+\/live_status$/ },
  { method: 'GET', path: /^\/workflows\/runs\/[\w-]+\/results\/download-links$/ },
  { method: 'GET', path: /^\/workflows\/[\w-]+$/ },
  {
    method: 'POST',
    path: /^\/workflows\/(run|cancel|create_workflow|update_workflow|delete_workflow)$/,
  },
];

/** Whether `method path` (path below the upstream base, without query) is forwarded. */
export const isForwarded = (method: string, path: string): boolean =>
  FORWARDED.some((route) => route.method === method && route.path.test(path));
