import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findChromium } from './find-chromium.ts';

// Runs before the browser tests: finds a Chromium, or installs Debian's where it can.
const playwrightOwn = (() => {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
})();

const found = findChromium() ?? playwrightOwn;
if (found) {
  console.log(`Browser tests use Chromium at ${found}`);
} else {
  const isDebian = existsSync('/etc/debian_version');
  const isRoot = process.getuid?.() === 0;
  if (isDebian && isRoot) {
    console.log("No Chromium found: installing Debian's chromium package (apt-get)…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    if (!findChromium()) {
      console.error('apt-get finished but /usr/bin/chromium is still missing.');
      process.exit(1);
    }
  } else {
    const distro = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
    const hint = isDebian
      ? 'Run as root: apt-get update && apt-get install -y chromium'
      : /ubuntu/i.test(distro)
        ? 'Install Chromium (sudo apt-get install -y chromium-browser) or run: npx playwright install chromium'
        : 'Install Chromium or Google Chrome, or run: npx playwright install chromium';
    console.error(
      `The browser tests need Chromium and none was found.\n${hint}\nOr point CHROMIUM_PATH at a Chromium or Chrome binary.`,
    );
    process.exit(1);
  }
}
