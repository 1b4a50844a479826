import { expect, test } from './support/fixtures.ts';
import { RunConsole } from './pages/run-console.ts';

/** The webhook spec as Sixtyfour's own examples write it: no dataframe_type, no input_schema. */
const SIXTYFOUR_EXAMPLE_SPEC = { webhook_input: JSON.stringify([{ full_name: 'Ada Lovelace' }]) };

test.describe('Saving a workflow from the whole block catalogue', () => {
  test('a {} webhook spec: the designer warns, every block is offered, the fix narrows them', async ({
    page,
  }) => {
    const console_ = new RunConsole(page);
    const fix = page.getByRole('button', { name: 'Set dataframe_type to LEAD' });

    await test.step('Design the spec the way Sixtyfour builds it', async () => {
      await console_.open();
      await console_.designSpec(SIXTYFOUR_EXAMPLE_SPEC);
      await expect(
        page.getByText(/Sixtyfour's docs call\s+dataframe_type\s+required/),
      ).toBeVisible();
      await expect(fix).toBeVisible();
    });

    await test.step('Save workflow offers the whole catalogue, grouped as in the contract', async () => {
      await console_.region.getByRole('button', { name: 'Save workflow' }).click();
      const dialog = page.getByRole('dialog', { name: /^Save workflow to / });
      const first = dialog.getByLabel(/^Block 1 \(unknown row type/);
      await expect(first).toBeVisible();
      for (const group of ['enrichment', 'discovery', 'AI', 'data ops', 'output']) {
        await expect(first.locator(`optgroup[label="${group}"]`)).toHaveCount(1);
      }
      await expect(
        first.getByRole('option', { name: 'company_enrichment', exact: true }),
      ).toHaveCount(1);
      await expect(first.getByRole('option', { name: 'find_email', exact: true })).toHaveCount(1);
      await expect(first.getByRole('option', { name: 'search', exact: true })).toHaveCount(0);
      await expect(dialog.getByRole('textbox', { name: /^Specs of block 1/ })).toBeVisible();
      await dialog.getByLabel('Workflow name').fill('E2E catalogue');
      await dialog.getByRole('button', { name: 'Create workflow' }).click();
      await expect(dialog).toBeHidden();
    });

    await test.step('Run it and see the return_fields columns, marked simulated', async () => {
      await console_.runTest();
      await console_.expectStatus('completed');
      const rows = await console_.resultRows();
      expect(rows[0]?.full_name).toBe('Ada Lovelace');
      expect(rows[0]?.title).not.toBe('');
      await expect(
        console_.results.getByRole('columnheader', { name: /^linkedin_url\s*simulated$/ }),
      ).toBeVisible();
    });

    await test.step('After a reload, open the workflow whose webhook spec is {}', async () => {
      await page.reload();
      await console_.openWorkflow('E2E catalogue');
      await console_.region.getByRole('button', { name: 'Save workflow' }).click();
      const dialog = page.getByRole('dialog', { name: /^Save workflow to / });
      await expect(dialog.getByLabel(/^Block 1 \(unknown row type/)).toHaveValue('lead_enrichment');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect(dialog).toBeHidden();
    });

    await test.step('One click sets dataframe_type; only LEAD blocks remain', async () => {
      await fix.click();
      await expect(fix).toBeHidden();
      await expect(page.getByRole('radio', { name: 'LEAD' })).toBeChecked();
      await console_.region.getByRole('button', { name: 'Save workflow' }).click();
      const dialog = page.getByRole('dialog', { name: /^Save workflow to / });
      const first = dialog.getByLabel(/^Block 1 \(LEAD rows\)/);
      await expect(
        first.getByRole('option', { name: 'company_enrichment', exact: true }),
      ).toHaveCount(0);
      await expect(first.getByRole('option', { name: 'lead_enrichment', exact: true })).toHaveCount(
        1,
      );
    });
  });
});
