import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The sandbox's API key as a script outside the app would get it: from the key file the
 * server writes in its data directory (`sandbox-api-key`, mode 0600). The directory is the
 * one playwright.config.ts made for this run.
 */
export async function readSandboxKey(): Promise<string> {
  const dataDir = process.env.E2E_DATA_DIR;
  if (dataDir === undefined)
    throw new Error('E2E_DATA_DIR is not set: run through playwright.config.ts.');
  return (await readFile(path.join(dataDir, 'sandbox-api-key'), 'utf8')).trim();
}
