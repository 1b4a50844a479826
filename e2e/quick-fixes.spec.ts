import { DesignerPage } from './pages/designer-page.ts';
import { PayloadPage } from './pages/payload-page.ts';
import { expect, test } from './support/fixtures.ts';

/** 30 companies, every employee_count in quotes, every third with an extra "nick". */
const rows = Array.from({ length: 30 }, (_, index) => ({
  company_name: `Company ${String(index + 1)}`,
  employee_count: String(10 + index),
  ...(index % 3 === 0 ? { nick: 'x' } : {}),
}));

test('quick fixes: remove the quotes in all rows, from the lightbulb or the problems list', async ({
  page,
}) => {
  const designer = new DesignerPage(page);
  const payload = new PayloadPage(page);

  await test.step('Start from the example spec (employee_count is an integer)', async () => {
    await designer.goto();
    await designer.startFromExample();
    await payload.waitForEditor();
  });

  await test.step('Paste 30 rows with the numbers in quotes: 30 warnings, grouped', async () => {
    await payload.replaceText(JSON.stringify(rows));
    await expect(payload.summary).toContainText('0 errors · 30 warnings · 1 advisory column');
    await expect(payload.problemGroup('employee_count of the wrong type in 30 rows')).toBeVisible();
    await expect(payload.problemGroup('nick is not in the spec (10 rows)')).toBeVisible();
  });

  await test.step('The lightbulb on one value offers "Remove the quotes in all 30 rows"', async () => {
    await payload.problem(/Row 2 · employee_count/).click();
    await expect(payload.editor).toBeFocused();
    await payload.applyQuickFix(/^Remove the quotes in all 30 rows/);
    await expect(payload.summary).toContainText('0 errors · 0 warnings · 1 advisory column');
    await expect(payload.problemGroup(/employee_count/)).toHaveCount(0);
  });

  await test.step('Undo brings all 30 back in one step', async () => {
    await payload.editor.focus();
    await page.keyboard.press('ControlOrMeta+Z');
    await expect(payload.summary).toContainText('0 errors · 30 warnings · 1 advisory column');
  });

  await test.step('"Apply to all rows" in the problems list does the same', async () => {
    await payload
      .problemGroup('employee_count of the wrong type in 30 rows')
      .getByRole('button', { name: 'Apply to all rows' })
      .click();
    await expect(payload.summary).toContainText('0 errors · 0 warnings · 1 advisory column');
  });

  await test.step('The severity filter shows only the notes', async () => {
    await payload.problemsRegion.getByRole('combobox', { name: 'Severity' }).selectOption('info');
    await expect(payload.problemGroup('nick is not in the spec (10 rows)')).toBeVisible();
  });

  await test.step('"Add to spec" adds the advisory column to input_schema', async () => {
    await payload
      .problemGroup('nick is not in the spec (10 rows)')
      .getByRole('button', { name: 'Add to spec' })
      .click();
    await expect.poll(() => designer.columnNames()).toContain('nick');
    await expect(payload.summary).toContainText('0 errors · 0 warnings · 0 advisory columns');
  });
});

test('quick fix: a missing required column is added with a typed placeholder, in all rows', async ({
  page,
}) => {
  const designer = new DesignerPage(page);
  const payload = new PayloadPage(page);
  const companies = [{ company: 'A' }, { company: 'B' }, { company: 'C' }];

  await test.step('A spec with email required; a payload of rows without it', async () => {
    await designer.goto();
    await payload.waitForEditor();
    await designer.addColumn({ name: 'email', type: 'string', required: true });
    await payload.replaceText(JSON.stringify(companies));
    await expect(payload.summary).toContainText('3 errors · 0 warnings · 1 advisory column');
    await expect(payload.problemGroup('email missing in 3 rows')).toBeVisible();
  });

  await test.step('The lightbulb on a row offers to add email in all 3 rows', async () => {
    await payload.problem(/Row 2 · email/).click();
    await payload.applyQuickFix(/^Add “email” with a placeholder "" in all 3 rows/);
    await expect(payload.summary).toContainText('0 errors · 0 warnings · 1 advisory column');
  });

  await test.step('Undo, then "Apply to all rows" in the problems list does the same', async () => {
    await payload.editor.focus();
    await page.keyboard.press('ControlOrMeta+Z');
    await expect(payload.summary).toContainText('3 errors · 0 warnings · 1 advisory column');
    await payload
      .problemGroup('email missing in 3 rows')
      .getByRole('button', { name: 'Apply to all rows' })
      .click();
    await expect(payload.summary).toContainText('0 errors · 0 warnings · 1 advisory column');
  });
});
