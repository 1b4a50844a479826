import { DesignerPage } from './pages/designer-page.ts';
import { expect, test } from './support/fixtures.ts';

test('a reload finds the draft intact, half-typed JSON included', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.goto();

  await test.step('Build a spec', async () => {
    await designer.dataframeType.getByRole('radio', { name: 'LEAD' }).check();
    await designer.addColumn({ name: 'email', required: true, description: 'Work email' });
    await designer.addColumn({ name: 'score', type: 'number' });
    await designer.expectSaved();
  });

  await test.step('Reload: the form is as it was', async () => {
    await page.reload();
    await expect(designer.columnRows).toHaveCount(2);
    expect(await designer.columnNames()).toEqual(['email', 'score']);
    await expect(designer.row(0).getByRole('checkbox', { name: 'Required' })).toBeChecked();
    await expect(designer.row(0).getByRole('textbox', { name: 'Description' })).toHaveValue(
      'Work email',
    );
    await expect(designer.row(1).getByRole('combobox', { name: 'Type' })).toHaveValue('number');
    await expect(designer.dataframeType.getByRole('radio', { name: 'LEAD' })).toBeChecked();
  });

  await test.step('Leave broken JSON and reload: the text and its diagnostic come back', async () => {
    await designer.replaceSpecJson('{ "dataframe_type": ');
    await expect(designer.specJson.getByText(/Line 1, column \d+:/)).toBeVisible();
    await designer.expectSaved();
    await page.reload();
    await expect(designer.specJson.getByText(/Line 1, column \d+:/)).toBeVisible();
    expect(await designer.columnNames()).toEqual(['email', 'score']);
  });
});

test('named drafts: create, switch, rename and delete', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.goto();
  await designer.addColumn({ name: 'first_draft_column' });

  await test.step('Create a second draft with a name', async () => {
    await page.getByRole('button', { name: 'New draft' }).click();
    const dialog = designer.dialog('New draft');
    await dialog.getByRole('textbox', { name: 'Draft name' }).fill('Typeform leads');
    await dialog.getByRole('button', { name: 'Create draft' }).click();
    await expect(dialog).toBeHidden();
    await expect(designer.draftSelect.locator('option:checked')).toHaveText('Typeform leads');
    await expect(designer.columnRows).toHaveCount(0);
    await designer.addColumn({ name: 'second_draft_column' });
  });

  await test.step('Switch back and forth: each keeps its own spec', async () => {
    await designer.chooseDraft('Untitled spec');
    expect(await designer.columnNames()).toEqual(['first_draft_column']);
    await designer.chooseDraft('Typeform leads');
    expect(await designer.columnNames()).toEqual(['second_draft_column']);
  });

  await test.step('Rename the current draft; an empty name is refused', async () => {
    await page.getByRole('button', { name: 'Rename draft' }).click();
    const dialog = designer.dialog('Rename draft');
    const name = dialog.getByRole('textbox', { name: 'Draft name' });
    await name.fill('  ');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect(name).toHaveAccessibleDescription('Type a name for the draft.');
    await name.fill('HubSpot companies');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect(dialog).toBeHidden();
    await expect(designer.draftSelect.locator('option:checked')).toHaveText('HubSpot companies');
  });

  await test.step('Delete asks first; Cancel keeps the draft', async () => {
    await page.getByRole('button', { name: 'Delete draft' }).click();
    const dialog = designer.dialog('Delete draft “HubSpot companies”?');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(designer.draftSelect.locator('option')).toHaveText([
      'Untitled spec',
      'HubSpot companies',
    ]);
  });

  await test.step('Delete for real: the other draft opens', async () => {
    await page.getByRole('button', { name: 'Delete draft' }).click();
    await designer
      .dialog('Delete draft “HubSpot companies”?')
      .getByRole('button', { name: 'Delete' })
      .click();
    await expect(designer.draftSelect.locator('option')).toHaveText(['Untitled spec']);
    expect(await designer.columnNames()).toEqual(['first_draft_column']);
  });

  await test.step('After a reload the drafts are as left', async () => {
    await designer.expectSaved();
    await page.reload();
    await expect(designer.draftSelect.locator('option')).toHaveText(['Untitled spec']);
    expect(await designer.columnNames()).toEqual(['first_draft_column']);
  });
});

test('a full browser storage shows a message instead of crashing', async ({ page }) => {
  const designer = new DesignerPage(page);
  await page.addInitScript(() => {
    // Simulate a full quota for one spec, as a browser would for a large one.
    const setItem = Object.getOwnPropertyDescriptor(Storage.prototype, 'setItem')?.value as (
      this: Storage,
      key: string,
      value: string,
    ) => void;
    Storage.prototype.setItem = function patchedSetItem(this: Storage, key: string, value: string) {
      if (key.startsWith('inlet.drafts') && value.includes('too_big_to_save')) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      setItem.call(this, key, value);
    };
  });
  await designer.goto();
  await designer.addColumn({ name: 'too_big_to_save' });
  const storageFull = page.getByRole('alert').filter({ hasText: 'storage for this site is full' });
  await expect(storageFull).toBeVisible();
  await expect(designer.blockSpec).toBeVisible();
  await designer.nameInput(0).fill('small');
  await expect(storageFull).toBeHidden();
  await designer.expectSaved();
});
