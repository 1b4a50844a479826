import { test as base, expect } from '@playwright/test';

/**
 * `test` that fails on any console error or uncaught page error: a designer that logs an
 * error while it "works" is broken for someone. Import `test` and `expect` from here.
 */
export const test = base.extend<{ consoleProblems: string[] }>({
  consoleProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
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
