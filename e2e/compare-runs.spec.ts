import { expect, test } from './support/fixtures.ts';
import { RunConsole } from './pages/run-console.ts';
import { createWebhookWorkflow, SANDBOX_HEADERS } from './support/sandbox-api.ts';

const NAME = 'E2E compare runs';
const headers = SANDBOX_HEADERS;

test.describe('Compare two runs of a workflow', () => {
  test('rows matched by company_name, the changed cell marked, noisy fields ignored', async ({
    page,
  }) => {
    const workflowId = await test.step('A workflow and two runs, through the API', async () => {
      const id = await createWebhookWorkflow(page.request, NAME, {
        input_schema: { company_name: 'string', website: 'string' },
        dataframe_type: 'COMPANY',
      });
      const payloads = [
        [
          { company_name: 'Acme', website: 'acme.com' },
          { company_name: 'Beta', website: 'beta.io' },
          { company_name: 'Gone', website: 'gone.example' },
        ],
        [
          { company_name: 'Beta', website: 'beta.io' },
          { company_name: 'Acme', website: 'acme.io' },
          { company_name: 'New', website: 'new.example' },
        ],
      ];
      for (const webhook_payload of payloads) {
        const started = await page.request.post(`/workflows/run?workflow_id=${id}`, {
          headers,
          data: { webhook_payload },
        });
        expect(started.ok()).toBe(true);
        const { job_id } = (await started.json()) as { job_id: string };
        await expect
          .poll(async () => {
            const live = await page.request.get(`/workflows/runs/${job_id}/live_status`, {
              headers,
            });
            return ((await live.json()) as { overall_status: string }).overall_status;
          })
          .toBe('completed');
      }
      return id;
    });

    expect(workflowId).not.toBe('');

    const console_ = new RunConsole(page);
    await console_.open();
    await console_.openWorkflow(NAME);
    const history = page.getByRole('region', { name: 'Run history' });
    await expect(history.getByRole('button', { name: /^Open run started / })).toHaveCount(2);
    await history.getByRole('button', { name: 'Compare runs' }).click();

    const comparison = page.getByRole('region', { name: 'Run comparison' });

    await test.step('Matched by company_name: one changed, one same, one added, one removed', async () => {
      await expect(comparison.getByRole('combobox', { name: 'Match rows by' })).toHaveValue(
        'company_name',
      );
      await expect(comparison.getByRole('status')).toContainText(
        '1 changed, 1 the same, 1 added, 1 removed',
      );
      const acme = comparison.getByRole('row', { name: /Acme/ });
      await expect(
        acme.getByRole('cell', { name: 'changed from acme.com to acme.io' }),
      ).toBeVisible();
      await expect(comparison.locator('[data-changed]')).toHaveCount(1);
      await expect(comparison.getByRole('row', { name: /added New/ })).toBeVisible();
      await expect(comparison.getByRole('row', { name: /removed Gone/ })).toBeVisible();
    });

    await test.step('Ignoring website leaves no changed cell', async () => {
      await comparison.getByRole('checkbox', { name: 'website' }).check();
      await expect(comparison.getByRole('status')).toContainText(
        '0 changed, 2 the same, 1 added, 1 removed',
      );
      await expect(comparison.locator('[data-changed]')).toHaveCount(0);
    });
  });
});
