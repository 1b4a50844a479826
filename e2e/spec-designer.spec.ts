import { readFile } from 'node:fs/promises';
import { DesignerPage } from './pages/designer-page.ts';
import { expect, test } from './support/fixtures.ts';

test('build a three-column spec in the form and see it in the JSON and the block', async ({
  page,
}) => {
  const designer = new DesignerPage(page);

  await test.step('Open the designer', async () => {
    await designer.goto();
    await expect(designer.columnRows).toHaveCount(0);
  });

  await test.step('Choose LEAD and add three columns', async () => {
    await designer.dataframeType.getByRole('radio', { name: 'LEAD' }).check();
    await designer.addColumn({
      name: 'email',
      type: 'string',
      required: true,
      description: 'Work email',
    });
    await designer.addColumn({ name: 'full_name', type: 'string' });
    await designer.addColumn({ name: 'employee_count', type: 'integer', description: 'Headcount' });
  });

  await test.step('The webhook block shows the spec in full form', async () => {
    await designer.expectBlockSpecs({
      input_schema: {
        email: { type: 'string', description: 'Work email', required: true },
        full_name: { type: 'string', required: false },
        employee_count: { type: 'integer', description: 'Headcount', required: false },
      },
      dataframe_type: 'LEAD',
    });
    const block = (await designer.webhookBlock()) as Record<string, unknown>;
    expect(block).toMatchObject({
      block_type: 'source',
      block_name: 'webhook',
      sequence_number: 1,
    });
    await expect(designer.specJson.getByText('In step with the form')).toBeVisible();
    await expect(designer.blockSpec.getByText('Valid spec · 3 columns')).toBeVisible();
  });

  await test.step('The exported file holds the same spec', async () => {
    await page.getByRole('button', { name: 'Export spec' }).click();
    const dialog = designer.dialog('Export spec');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: /^Download/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('untitled-spec.json');
    const exported = JSON.parse(await readFile(await file.path(), 'utf8')) as unknown;
    expect(exported).toEqual(((await designer.webhookBlock()) as { specs: unknown }).specs);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  });
});

test('edit the JSON and the form follows; broken JSON keeps the form', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.goto();

  await test.step('Type in the JSON editor key by key: the text is never rewritten under the cursor', async () => {
    await designer.specJsonEditor.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    // The editor closes brackets and quotes itself; typing over a closing one steps past it.
    await page.keyboard.type('{"dataframe_type": "LEAD", "input_schema": {"a": "int"}}');
    await expect(designer.dataframeType.getByRole('radio', { name: 'LEAD' })).toBeChecked();
    await expect(designer.columnRows).toHaveCount(1);
    await expect(designer.row(0).getByRole('combobox', { name: 'Type' })).toHaveValue('integer');
    await expect(designer.specJson.getByText('In step with the form')).toBeVisible();
    // Compact as typed (not re-printed by the form), so the caret stayed where the user was.
    await page.keyboard.type(' ');
    await expect(designer.specJson.getByText('In step with the form')).toBeVisible();
  });

  await test.step('Paste a spec in the JSON editor (shorthand and aliases are read)', async () => {
    await designer.replaceSpecJson(
      JSON.stringify({
        input_schema: {
          domain: 'str',
          revenue: { type: 'float', description: 'USD', required: true },
          tags: 'list[str]',
        },
        dataframe_type: 'COMPANY',
        webhook_input: '[{"domain": "acme.com"}]',
      }),
    );
  });

  await test.step('The form shows the same columns with canonical types', async () => {
    await expect(designer.columnRows).toHaveCount(3);
    expect(await designer.columnNames()).toEqual(['domain', 'revenue', 'tags']);
    await expect(designer.row(1).getByRole('combobox', { name: 'Type' })).toHaveValue('number');
    await expect(designer.row(1).getByRole('checkbox', { name: 'Required' })).toBeChecked();
    await expect(designer.row(1).getByRole('textbox', { name: 'Description' })).toHaveValue('USD');
    await expect(designer.row(2).getByRole('combobox', { name: 'Type' })).toHaveValue(
      'list[string]',
    );
    await expect(designer.dataframeType.getByRole('radio', { name: 'COMPANY' })).toBeChecked();
    await designer.expectBlockSpecs({
      input_schema: {
        domain: { type: 'string', required: false },
        revenue: { type: 'number', description: 'USD', required: true },
        tags: { type: 'list[string]', required: false },
      },
      webhook_input: '[{"domain": "acme.com"}]',
      dataframe_type: 'COMPANY',
    });
  });

  await test.step('Break the JSON: a diagnostic with line and column, the form unchanged', async () => {
    await designer.replaceSpecJson(
      '{\n  "input_schema": {\n    "domain": "string"\n  \n  "dataframe_type": "LEAD"\n}',
    );
    await expect(designer.specJson.getByText(/Line 5, column 3:/)).toBeVisible();
    await expect(designer.specJson.getByText(/Expected a comma/)).toBeVisible();
    await expect(designer.specJson.getByText('the form keeps its last valid state')).toBeVisible();
    expect(await designer.columnNames()).toEqual(['domain', 'revenue', 'tags']);
    await expect(designer.dataframeType.getByRole('radio', { name: 'COMPANY' })).toBeChecked();
  });

  await test.step('An unknown type is named, with its place, and the form still holds', async () => {
    await designer.replaceSpecJson(
      '{\n  "input_schema": {"domain": "strng"},\n  "dataframe_type": "LEAD"\n}',
    );
    await expect(designer.specJson.getByText(/Line 2, column 30:/)).toBeVisible();
    await expect(designer.specJson.getByText(/Unknown type "strng"/)).toBeVisible();
    expect(await designer.columnNames()).toEqual(['domain', 'revenue', 'tags']);
  });

  await test.step('An edit in the form replaces the broken JSON with the form’s spec', async () => {
    await designer.nameInput(0).fill('website');
    await expect(designer.specJson.getByText('In step with the form')).toBeVisible();
    await designer.expectBlockSpecs(
      expect.objectContaining({
        input_schema: expect.objectContaining({ website: { type: 'string', required: false } }),
      }),
    );
  });
});

test('inline errors as the user types', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.goto();
  await designer.addColumn({ name: 'Email' });
  await designer.addColumn({ name: 'email' });

  await test.step('A case-folded duplicate names the column it clashes with', async () => {
    const name = designer.nameInput(1);
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription(/clashes with column 1 "Email"/);
    await expect(designer.nameInput(0)).not.toHaveAttribute('aria-invalid', 'true');
  });

  await test.step('Renaming the first column ends the clash in the second', async () => {
    await designer.nameInput(0).fill('work_email');
    await expect(designer.nameInput(1)).not.toHaveAttribute('aria-invalid', 'true');
  });

  await test.step('Empty, too long, control and bidi characters are errors', async () => {
    const name = designer.nameInput(1);
    await name.fill('');
    await name.blur();
    await expect(name).toHaveAccessibleDescription(/Column name is empty/);
    await name.fill('x'.repeat(129));
    await expect(name).toHaveAccessibleDescription(/129 characters long/);
    await name.fill('tab\there');
    await expect(name).toHaveAccessibleDescription(/control character U\+0009/);
    await name.fill('abc\u202Edef');
    await expect(name).toHaveAccessibleDescription(/bidirectional control U\+202E/);
    await expect(designer.blockSpec.getByText(/1 problem/)).toBeVisible();
  });

  await test.step('Spaces around a name are a warning, not an error', async () => {
    const name = designer.nameInput(1);
    await name.fill(' padded ');
    await expect(name).not.toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription(/starts or ends with spaces/);
  });
});

test('odd names round-trip exactly through the JSON, export and import', async ({ page }) => {
  const designer = new DesignerPage(page);
  const names = ['__proto__', 'constructor', '📧 email', 'hasOwnProperty'];
  await designer.goto();

  await test.step('Add columns with names that are special in JavaScript', async () => {
    for (const name of names) await designer.addColumn({ name });
    for (let index = 0; index < names.length; index += 1) {
      await expect(designer.nameInput(index)).not.toHaveAttribute('aria-invalid', 'true');
    }
  });

  await test.step('The block holds them as ordinary own keys, in order', async () => {
    const block = (await designer.webhookBlock()) as { specs: { input_schema: object } };
    expect(Object.keys(block.specs.input_schema)).toEqual(names);
    expect(Object.hasOwn(block.specs.input_schema, '__proto__')).toBe(true);
  });

  let exported = '';

  await test.step('Export the spec as a file', async () => {
    await page.getByRole('button', { name: 'Export spec' }).click();
    const download = page.waitForEvent('download');
    await designer
      .dialog('Export spec')
      .getByRole('button', { name: /^Download/ })
      .click();
    exported = await readFile(await (await download).path(), 'utf8');
    await page.keyboard.press('Escape');
  });

  await test.step('Import the file: a new draft with the same names', async () => {
    await page.getByRole('button', { name: 'Import spec' }).click();
    const dialog = designer.dialog('Import spec');
    await dialog.getByLabel('Or choose a file').setInputFiles({
      name: 'odd-names.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exported),
    });
    await expect(dialog.getByRole('textbox', { name: 'Spec JSON to import' })).not.toHaveValue('');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(designer.draftSelect.locator('option:checked')).toHaveText('odd-names');
    expect(await designer.columnNames()).toEqual(names);
  });

  await test.step('Edit the JSON: the names survive the JSON → form direction too', async () => {
    await designer.replaceSpecJson(
      exported.replace('"dataframe_type": "COMPANY"', '"dataframe_type": "LEAD"'),
    );
    await expect(designer.dataframeType.getByRole('radio', { name: 'LEAD' })).toBeChecked();
    expect(await designer.columnNames()).toEqual(names);
  });
});

test('import errors say what is wrong and keep the current spec', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.goto();
  await designer.addColumn({ name: 'keep_me' });

  await test.step('Paste broken JSON: line and column, nothing imported', async () => {
    await page.getByRole('button', { name: 'Import spec' }).click();
    const dialog = designer.dialog('Import spec');
    await dialog
      .getByRole('textbox', { name: 'Spec JSON to import' })
      .fill('{\n  "dataframe_type": "LEAD",\n}');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('Nothing was imported');
    await expect(dialog.getByRole('alert')).toContainText(/Line 3, column 1/);
  });

  await test.step('Paste a spec with a wrong dataframe_type: the message says so', async () => {
    const dialog = designer.dialog('Import spec');
    await dialog
      .getByRole('textbox', { name: 'Spec JSON to import' })
      .fill('{"input_schema": {"a": "string"}, "dataframe_type": "PERSON"}');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText(
      'dataframe_type must be "LEAD" or "COMPANY"',
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await designer.columnNames()).toEqual(['keep_me']);
  });

  await test.step('Paste a whole webhook block: its specs open as a new draft', async () => {
    await page.getByRole('button', { name: 'Import spec' }).click();
    const dialog = designer.dialog('Import spec');
    await dialog.getByRole('textbox', { name: 'Spec JSON to import' }).fill(
      JSON.stringify({
        block_id: 'webhook_1',
        sequence_number: 1,
        block_type: 'source',
        block_name: 'webhook',
        specs: { input_schema: { phone: 'string' }, dataframe_type: 'LEAD' },
      }),
    );
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog).toBeHidden();
    expect(await designer.columnNames()).toEqual(['phone']);
    await designer.chooseDraft('Untitled spec');
    expect(await designer.columnNames()).toEqual(['keep_me']);
  });
});
