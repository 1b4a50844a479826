import { RunConsole } from './pages/run-console.ts';
import { SANDBOX_API_KEY } from './pages/run-servers.ts';
import { expect, test } from './support/fixtures.ts';

test.describe('The page and its access', () => {
  test('loads without a CSP violation, and holds a session but never the key', async ({
    page,
    context,
  }) => {
    await test.step('Record every securitypolicyviolation from the first script on', async () => {
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const seen = document.documentElement.dataset.cspViolations ?? '';
          document.documentElement.dataset.cspViolations = `${seen}${event.violatedDirective} ${event.blockedURI}\n`;
        });
      });
    });

    const console_ = new RunConsole(page);

    await test.step('Open the app and its test-run console', async () => {
      await console_.open();
      await expect(console_.runButton).toBeVisible();
    });

    await test.step('No directive of the CSP was violated', async () => {
      const violations = await page.evaluate(
        () => document.documentElement.dataset.cspViolations ?? '',
      );
      expect(violations).toBe('');
    });

    await test.step('The session cookie is HttpOnly and SameSite=Strict; no key in the page', async () => {
      const cookies = await context.cookies();
      const session = cookies.find((cookie) => cookie.name.startsWith('inlet_ui_'));
      expect(session?.httpOnly).toBe(true);
      expect(session?.sameSite).toBe('Strict');
      expect(await page.evaluate(() => document.cookie)).not.toContain('inlet_ui_');
      expect(await page.content()).not.toContain(SANDBOX_API_KEY);
      const answer = await page.evaluate(async () => (await fetch('/inlet/session')).text());
      expect(answer).not.toContain(SANDBOX_API_KEY);
    });
  });
});
