import { DesignerPage } from './pages/designer-page.ts';
import { PayloadPage, payloadFixture } from './pages/payload-page.ts';
import { RunConsole } from './pages/run-console.ts';
import { expect, test } from './support/fixtures.ts';

/** Editor's "Ln L, Col C" of the first occurrence of `needle` in `text`. */
function placeOf(text: string, needle: string): string {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not in the fixture`);
  const before = text.slice(0, at).split('\n');
  return `Ln ${String(before.length)}, Col ${String((before.at(-1) ?? '').length + 1)}`;
}

test('a preview cell says its own problem and goes to its source line', async ({ page }) => {
  const designer = new DesignerPage(page);
  const payload = new PayloadPage(page);
  const fixture = payloadFixture('leads-with-errors.json');

  await test.step('Judge a payload whose row 3 has employees in quotes', async () => {
    await designer.goto();
    await payload.waitForEditor();
    await designer.addColumn({ name: 'email', type: 'string', required: true });
    await designer.addColumn({ name: 'employees', type: 'integer' });
    await payload.importFile(fixture.path);
    await expect(payload.summary).toContainText('1 error · 1 warning · 1 advisory column');
  });

  const wrongTyped = payload
    .previewRow(3)
    .getByRole('button', { name: /employees: expected an integer, got the string "50"/ });

  await test.step('The wrong-typed cell names its problem; fine cells name none', async () => {
    await expect(wrongTyped).toBeVisible();
    await expect(wrongTyped).toContainText('"50"');
    await expect(
      payload.previewRow(2).getByRole('button', { name: /email: required column is missing/ }),
    ).toBeVisible();
    await expect(
      payload.previewRow(1).getByRole('button', { name: '12', exact: true }),
    ).toBeVisible();
  });

  await test.step('Clicking it puts the cursor on the value and focuses the editor', async () => {
    await wrongTyped.click();
    await expect(payload.cursor).toHaveText(placeOf(fixture.text, '"50"'));
    await expect(payload.editor).toBeFocused();
    // The same place the problems list goes to, marked there as the current one.
    await expect(payload.problem(/Row 3 · employees/)).toHaveAttribute('aria-current', 'true');
  });

  await test.step('Enter on a cell without a problem goes to its value too', async () => {
    const nickname = payload.previewRow(4).getByRole('button', { name: 'penguin' });
    await nickname.focus();
    await page.keyboard.press('Enter');
    await expect(payload.cursor).toHaveText(placeOf(fixture.text, '"penguin"'));
    await expect(payload.editor).toBeFocused();
  });

  await test.step('Arrow keys move between cells', async () => {
    await wrongTyped.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(
      payload.previewRow(3).getByRole('button', { name: 'grace@example.com' }),
    ).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(
      payload.previewRow(2).getByRole('button', { name: /email: required column is missing/ }),
    ).toBeFocused();
  });
});

test('a syntax error reads as a syntax error in the preview, problems, status and preflight', async ({
  page,
}) => {
  const console_ = new RunConsole(page);
  const payload = new PayloadPage(page);
  await console_.open();

  await test.step('Save a workflow with a clean spec', async () => {
    await console_.designSpec({
      input_schema: { email: { type: 'string', required: true } },
      webhook_input: JSON.stringify([{ email: 'a@example.com' }]),
      dataframe_type: 'LEAD',
    });
    await console_.saveWorkflow('E2E syntax error');
  });

  await test.step('Write a payload that misses a colon', async () => {
    await payload.replaceText('[{"email" "a@example.com"}]');
  });

  const syntax = /Syntax error at line 1, column 11/;

  await test.step('Preview, problems and status say it is a syntax error, with its place', async () => {
    await expect(payload.preview).toContainText(syntax);
    await expect(payload.preview).toContainText('No rows: the payload has a syntax error.');
    await expect(payload.preview).not.toContainText(/not an (array|object)/);
    await expect(payload.problemGroup('Syntax error')).toBeVisible();
    await expect(payload.problem(syntax)).toBeVisible();
    await expect(payload.summary).toContainText(syntax);
  });

  await test.step('The run preflight says so too, and sends nothing', async () => {
    await console_.runTest();
    const alert = console_.region.getByRole('alert').filter({ hasText: 'Not sent.' });
    await expect(alert).toContainText(syntax);
    await expect(alert).not.toContainText(/not an (array|object)/);
  });
});
