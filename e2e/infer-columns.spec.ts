import { DesignerPage } from './pages/designer-page.ts';
import { PayloadPage, payloadFixture } from './pages/payload-page.ts';
import { expect, test } from './support/fixtures.ts';

test('inferring from a CSV types its text: years are integers, true/false booleans', async ({
  page,
}) => {
  const designer = new DesignerPage(page);
  const payload = new PayloadPage(page);
  const dialog = payload.inferDialog();

  await test.step('Open the app with an empty spec and import the CSV', async () => {
    await designer.goto();
    await payload.waitForEditor();
    await payload.importFile(payloadFixture('companies.csv').path);
    await expect(payload.importResult).toContainText('as a JSON array of 3 rows');
    await expect(payload.summary).toContainText('5 advisory columns');
  });

  await test.step('The dialog proposes integer and boolean, with presence and notes', async () => {
    await payload.inferButton.click();
    await expect(dialog.getByRole('table')).toBeVisible();
    const type = (column: string) =>
      payload.inferRow(dialog, column).getByRole('combobox', { name: 'Type' });
    await expect(type('founded')).toHaveValue('integer');
    await expect(type('is_public')).toHaveValue('boolean');
    await expect(type('company')).toHaveValue('string');
    await expect(type('listed')).toHaveValue('string');
    await expect(payload.inferRow(dialog, 'founded')).toContainText('required');
    await expect(payload.inferRow(dialog, 'listed')).toContainText('2 of 3 (67%)');
    await expect(payload.inferRow(dialog, 'listed')).toContainText('optional');
    await expect(payload.inferRow(dialog, 'listed')).toContainText('ISO dates');
  });

  await test.step('Change one type, add the columns: the payload is converted to them', async () => {
    await payload
      .inferRow(dialog, 'ticker')
      .getByRole('checkbox', { name: 'Add ticker' })
      .uncheck();
    await dialog.getByRole('button', { name: 'Add 4 columns' }).click();
    await expect(dialog).toBeHidden();
    await expect
      .poll(() => designer.columnNames())
      .toEqual(['company', 'founded', 'is_public', 'listed']);
    await expect(designer.row(1).getByRole('combobox', { name: 'Type' })).toHaveValue('integer');
    await expect(designer.row(2).getByRole('combobox', { name: 'Type' })).toHaveValue('boolean');
    // "1998" and "TRUE" were text: had they stayed so, the judge would warn about them.
    await expect(payload.summary).toContainText('0 errors · 0 warnings · 1 advisory column');
  });
});
