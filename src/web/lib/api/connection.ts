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

/**
 * Why a typed key cannot be sent, or undefined. An API key is printable ASCII; a pasted
 * one can carry a space, a "…" or an invisible character, which fetch refuses to put in a
 * header (it throws as if the server were down) or which the API would refuse.
 */
export function typedKeyProblem(key: string): string | undefined {
  const found = /[^\x21-\x7e]/u.exec(key);
  if (found === null) return undefined;
  const [char] = found;
  // Counted in characters as people see them, not in UTF-16 units.
  const index = Array.from(key.slice(0, found.index)).length;
  const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  const shown =
    char === ' '
      ? 'a space'
      : /^[\p{L}\p{P}\p{S}\p{N}]$/u.test(char)
        ? `“${char}” (${code})`
        : `an invisible character (${code})`;
  return `The Sixtyfour API key holds ${shown} at character ${index + 1}, which no API key has: paste the key again without it.`;
}
