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

/**
 * How the browser tests and benchmarks start Chromium: headless as root needs
 * --no-sandbox, and the background-networking flags stop calls to hosts this machine
 * cannot reach.
 */
export const chromiumLaunchOptions = () => ({
  executablePath: findChromium(),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
