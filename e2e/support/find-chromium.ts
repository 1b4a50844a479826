import { existsSync } from 'node:fs';

/** Where a Chromium may be: the env override, Debian's package, then Playwright's own. */
export function findChromium(): string | undefined {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((candidate): candidate is string => !!candidate && existsSync(candidate));
}
