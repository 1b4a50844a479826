import { expect, test } from './support/fixtures.ts';
import { RunConsole } from './pages/run-console.ts';

test.describe('Downstream check in Save workflow', () => {
  test('a filter on a column no one sends says so, with the fix', async ({ page }) => {
    const console_ = new RunConsole(page);
    await console_.open();
    await console_.designSpec({
      input_schema: {
        company_name: { type: 'string', required: true },
        website: 'string',
      },
      webhook_input: JSON.stringify([{ company_name: 'Acme' }]),
      dataframe_type: 'COMPANY',
    });
    await console_.region.getByRole('button', { name: 'Save workflow' }).click();
    const dialog = page.getByRole('dialog', { name: /^Save workflow to / });
    const check = dialog.getByRole('region', { name: 'Downstream check' });

    await dialog.getByLabel(/^Block 1 /).selectOption('company_enrichment');
    await expect(check).toContainText('Every column the blocks name reaches them');

    await dialog.getByLabel(/^Block 1 /).selectOption('filter');
    // The filter starts on "email", which this company spec does not have.
    await expect(check.getByRole('listitem')).toHaveCount(1);
    await expect(check).toContainText('Block 2 (filter):');
    await expect(check).toContainText('Add "email" to input_schema');
  });
});
