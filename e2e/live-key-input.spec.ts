import { expect, test } from './support/fixtures.ts';
import { RunConsole } from './pages/run-console.ts';
import { KEYLESS_BASE, UPSTREAM_API_KEY } from './pages/run-servers.ts';
import { SixtyfourKey } from './pages/sixtyfour-key.ts';

test.describe('A Sixtyfour key typed in the app', () => {
  test('a pasted key with a character no key has says so, not "server down"', async ({ page }) => {
    const console_ = new RunConsole(page);
    const key = new SixtyfourKey(page);
    const save = console_.region.getByRole('button', { name: 'Save workflow' });

    await test.step('Paste the key with a trailing "…" (as copied from a truncated view)', async () => {
      await console_.open(`${KEYLESS_BASE}/`);
      await console_.chooseTarget('Sixtyfour');
      await key.type(`${UPSTREAM_API_KEY}…`);
      await expect(
        console_.region.getByText(
          `The Sixtyfour API key holds “…” (U+2026) at character ${UPSTREAM_API_KEY.length + 1}, which no API key has: paste the key again without it.`,
        ),
      ).toBeVisible();
      await expect(save).toBeDisabled();
      await expect(console_.region.getByText(/Could not reach the Inlet server/)).toHaveCount(0);
    });

    await test.step('Spaces around a key are ignored; the clean key works', async () => {
      await key.type(`  ${UPSTREAM_API_KEY}  `);
      await expect(save).toBeEnabled();
      await console_.region.getByRole('button', { name: 'Open workflow', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: /^Open a workflow from / });
      await expect(dialog.getByRole('searchbox', { name: 'Search workflows' })).toBeVisible();
      await expect(dialog.getByText('Loading workflows…')).toHaveCount(0);
      await expect(dialog.getByRole('alert')).toHaveCount(0);
    });
  });
});
