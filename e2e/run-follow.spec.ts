import { RunConsole } from './pages/run-console.ts';
import { SANDBOX_API_KEY } from './pages/run-servers.ts';
import { companies, companySpec } from './support/company-rows.ts';
import { expect, test } from './support/fixtures.ts';

test('a run started with curl appears in the open history without a reload', async ({
  page,
  request,
}) => {
  const console_ = new RunConsole(page);
  await console_.open();
  await console_.designSpec(companySpec(companies(2)));
  await console_.saveWorkflow('E2E outside run');
  await expect(console_.history.getByText('No runs of this workflow yet.')).toBeVisible();

  await test.step('Start a run from outside the app, with the sandbox key', async () => {
    const headers = { 'x-api-key': SANDBOX_API_KEY };
    const listed = await request.get('/workflows', { headers });
    const workflows = (await listed.json()) as { id: string; name: string }[];
    const id = workflows.find((workflow) => workflow.name === 'E2E outside run')?.id ?? '';
    const started = await request.post(`/workflows/run?workflow_id=${encodeURIComponent(id)}`, {
      headers,
      data: { webhook_payload: companies(2) },
    });
    expect(started.ok()).toBe(true);
  });

  await test.step('It shows in the history within 10 s, and ends completed there', async () => {
    await expect(console_.historyRows()).toHaveCount(1, { timeout: 10_000 });
    await expect(console_.historyRows().first()).toContainText('completed');
  });
});

test('a reload mid-run keeps following the run to completed', async ({ page }) => {
  const console_ = new RunConsole(page);
  await console_.open();
  await console_.designSpec(companySpec(companies(150)));
  await console_.saveWorkflow('E2E reload mid-run');

  await test.step('Start a run of a few seconds', async () => {
    await console_.runTest();
    await console_.expectStatus('running');
    await expect(console_.historyRows().first()).toContainText('running');
  });

  await test.step('Reload: the run is still followed, to completed', async () => {
    await page.reload();
    await expect(console_.status).toBeVisible();
    await console_.expectStatus('completed');
    await expect(console_.results.getByRole('table')).toBeVisible();
  });

  await test.step('The history agrees with the panel', async () => {
    await expect(console_.historyRows()).toHaveCount(1);
    await expect(console_.historyRows().first()).toHaveAttribute('aria-current', 'true');
    await expect(console_.historyRows().first()).toContainText('completed');
  });
});
