import AxeBuilder from '@axe-core/playwright';
import { DesignerPage } from './pages/designer-page.ts';
import { expect, test } from './support/fixtures.ts';

test('keyboard only: add, reorder and remove columns', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.goto();

  await test.step('Add three columns with Enter on "Add column"; focus lands in the new name', async () => {
    await designer.addColumnButton.focus();
    for (const name of ['alpha', 'beta', 'gamma']) {
      await page.keyboard.press('Enter');
      await expect(
        designer.columnRows.last().getByRole('textbox', { name: 'Column name' }),
      ).toBeFocused();
      await page.keyboard.type(name);
      await designer.addColumnButton.focus();
    }
    expect(await designer.columnNames()).toEqual(['alpha', 'beta', 'gamma']);
  });

  await test.step('Alt+ArrowUp in a row moves it up and keeps focus on the same field', async () => {
    await designer.nameInput(2).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => designer.columnNames()).toEqual(['alpha', 'gamma', 'beta']);
    await expect(designer.nameInput(1)).toBeFocused();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => designer.columnNames()).toEqual(['gamma', 'alpha', 'beta']);
    await expect(designer.nameInput(0)).toBeFocused();
  });

  await test.step('"Move column down" by keyboard; focus follows the moved row', async () => {
    const down = designer.row(0).getByRole('button', { name: 'Move column down' });
    await down.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => designer.columnNames()).toEqual(['alpha', 'gamma', 'beta']);
    await expect(designer.row(1).getByRole('button', { name: 'Move column down' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect.poll(() => designer.columnNames()).toEqual(['alpha', 'beta', 'gamma']);
    // At the bottom "down" is disabled, so focus moves to "up" in the same row.
    await expect(designer.row(2).getByRole('button', { name: 'Move column up' })).toBeFocused();
  });

  await test.step('"Remove column" by keyboard: focus goes to the next row, then Undo', async () => {
    await designer.row(1).getByRole('button', { name: 'Remove column' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => designer.columnNames()).toEqual(['alpha', 'gamma']);
    await expect(designer.nameInput(1)).toBeFocused();
    await designer.blockSpec.getByRole('button', { name: 'Undo' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => designer.columnNames()).toEqual(['alpha', 'beta', 'gamma']);
    await expect(designer.nameInput(1)).toBeFocused();
  });

  await test.step('Removing the last column puts focus on "Add column"', async () => {
    for (let left = 3; left > 0; left -= 1) {
      await designer.row(0).getByRole('button', { name: 'Remove column' }).focus();
      await page.keyboard.press('Enter');
      await expect(designer.columnRows).toHaveCount(left - 1);
    }
    await expect(designer.addColumnButton).toBeFocused();
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious or critical accessibility violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const designer = new DesignerPage(page);
    await designer.goto();
    await designer.addColumn({ name: 'email', required: true, description: 'Work email' });
    await designer.addColumn({ name: 'Email' });
    await expect(designer.nameInput(1)).toHaveAttribute('aria-invalid', 'true');
    await designer.replaceSpecJson('{ "broken": ');
    await expect(designer.specJson.getByText(/Line 1, column \d+:/)).toBeVisible();

    // Scoped to the designer (and its open dialog): other features have their own checks.
    const check = async (label: string, scope: string) => {
      const results = await new AxeBuilder({ page }).include(scope).analyze();
      const bad = results.violations.filter(
        (violation) => violation.impact === 'serious' || violation.impact === 'critical',
      );
      expect(
        bad.map(
          (violation) =>
            `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
        ),
        label,
      ).toEqual([]);
    };

    await test.step('The designer with errors showing', async () => {
      await check('designer', '[aria-label="Spec designer"]');
    });

    await test.step('The import dialog', async () => {
      await page.getByRole('button', { name: 'Import spec' }).click();
      await expect(designer.dialog('Import spec')).toBeVisible();
      await check('import dialog', 'dialog[open]');
      await page.keyboard.press('Escape');
    });

    await test.step('The delete confirmation', async () => {
      await page.getByRole('button', { name: 'Delete draft' }).click();
      await expect(designer.dialog(/Delete draft/)).toBeVisible();
      await check('delete dialog', 'dialog[open]');
    });
  });
}
