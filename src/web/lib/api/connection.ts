/** Where the console sends its requests. */
export const TARGETS = ['sandbox', 'sixtyfour'] as const;
export type Target = (typeof TARGETS)[number];

export const TARGET_LABELS: Readonly<Record<Target, string>> = {
  sandbox: 'Local sandbox',
  sixtyfour: 'Sixtyfour',
};

/** Path prefix of each target, on this server: the sandbox itself, or the proxy. */
export const TARGET_BASE_PATHS: Readonly<Record<Target, string>> = {
  sandbox: '',
  sixtyfour: '/inlet/sixtyfour',
};

/**
 * What a request needs. `apiKey` is undefined when the server adds the key itself (the
 * proxy with SIXTYFOUR_API_KEY set): then the browser never holds it.
 */
export type Connection = {
  target: Target;
  basePath: string;
  apiKey: string | undefined;
  /** False until a key (or the server's) is available for this target. */
  ready: boolean;
};

/**
 * The connection for Inlet's own routes (the inbox, the receiver's deliveries): on this
 * server whatever the console's target, never through the proxy, and with the UI's session
 * cookie only: a Sixtyfour key typed for the live target is never sent to them (it is not
 * this server's key, which would answer 401).
 */
export const onThisServer = (connection: Connection): Connection => ({
  ...connection,
  basePath: TARGET_BASE_PATHS.sandbox,
  apiKey: undefined,
});
