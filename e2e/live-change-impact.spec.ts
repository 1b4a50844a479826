import { z } from 'zod';
import { expect, test } from './support/fixtures.ts';
import { InboxPage } from './pages/inbox-page.ts';
import { DesignerPage } from './pages/designer-page.ts';
import { RunConsole } from './pages/run-console.ts';
import { UPSTREAM_API_KEY, UPSTREAM_BASE } from './pages/run-servers.ts';
import { SANDBOX_HEADERS, webhookWorkflow } from './support/sandbox-api.ts';

const NAME = 'E2E live change impact';
const createdSchema = z.object({ id: z.string() });
const entriesSchema = z.object({
  entries: z.array(z.object({ id: z.number(), target: z.string() })),
});

test.describe('Change impact when saving to Sixtyfour', () => {
  test('making a column required lists the recorded live request that lacks it', async ({
    page,
  }) => {
    const console_ = new RunConsole(page);
    const designer = new DesignerPage(page);
    // The page sets the UI's cookie, which the requests below carry as the UI's own calls do.
    await console_.open();

    const { id, lacking, sandboxId } =
      await test.step('A workflow on Sixtyfour and its traffic', async () => {
        const created = await page.request.post(`${UPSTREAM_BASE}/workflows/create_workflow`, {
          headers: { 'x-api-key': UPSTREAM_API_KEY },
          data: webhookWorkflow(NAME, {
            input_schema: {
              company_name: { type: 'string', required: true },
              website: { type: 'string', required: false },
            },
            dataframe_type: 'COMPANY',
          }),
        });
        expect(created.ok(), await created.text()).toBe(true);
        const { id } = createdSchema.parse(await created.json());
        // Test runs to the live target, as the console fires them: through Inlet's proxy.
        for (const webhook_payload of [
          [{ company_name: 'Acme', website: 'acme.com' }],
          [{ company_name: 'Beta' }],
        ]) {
          const sent = await page.request.post(`/inlet/sixtyfour/workflows/run?workflow_id=${id}`, {
            data: { webhook_payload },
          });
          expect(sent.ok(), await sent.text()).toBe(true);
        }
        // A request to the sandbox with the same workflow id is not the live target's evidence.
        const local = await page.request.post(`/workflows/run?workflow_id=${id}`, {
          headers: SANDBOX_HEADERS,
          data: { webhook_payload: [{ company_name: 'Local only' }] },
        });
        expect(local.status()).toBe(404);
        const live = await page.request.get(`/inlet/inbox?target=live&workflow_id=${id}`, {
          headers: SANDBOX_HEADERS,
        });
        const { entries } = entriesSchema.parse(await live.json());
        expect(entries.map((entry) => entry.target)).toEqual(['live', 'live']);
        const sandbox = await page.request.get(`/inlet/inbox?workflow_id=${id}`, {
          headers: SANDBOX_HEADERS,
        });
        const local_ = entriesSchema.parse(await sandbox.json());
        // Newest first: Beta, the second request, lacks a website.
        return { id, lacking: entries[0]?.id ?? 0, sandboxId: local_.entries[0]?.id ?? 0 };
      });

    await console_.chooseTarget('Sixtyfour');
    await console_.openWorkflow(NAME);

    await test.step('Make website required and save: the dialog shows the impact', async () => {
      await designer.row(1).getByRole('checkbox', { name: 'Required' }).check();
      await console_.region.getByRole('button', { name: 'Save workflow' }).click();
      const dialog = page.getByRole('dialog', { name: 'Save workflow to Sixtyfour' });
      await expect(
        dialog
          .getByRole('region', { name: 'Changes to the webhook block on Sixtyfour' })
          .getByRole('listitem'),
      ).toHaveText(['website.required: false → true']);
      const impact = dialog.getByRole('region', { name: 'Change impact' });
      await expect(impact.getByRole('status')).toContainText('1 would now be refused');
      const requests = impact.getByRole('listitem').filter({ hasText: /^Request \d+ / });
      await expect(requests).toHaveCount(1);
      await expect(requests).toContainText(`Request ${String(lacking)} (answered 200)`);
      await expect(requests).toContainText('accepted → refused');
      await expect(impact.getByText(`Request ${String(sandboxId)} `)).toHaveCount(0);
      await impact.getByRole('button', { name: `Show request ${String(lacking)}` }).click();
      await expect(impact.getByLabel(`Body of request ${String(lacking)}`)).toContainText('Beta');
    });

    await test.step('The Inbox lists the live requests under its Sixtyfour target', async () => {
      await page.keyboard.press('Escape');
      const inbox = new InboxPage(page);
      const opens = inbox.table.getByRole('button', { name: /^Open request/ });
      await inbox.workflowFilter.fill(id);
      // The sandbox's own: the one request it refused for this id.
      await expect(opens).toHaveCount(1);
      await inbox.targetFilter.selectOption({ label: 'Sixtyfour, through Inlet' });
      await expect(opens).toHaveCount(2);
      await expect(
        inbox.table.getByRole('button', { name: `Open request ${String(lacking)}` }),
      ).toBeVisible();
    });
  });
});
