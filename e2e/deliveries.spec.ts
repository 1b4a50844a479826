import { expect, test } from './support/fixtures.ts';
import { RunConsole } from './pages/run-console.ts';
import { SANDBOX_API_KEY } from './pages/run-servers.ts';

const NAME = 'E2E deliveries';

test.describe("Deliveries to Inlet's own receiver", () => {
  test('an outgoing_webhook pointed at the receiver shows a verified delivery of its run', async ({
    page,
  }) => {
    const console_ = new RunConsole(page);
    await console_.open();
    await console_.designSpec({
      input_schema: { company_name: { type: 'string', required: true } },
      webhook_input: JSON.stringify([{ company_name: 'Acme' }, { company_name: 'Beta' }]),
      dataframe_type: 'COMPANY',
    });

    await test.step("Save with an outgoing_webhook block using Inlet's receiver", async () => {
      await console_.region.getByRole('button', { name: 'Save workflow' }).click();
      const dialog = page.getByRole('dialog', { name: /^Save workflow to / });
      await dialog.getByLabel('Workflow name').fill(NAME);
      await dialog.getByLabel(/^Block 1 /).selectOption('outgoing_webhook');
      await dialog.getByRole('button', { name: "Use Inlet's receiver for block 1" }).click();
      await dialog.getByRole('button', { name: 'Create workflow' }).click();
      await expect(dialog).toBeHidden();
      // Saved with the receiver on this server, named after the workflow.
      const listed = await page.request.get(`/workflows?q=${encodeURIComponent(NAME)}`, {
        headers: { 'x-api-key': SANDBOX_API_KEY },
      });
      const [saved] = (await listed.json()) as { id: string }[];
      const one = await page.request.get(`/workflows/${saved?.id ?? ''}`, {
        headers: { 'x-api-key': SANDBOX_API_KEY },
      });
      const origin = new URL(page.url()).origin;
      expect(JSON.stringify(await one.json())).toContain(
        `"url":"${origin}/inlet/receiver/E2E-deliveries"`,
      );
    });

    const runId = await test.step('Run it to completion', async () => {
      const started = page.waitForResponse(
        (response) => new URL(response.url()).pathname === '/workflows/run',
      );
      await console_.runTest();
      const answer = (await (await started).json()) as { job_id: string };
      await console_.expectStatus('completed');
      return answer.job_id;
    });

    await test.step('The delivery shows, verified, linked to its run', async () => {
      const deliveries = page.getByRole('region', { name: 'Deliveries' });
      await expect(
        deliveries.getByRole('status').filter({ hasText: 'Signature verified' }),
      ).toHaveCount(1);
      await expect(
        deliveries.getByRole('button', { name: `Open run ${runId.slice(0, 8)}` }),
      ).toBeVisible();
      await deliveries.getByRole('button', { name: /^Show delivery / }).click();
      const body = deliveries.getByLabel(/^Body of delivery /);
      await expect(body).toContainText(runId);
      await expect(body).toContainText('Acme');
      await expect(deliveries.getByText('sixtyfour-signature')).toBeVisible();
    });
  });
});
