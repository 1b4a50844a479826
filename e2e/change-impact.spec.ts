import { expect, test } from './support/fixtures.ts';
import { DesignerPage } from './pages/designer-page.ts';
import { RunConsole } from './pages/run-console.ts';
import { createWebhookWorkflow, SANDBOX_HEADERS } from './support/sandbox-api.ts';

const NAME = 'E2E change impact';
const headers = SANDBOX_HEADERS;

test.describe('Change impact against recorded traffic', () => {
  test('making a column required lists exactly the recorded requests that lack it', async ({
    page,
  }) => {
    const lacking = await test.step('A workflow and three requests, one with website', async () => {
      const id = await createWebhookWorkflow(page.request, NAME, {
        input_schema: {
          company_name: { type: 'string', required: true },
          website: { type: 'string', required: false },
        },
        dataframe_type: 'COMPANY',
      });
      const payloads = [
        [{ company_name: 'Acme', website: 'acme.com' }],
        [{ company_name: 'Beta' }],
        [{ company_name: 'Gamma', website: 'g.io' }, { company_name: 'Delta' }],
      ];
      for (const webhook_payload of payloads) {
        const sent = await page.request.post(`/workflows/run?workflow_id=${id}`, {
          headers,
          data: { webhook_payload },
        });
        expect(sent.ok()).toBe(true);
      }
      const inbox = await page.request.get(`/inlet/inbox?workflow_id=${id}`, { headers });
      const { entries } = (await inbox.json()) as { entries: { id: number }[] };
      expect(entries).toHaveLength(3);
      // Newest first: the second and third requests lack a website somewhere.
      return [entries[0]?.id, entries[1]?.id].sort();
    });

    const console_ = new RunConsole(page);
    const designer = new DesignerPage(page);
    await console_.open();
    await console_.openWorkflow(NAME);
    const impact = page.getByRole('region', { name: 'Change impact' });
    await expect(impact).toHaveCount(0);

    await test.step('Make website required in the form', async () => {
      await designer.row(1).getByRole('checkbox', { name: 'Required' }).check();
      await expect(impact.getByRole('status')).toContainText(
        '3 judged: 2 would now be refused, 0 now accepted',
      );
      await expect(impact.getByRole('listitem')).toHaveCount(2);
      for (const id of lacking) {
        await expect(
          impact.getByRole('listitem').filter({ hasText: `Request ${String(id)} ` }),
        ).toContainText('accepted → refused');
      }
    });

    await test.step('Each listed request opens', async () => {
      await impact.getByRole('button', { name: `Show request ${String(lacking[0])}` }).click();
      await expect(impact.getByLabel(`Body of request ${String(lacking[0])}`)).toContainText(
        'webhook_payload',
      );
    });

    await test.step('Saving shows the field-level change against what is stored', async () => {
      await console_.region.getByRole('button', { name: 'Save workflow' }).click();
      const dialog = page.getByRole('dialog', { name: /^Save workflow to / });
      const diff = dialog.getByRole('region', {
        name: 'Changes to the webhook block on Local sandbox',
      });
      await expect(diff.getByRole('listitem')).toHaveText(['website.required: false → true']);
    });
  });
});
