import { expect, test } from './support/fixtures.ts';
import { RunConsole } from './pages/run-console.ts';
import {
  KEYLESS_BASE,
  KEYLESS_PORT,
  UPSTREAM_API_KEY,
  UPSTREAM_BASE,
} from './pages/run-servers.ts';
import { SixtyfourKey } from './pages/sixtyfour-key.ts';

const WRONG_KEY = 'e2e-wrong-key-0000000000000000';
const WORKFLOW_NAME = 'E2E with a typed key';

test.describe('Test run console against Sixtyfour with a key typed in the app', () => {
  test('a typed key runs on the upstream and stays out of URLs and storage', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: KEYLESS_BASE,
    });
    const requested: string[] = [];
    page.on('request', (request) => {
      requested.push(request.url());
    });
    const console_ = new RunConsole(page);
    const key = new SixtyfourKey(page);
    const upstreamHost = new URL(UPSTREAM_BASE).host;

    await test.step('Switch a keyless server to Sixtyfour: the app asks for a key', async () => {
      await console_.open(`${KEYLESS_BASE}/`);
      expect(new URL(page.url()).port).toBe(String(KEYLESS_PORT));
      await console_.chooseTarget('Sixtyfour');
      await expect(page.getByText(`Live API · ${upstreamHost}`, { exact: true })).toBeVisible();
      await expect(key.field).toBeVisible();
      await expect(key.field).toHaveValue('');
      await expect(
        console_.region.getByText('Enter your Sixtyfour API key to use the live API.'),
      ).toBeVisible();
      await expect(console_.region.getByRole('button', { name: 'Save workflow' })).toBeDisabled();
    });

    await test.step('A wrong key gets a clear 401 from the upstream', async () => {
      await key.type(WRONG_KEY);
      await console_.region.getByRole('button', { name: 'Open workflow', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: /^Open a workflow from / });
      const alert = dialog.getByRole('alert');
      await expect(alert).toContainText('Could not list workflows (401)');
      await expect(alert).toContainText('Invalid API key');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect(dialog).toBeHidden();
    });

    await test.step('With the right key, save a workflow and run it to completion', async () => {
      await key.type(UPSTREAM_API_KEY);
      await console_.designSpec({
        input_schema: { email: { type: 'string', required: true }, full_name: 'string' },
        webhook_input: JSON.stringify([{ email: 'grace@example.com', full_name: 'Grace Hopper' }]),
        dataframe_type: 'LEAD',
      });
      await console_.saveWorkflow(WORKFLOW_NAME);
      await console_.runTest();
      await console_.expectStatus('completed');
      const rows = await console_.resultRows();
      expect(rows.map((row) => row.email)).toEqual(['grace@example.com']);
    });

    await test.step('The run went through the proxy to the upstream', async () => {
      expect(
        requested.some((url) => url.startsWith(`${KEYLESS_BASE}/inlet/sixtyfour/workflows/run?`)),
      ).toBe(true);
      const response = await page.request.get(`${UPSTREAM_BASE}/workflows/runs?limit=5`, {
        headers: { 'x-api-key': UPSTREAM_API_KEY },
      });
      const runs = (await response.json()) as { workflow_name: string; status: string }[];
      expect(runs).toContainEqual(
        expect.objectContaining({ workflow_name: WORKFLOW_NAME, status: 'completed' }),
      );
    });

    await test.step('Copy as curl masks the key; "Copy with key" puts it in', async () => {
      const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
      await console_.region.getByRole('button', { name: 'Copy as curl' }).click();
      const masked = await clipboard();
      expect(masked).not.toContain(UPSTREAM_API_KEY);
      await expect(console_.region.getByText(/The copied x-api-key is masked/)).toBeVisible();
      await console_.region.getByRole('button', { name: 'Copy with key' }).click();
      const withKey = await clipboard();
      expect(withKey).toMatch(/^curl /);
      expect(withKey).toContain(`x-api-key: ${UPSTREAM_API_KEY}`);
    });

    await test.step('The key is in no URL the page asked for, nor in storage', async () => {
      expect(requested.filter((url) => url.includes(UPSTREAM_API_KEY))).toEqual([]);
      expect(requested.filter((url) => url.includes(WRONG_KEY))).toEqual([]);
      expect(await key.storage('local')).not.toContain(UPSTREAM_API_KEY);
      expect(await key.storage('session')).not.toContain(UPSTREAM_API_KEY);
    });

    await test.step('Without the opt-in, a reload forgets the key', async () => {
      await page.reload();
      await console_.chooseTarget('Sixtyfour');
      await expect(key.field).toHaveValue('');
      await expect(key.remember).not.toBeChecked();
      await expect(
        console_.region.getByText('Enter your Sixtyfour API key to use the live API.'),
      ).toBeVisible();
    });

    await test.step('With the opt-in, the key is in sessionStorage only', async () => {
      await key.type(UPSTREAM_API_KEY);
      await key.remember.check();
      expect(await key.storage('session')).toContain(UPSTREAM_API_KEY);
      expect(await key.storage('local')).not.toContain(UPSTREAM_API_KEY);
    });

    await test.step('…and survives a reload, ready to use', async () => {
      await page.reload();
      await console_.chooseTarget('Sixtyfour');
      await expect(key.field).toHaveValue(UPSTREAM_API_KEY);
      await expect(key.remember).toBeChecked();
      await console_.openWorkflow(WORKFLOW_NAME);
      expect(await key.storage('local')).not.toContain(UPSTREAM_API_KEY);
      expect(requested.filter((url) => url.includes(UPSTREAM_API_KEY))).toEqual([]);
    });
  });
});
