import { test as base, expect } from '@playwright/test';

/**
 * Chromium logs every HTTP error answer as a console error. A 4xx that the app asked for and
 * shows to the user (a 401 for a wrong key, a 400 the preflight let through on "Send
 * anyway", a 404 for a forgotten workflow) is the app working; a 5xx is not.
 */
const CLIENT_ERROR_ANSWER =
  /^Failed to load resource: the server responded with a status of 4\d\d\b/;

/**
 * `test` that fails on any console error (CSP violations included) or uncaught page error:
 * a page that logs an error while it "works" is broken for someone. Import `test` and
 * `expect` from here.
 */
export const test = base.extend<{ consoleProblems: string[] }>({
  consoleProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && !CLIENT_ERROR_ANSWER.test(message.text())) {
          problems.push(`console.error: ${message.text()}`);
        }
      });
      page.on('pageerror', (error) => {
        problems.push(`page error: ${error.message}`);
      });
      await use(problems);
      expect(problems, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
