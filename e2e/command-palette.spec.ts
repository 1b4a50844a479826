import AxeBuilder from '@axe-core/playwright';
import { CommandPalettePage } from './pages/command-palette.ts';
import { DesignerPage } from './pages/designer-page.ts';
import { PayloadPage } from './pages/payload-page.ts';
import { expect, test } from './support/fixtures.ts';

test('the command palette runs actions by name; shortcuts and the guide', async ({ page }) => {
  const designer = new DesignerPage(page);
  const payload = new PayloadPage(page);
  const palette = new CommandPalettePage(page);

  await test.step('A first visit shows the three-step guide', async () => {
    await designer.goto();
    await expect(palette.guide.getByRole('listitem')).toHaveCount(3);
  });

  await test.step('Ctrl+K from inside an editor opens the palette; it filters as you type', async () => {
    await payload.waitForEditor();
    await payload.editor.focus();
    await palette.open();
    await expect(palette.commands.getByRole('option', { name: /Run test/ })).toBeVisible();
    await palette.search.fill('import');
    await expect(palette.commands.getByRole('option')).toHaveCount(2);
    await page.keyboard.press('Escape');
    await expect(palette.dialog).toBeHidden();
  });

  await test.step('"Start from an example" from the palette fills the spec', async () => {
    await palette.run('example', /Start from an example/);
    await expect(designer.columnRows).toHaveCount(3);
  });

  await test.step('An action under the payload\'s "More actions" runs from the palette too', async () => {
    await payload.replaceText('[{"company_name": "Palette Co"}]');
    await expect(payload.summary).toContainText('0 errors');
    await palette.run('save payload', /Save payload as webhook_input/);
    await expect
      .poll(async () => JSON.stringify(await designer.webhookBlock()))
      .toContain('Palette Co');
    await expect(payload.region.getByRole('menu')).toBeHidden();
  });

  await test.step('"Import spec…" opens its dialog', async () => {
    await palette.run('import spec', /Import spec/);
    await expect(designer.dialog('Import spec')).toBeVisible();
    await page.keyboard.press('Escape');
  });

  await test.step('Arrow keys choose another command', async () => {
    await palette.open();
    await palette.search.fill('theme');
    await page.keyboard.press('End');
    await expect(palette.commands.getByRole('option', { name: /Dark theme/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });

  await test.step("The header's Theme select shows the palette's choice, and sets it too", async () => {
    const theme = page.getByRole('banner').getByRole('combobox', { name: 'Theme' });
    await expect(theme).toHaveValue('dark');
    await theme.selectOption('light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(page.locator('.monaco-editor').first()).not.toHaveClass(/vs-dark/);
    await theme.selectOption('dark');
    await expect(page.locator('.monaco-editor').first()).toHaveClass(/vs-dark/);
  });

  await test.step('Ctrl+/ lists the shortcuts from the same commands', async () => {
    await page.keyboard.press('ControlOrMeta+/');
    await expect(palette.shortcuts).toBeVisible();
    await expect(palette.shortcuts.getByRole('row', { name: /Run test/ })).toBeVisible();
    await expect(palette.shortcuts.getByRole('row', { name: /Command palette/ })).toBeVisible();
    await palette.shortcuts.getByRole('button', { name: 'Close' }).click();
  });

  await test.step('The guide, once hidden, stays hidden after a reload', async () => {
    await palette.guide.getByRole('button', { name: 'Hide this guide' }).click();
    await expect(palette.guide).toBeHidden();
    await page.reload();
    await expect(designer.blockSpec).toBeVisible();
    await expect(palette.guide).toBeHidden();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the whole workspace has no serious or critical axe findings (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    const designer = new DesignerPage(page);
    const payload = new PayloadPage(page);
    const palette = new CommandPalettePage(page);
    const check = async (label: string, scope?: string) => {
      const builder = new AxeBuilder({ page });
      const results = await (scope ? builder.include(scope) : builder).analyze();
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

    await test.step('The workspace with an example spec and a payload with problems', async () => {
      await designer.goto();
      await designer.blockSpec.getByRole('button', { name: 'Start from an example' }).click();
      await payload.waitForEditor();
      await payload.replaceText('[{"company_name": "A", "employee_count": "5", "x": 1}, {}]');
      await expect(payload.summary).toContainText('1 error');
      await check('workspace');
    });

    await test.step('The payload\'s "More actions" menu, open', async () => {
      await payload.moreActions.click();
      await expect(payload.region.getByRole('menu', { name: 'More actions' })).toBeVisible();
      await check('more actions menu', '[role="menu"]');
      await page.keyboard.press('Escape');
    });

    await test.step('The command palette', async () => {
      await palette.open();
      await check('palette', 'dialog[open]');
      await page.keyboard.press('Escape');
    });
  });
}
