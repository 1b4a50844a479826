import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Sources the built UI depends on. */
const WEB_INPUTS = [
  'index.html',
  'vite.config.ts',
  'package-lock.json',
  'public',
  'src/web',
  'src/core',
];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) {
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** Whether dist/ is missing or older than any UI source. */
export function webBuildIsStale(root = process.cwd()): boolean {
  const built = path.join(root, 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return WEB_INPUTS.some((input) => newestMtime(path.join(root, input)) > builtAt);
}

/** Builds the UI with Vite when it is stale. */
export async function buildWebIfStale(): Promise<void> {
  if (!webBuildIsStale()) return;
  console.log('Building the UI (first start or sources changed)…');
  const { build } = await import('vite');
  await build({ logLevel: 'warn' });
}
