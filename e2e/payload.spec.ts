import { readFile, writeFile } from 'node:fs/promises';
import { benchPayload } from './bench/payload-sample.ts';
import { DesignerPage } from './pages/designer-page.ts';
import { PayloadPage, payloadFixture } from './pages/payload-page.ts';
import { expect, test } from './support/fixtures.ts';

async function openWithLeadSpec(designer: DesignerPage, payload: PayloadPage): Promise<void> {
  await designer.goto();
  await payload.waitForEditor();
  await designer.addColumn({ name: 'email', type: 'string', required: true });
  await designer.addColumn({ name: 'employees', type: 'integer' });
}

test('a payload with errors is judged row by row, and fixing it makes it clean', async ({
  page,
}) => {
  const designer = new DesignerPage(page);
  const payload = new PayloadPage(page);
  const fixture = payloadFixture('leads-with-errors.json');

  await test.step('Open the app with a spec of email (required) and employees (integer)', async () => {
    await openWithLeadSpec(designer, payload);
  });

  await test.step('Import a file with a missing email, a number in quotes and an extra column', async () => {
    await payload.importFile(fixture.path);
    await expect(payload.summary).toContainText('1 error · 1 warning · 1 advisory column');
    await expect(payload.summary).toContainText('The API would reject this payload');
  });

  await test.step('The problems name their rows and columns', async () => {
    await expect(payload.problem(/Row 2 · email/)).toBeVisible();
    await expect(payload.problem(/Row 3 · employees/)).toContainText(/number/i);
    await expect(payload.problem(/Row 4 · nickname/)).toBeVisible();
  });

  await test.step('The preview shows the rows with the bad cells marked', async () => {
    await expect(payload.preview).toContainText('4 rows');
    await expect(payload.previewRow(2).getByRole('cell').first()).toContainText('missing');
    await expect(payload.previewRow(4)).toContainText('penguin');
    await expect(payload.preview.getByRole('columnheader', { name: /nickname/ })).toContainText(
      'advisory',
    );
  });

  await test.step('Clicking a problem puts the cursor on the offending value', async () => {
    const line = PayloadPage.lineOf(fixture.text, '"employees": "50"');
    await payload.problem(/Row 3 · employees/).click();
    await expect(payload.problem(/Row 3 · employees/)).toHaveAttribute('aria-current', 'true');
    await expect(payload.cursor).toHaveText(`Ln ${String(line)}, Col 18`);
    await expect(payload.editor).toBeFocused();
  });

  await test.step('Enter on a problem goes there too', async () => {
    const line = PayloadPage.lineOf(fixture.text, '{\n    "employees": 40');
    await payload.problem(/Row 2 · email/).focus();
    await page.keyboard.press('Enter');
    await expect(payload.cursor).toHaveText(`Ln ${String(line)}, Col 3`);
  });

  await test.step('Fix the payload in the editor and see the summary go clean', async () => {
    const fixed = fixture.text
      .replace('{\n    "employees": 40', '{\n    "email": "ken@example.com",\n    "employees": 40')
      .replace('"employees": "50"', '"employees": 50')
      .replace(',\n    "nickname": "penguin"', '');
    // On one line: typed line breaks get the editor's auto-indent and bracket handling.
    await payload.replaceText(JSON.stringify(JSON.parse(fixed)));
    await expect(payload.summary).toContainText('0 errors · 0 warnings · 0 advisory columns');
    await expect(payload.summary).toContainText('The API would accept this payload');
    await expect(payload.region.getByText('No problems')).toBeVisible();
  });
});

test('a large payload goes into the editor whole, with its problems in place, and stays editable', async ({
  page,
}, testInfo) => {
  const designer = new DesignerPage(page);
  const payload = new PayloadPage(page);
  // 4,000 rows, 1.2 MB: loaded into the editor a slice at a time. Every 40th row lacks its
  // email (an error), another has its employees in quotes (a warning). Pasted together
  // from two sources: the second half has Windows line ends, which the editor makes alike.
  const text = benchPayload(4_000);
  const half = text.indexOf('"name": "Person 2000"');
  const file = testInfo.outputPath('large-payload.json');
  await writeFile(file, text.slice(0, half) + text.slice(half).replaceAll('\n', '\r\n'));
  const rowLine = (index: number): number =>
    PayloadPage.lineOf(text, `"name": "Person ${String(index)}"`) - 1;

  await test.step('Open the app with a spec of email (required) and employees (integer)', async () => {
    await openWithLeadSpec(designer, payload);
  });

  await test.step('Import the payload and wait until it is all in the editor', async () => {
    await payload.importFile(file);
    await expect(payload.importResult).toContainText('Imported large-payload.json (JSON).');
    await expect(payload.editorLoading).toBeHidden();
    await expect(payload.summary).toContainText('100 errors · 100 warnings · 8 advisory columns');
    await expect(payload.preview).toContainText('4,000 rows');
  });

  await test.step('Problems near the start and near the end point at their rows', async () => {
    await payload.problem(/Row 8 · email/).click();
    await expect(payload.cursor).toHaveText(`Ln ${String(rowLine(7))}, Col 3`);
    await payload.problem(/Row 3,968 · email/).click();
    await expect(payload.cursor).toHaveText(`Ln ${String(rowLine(3_967))}, Col 3`);
  });

  await test.step('Export gives back the imported text, with one kind of line end', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      payload.chooseMoreAction('Export JSON'),
    ]);
    // Named after the draft it belongs to, not a generic payload.json.
    expect(download.suggestedFilename()).toBe('untitled-spec-payload.json');
    const exported = await readFile(await download.path(), 'utf8');
    expect(exported).toHaveLength(text.length);
    expect(exported === text, 'the exported text is the imported one').toBe(true);
  });

  await test.step('The editor takes typing, and undo takes it back', async () => {
    await payload.editor.focus();
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.press('Space');
    await expect(payload.cursor).toHaveText('Ln 1, Col 2');
    await page.keyboard.press('ControlOrMeta+Z');
    await expect(payload.cursor).toHaveText('Ln 1, Col 1');
    await expect(payload.summary).toContainText('100 errors · 100 warnings · 8 advisory columns');
  });
});

test('a CSV import becomes JSON with cells typed by the spec, and says what it converted', async ({
  page,
}) => {
  const designer = new DesignerPage(page);
  const payload = new PayloadPage(page);

  await test.step('Open the app with email, employees (integer) and active (boolean)', async () => {
    await openWithLeadSpec(designer, payload);
    await designer.addColumn({ name: 'active', type: 'boolean' });
  });

  await test.step('Import a CSV file', async () => {
    await payload.importFile(payloadFixture('leads.csv').path);
    await expect(payload.importResult).toContainText('as a JSON array of 3 rows');
    await expect(payload.importResult).toContainText(
      'Converted 6 cells from text: employees (integer) ×3, active (boolean) ×3.',
    );
    await expect(payload.importResult).toContainText('Left out 1 empty cell');
  });

  await test.step('The converted payload is accepted; city passes through as advisory', async () => {
    await expect(payload.summary).toContainText('0 errors · 0 warnings · 1 advisory column');
    await expect(payload.previewRow(2)).toContainText('false');
    await expect(payload.previewRow(3).getByRole('cell').last()).toHaveText('—');
  });
});

test('columns inferred from an NDJSON payload land in the designer', async ({ page }) => {
  const designer = new DesignerPage(page);
  const payload = new PayloadPage(page);

  await test.step('Open the app with an empty spec and import NDJSON', async () => {
    await designer.goto();
    await payload.waitForEditor();
    await payload.importFile(payloadFixture('companies.ndjson').path);
    await expect(payload.importResult).toContainText('as a JSON array of 3 rows');
    await expect(payload.summary).toContainText('3 advisory columns');
  });

  await test.step('Infer columns and see the evidence for each', async () => {
    await payload.inferButton.click();
    const dialog = page.getByRole('dialog', { name: 'Infer columns' });
    await expect(dialog.getByRole('checkbox', { name: /company/ })).toBeChecked();
    await expect(payload.inferRow(dialog, 'employees')).toContainText('2 of 3 (67%)');
    await expect(
      payload.inferRow(dialog, 'tags').getByRole('combobox', { name: 'Type' }),
    ).toHaveValue('list[string]');
    await dialog.getByRole('checkbox', { name: /tags/ }).uncheck();
    await dialog.getByRole('button', { name: 'Add 2 columns' }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step('The chosen columns are in the designer and the payload is judged against them', async () => {
    await expect.poll(() => designer.columnNames()).toEqual(['company', 'employees']);
    await expect(payload.summary).toContainText('0 errors · 0 warnings · 1 advisory column');
  });

  await test.step('Inferring again shows existing columns as such, not to be re-added', async () => {
    await payload.inferButton.click();
    const dialog = page.getByRole('dialog', { name: 'Infer columns' });
    await expect(payload.inferRow(dialog, 'company')).toContainText('Already in the spec');
    await expect(dialog.getByRole('checkbox', { name: /company/ })).toBeDisabled();
    await expect(dialog.getByRole('button', { name: 'Add 1 column' })).toBeEnabled();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });
});

test('the payload is kept across a reload, and can become the spec’s webhook_input', async ({
  page,
}) => {
  const designer = new DesignerPage(page);
  const payload = new PayloadPage(page);
  const text = '[{"email": "ada@example.com"}, {"email": null}]';

  await test.step('Type a payload', async () => {
    await openWithLeadSpec(designer, payload);
    await payload.replaceText(text);
    await expect(payload.summary).toContainText('1 error · 0 warnings · 0 advisory columns');
  });

  await test.step('Reload: the payload and its verdict are back', async () => {
    await page.reload();
    await payload.waitForEditor();
    await expect(payload.summary).toContainText('1 error · 0 warnings · 0 advisory columns');
    await expect(payload.problem(/Row 2 · email/)).toBeVisible();
  });

  await test.step('Save it as webhook_input; load it back after clearing the editor', async () => {
    await payload.chooseMoreAction('Save as webhook_input');
    await expect(designer.specJson).toContainText('webhook_input');
    await payload.replaceText('');
    await expect(payload.summary).toContainText('No payload yet');
    await payload.chooseMoreAction('Load webhook_input');
    await expect(payload.summary).toContainText('1 error · 0 warnings · 0 advisory columns');
  });
});

test('columns and webhook_input from the payload change the designer in place', async ({
  page,
}) => {
  const designer = new DesignerPage(page);
  const payload = new PayloadPage(page);
  const added = page.getByRole('status').filter({ hasText: 'Added 2 columns to the spec.' });

  await test.step('Edit a spec in the designer: describe one column, remove another', async () => {
    await designer.goto();
    await payload.waitForEditor();
    await designer.addColumn({ name: 'email', required: true, description: 'Work address' });
    await designer.addColumn({ name: 'nickname' });
    await designer.removeColumn(1);
    // State that lives only in the mounted designer: a remount would drop this offer.
    await expect(designer.undoRemoval('nickname')).toBeVisible();
  });

  await test.step('Infer columns from an NDJSON payload and add two of them', async () => {
    await payload.importFile(payloadFixture('companies.ndjson').path);
    await expect(payload.importResult).toContainText('as a JSON array of 3 rows');
    await payload.inferButton.click();
    const dialog = payload.inferDialog();
    await dialog.getByRole('checkbox', { name: /tags/ }).uncheck();
    await dialog.getByRole('button', { name: 'Add 2 columns' }).click();
    await expect(dialog).toBeHidden();
    await expect(added).toBeAttached();
  });

  await test.step('The new columns are in the form, the JSON and the block; the edits stayed', async () => {
    await expect.poll(() => designer.columnNames()).toEqual(['email', 'company', 'employees']);
    await expect(designer.descriptionInput(0)).toHaveValue('Work address');
    await expect(designer.undoRemoval('nickname')).toBeVisible();
    // Focus went back to the opener of the dialog; the new rows did not take it.
    await expect(payload.inferButton).toBeFocused();
    await designer.expectBlockSpecs({
      input_schema: {
        email: { type: 'string', description: 'Work address', required: true },
        company: { type: 'string', required: true },
        employees: { type: 'integer', required: false },
      },
      dataframe_type: 'COMPANY',
    });
    await expect(designer.specJson.getByText('In step with the form')).toBeVisible();
  });

  await test.step('Save the payload as webhook_input: the designer takes it in place too', async () => {
    await payload.chooseMoreAction('Save as webhook_input');
    await expect
      .poll(async () => ((await designer.webhookBlock()) as { specs: object }).specs)
      .toHaveProperty('webhook_input');
    await expect(designer.specJson.getByText('In step with the form')).toBeVisible();
    await expect(designer.undoRemoval('nickname')).toBeVisible();
  });

  await test.step('The JSON editor kept its undo history: Ctrl+Z takes webhook_input out', async () => {
    await designer.specJsonEditor.focus();
    await page.keyboard.press('ControlOrMeta+Z');
    await expect
      .poll(async () => ((await designer.webhookBlock()) as { specs: object }).specs)
      .not.toHaveProperty('webhook_input');
    await expect.poll(() => designer.columnNames()).toEqual(['email', 'company', 'employees']);
  });

  await test.step('Undo the removal: the column comes back where it was', async () => {
    await designer.blockSpec.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(() => designer.columnNames())
      .toEqual(['email', 'nickname', 'company', 'employees']);
  });

  await test.step('The draft was saved: a reload brings the same spec back', async () => {
    await designer.expectSaved();
    await page.reload();
    await expect(designer.blockSpec).toBeVisible();
    await expect
      .poll(() => designer.columnNames())
      .toEqual(['email', 'nickname', 'company', 'employees']);
    await expect(designer.descriptionInput(0)).toHaveValue('Work address');
  });
});
