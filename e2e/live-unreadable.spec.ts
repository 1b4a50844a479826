import { expect, test } from './support/fixtures.ts';
import { RunConsole } from './pages/run-console.ts';
import { KEYLESS_BASE, UPSTREAM_API_KEY } from './pages/run-servers.ts';
import { SixtyfourKey } from './pages/sixtyfour-key.ts';

const WRONG_KEY = 'e2e-wrong-key-1111111111111111';

/**
 * A draft remembers its live workflow and followed run; after a reload the key is typed again,
 * and a wrong one makes both unreadable. The console must say so, not that nothing is saved.
 */
test.describe('Live workflow and run that cannot be read with the key typed', () => {
  test('the console names the unreadable workflow and comes back with the right key', async ({
    page,
  }) => {
    const console_ = new RunConsole(page);
    const key = new SixtyfourKey(page);
    const name = 'E2E unreadable workflow';

    await test.step('Save a workflow on Sixtyfour with the right key', async () => {
      await console_.open(`${KEYLESS_BASE}/`);
      await console_.chooseTarget('Sixtyfour');
      await key.type(UPSTREAM_API_KEY);
      await console_.designSpec({
        input_schema: { email: { type: 'string', required: true } },
        webhook_input: JSON.stringify([{ email: 'ada@example.com' }]),
        dataframe_type: 'LEAD',
      });
      await console_.saveWorkflow(name);
    });

    await test.step('Reload and type a wrong key: the workflow is named, not "none saved"', async () => {
      await page.reload();
      await console_.chooseTarget('Sixtyfour');
      await key.type(WRONG_KEY);
      const alert = console_.region.getByRole('alert').filter({ hasText: 'Could not load' });
      await expect(alert).toContainText('Could not load the workflow open here');
      await expect(alert).toContainText('(401)');
      await expect(console_.region.getByText('None saved to Sixtyfour yet')).toHaveCount(0);
      await expect(
        console_.region.getByText('Runs start from a workflow saved on the target.'),
      ).toHaveCount(0);
      // Saving now would create a second workflow instead of updating this one.
      await expect(console_.region.getByRole('button', { name: 'Save workflow' })).toBeDisabled();
    });

    await test.step('The right key loads it again, without a reload', async () => {
      await key.type(UPSTREAM_API_KEY);
      await expect(console_.region.getByText(name, { exact: true })).toBeVisible();
      await expect(console_.region.getByText('Could not load the workflow open here')).toHaveCount(
        0,
      );
      await expect(console_.region.getByRole('button', { name: 'Save workflow' })).toBeEnabled();
    });
  });

  test('a followed run whose status cannot be read is not shown as queued', async ({ page }) => {
    const console_ = new RunConsole(page);
    const key = new SixtyfourKey(page);

    await test.step('Run a workflow on Sixtyfour to completion', async () => {
      await console_.open(`${KEYLESS_BASE}/`);
      await console_.chooseTarget('Sixtyfour');
      await key.type(UPSTREAM_API_KEY);
      await console_.designSpec({
        input_schema: { email: { type: 'string', required: true } },
        webhook_input: JSON.stringify([{ email: 'grace@example.com' }]),
        dataframe_type: 'LEAD',
      });
      await console_.saveWorkflow('E2E unreadable run');
      await console_.runTest();
      await console_.expectStatus('completed');
    });

    await test.step('Reload and type a wrong key: the status is unknown, not queued', async () => {
      await page.reload();
      await console_.chooseTarget('Sixtyfour');
      await key.type(WRONG_KEY);
      await expect(
        console_.region.getByRole('alert').filter({ hasText: "Could not read the run's status" }),
      ).toContainText('(401)');
      await expect(console_.status).toHaveText('Status unknown');
      await expect(console_.cancelButton).toHaveCount(0);
    });
  });
});
