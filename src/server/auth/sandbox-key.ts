import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const SANDBOX_KEY_FILE = 'sandbox-api-key';

export type SandboxKey = {
  key: string;
  /** Where it came from, for the start-up log (which never prints the key whole). */
  source: 'env' | 'file' | 'generated';
  file: string | undefined;
};

/**
 * The sandbox's API key: INLET_API_KEY, else the key kept in the data directory, else a new
 * one written there with mode 0600 (owner read/write only).
 */
export function resolveSandboxKey(dataDir: string, fromEnv: string | undefined): SandboxKey {
  if (fromEnv !== undefined) return { key: fromEnv, source: 'env', file: undefined };
  const file = path.join(dataDir, SANDBOX_KEY_FILE);
  if (existsSync(file)) {
    const key = readFileSync(file, 'utf8').trim();
    if (key.length >= 16) return { key, source: 'file', file };
  }
  const key = `sk_inlet_${randomBytes(24).toString('base64url')}`;
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${key}\n`, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
  return { key, source: 'generated', file };
}

/** A key's first four characters and an ellipsis: enough to recognise it in a log. */
export const maskKey = (key: string): string => `${key.slice(0, 4)}…`;

/**
 * Checks presented keys against the sandbox key in constant time: the sandbox key's digest is
 * computed once, a presented key's once. A match returns that digest in hex: a stable,
 * non-reversible name for the key (rate limits, idempotency records); a mismatch, null.
 */
export function createKeyCheck(expected: string): (presented: string) => string | null {
  const expectedDigest = createHash('sha256').update(expected).digest();
  return (presented) => {
    const digest = createHash('sha256').update(presented).digest();
    return timingSafeEqual(digest, expectedDigest) ? digest.toString('hex') : null;
  };
}
