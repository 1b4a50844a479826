import { DesignerPage } from './pages/designer-page.ts';
import { PayloadPage, payloadFixture } from './pages/payload-page.ts';
import { expect, test } from './support/fixtures.ts';

const MINE = '[{"email": "mine@example.com"}]';
/** The dataset preview names the payload on screen by its row count. */
const shows = (count: number): RegExp => new RegExp(`(^|\\D)${String(count)} rows? ·`);

test('replacing a payload that has edits asks first, and can be undone', async ({ page }) => {
  const designer = new DesignerPage(page);
  const payload = new PayloadPage(page);
  const csv = payloadFixture('leads.csv').path;
  const question = page.getByRole('dialog', { name: 'Replace the sample payload?' });
  const replaced = payload.region.getByRole('status', { name: 'Payload replaced' });

  await test.step('Type a payload of one row', async () => {
    await designer.goto();
    await payload.waitForEditor();
    await payload.replaceText(MINE);
    await expect(payload.preview).toContainText(shows(1));
  });

  await test.step('Import a CSV over it: asked first; Cancel keeps the typed payload', async () => {
    await payload.importFile(csv);
    await expect(question).toBeVisible();
    await expect(question).toContainText('leads.csv');
    await question.getByRole('button', { name: 'Cancel' }).click();
    await expect(question).toBeHidden();
    await expect(payload.preview).toContainText(shows(1));
    await expect(payload.importResult).toBeHidden();
  });

  await test.step('Import it again and replace: the CSV is in, with a way back', async () => {
    await payload.importFile(csv);
    await question.getByRole('button', { name: 'Replace' }).click();
    await expect(payload.importResult).toContainText('as a JSON array of 3 rows');
    await expect(payload.preview).toContainText(shows(3));
    await expect(replaced).toContainText('Replaced the payload with leads.csv.');
  });

  await test.step('Undo brings the typed payload back; the CSV banner goes with the CSV', async () => {
    await replaced.getByRole('button', { name: 'Undo' }).click();
    await expect(payload.preview).toContainText(shows(1));
    await expect(payload.importResult).toBeHidden();
    await expect(replaced).toBeHidden();
  });

  await test.step('Load webhook_input over edits asks too', async () => {
    await designer.addColumn({ name: 'email' });
    await payload.chooseMoreAction('Save as webhook_input');
    await payload.replaceText('[{"email": "a@example.com"}, {"email": "b@example.com"}]');
    await expect(payload.preview).toContainText(shows(2));
    await payload.chooseMoreAction('Load webhook_input');
    await expect(question).toContainText('webhook_input');
    await question.getByRole('button', { name: 'Replace' }).click();
    await expect(payload.preview).toContainText(shows(1));
    await replaced.getByRole('button', { name: 'Undo' }).click();
    await expect(payload.preview).toContainText(shows(2));
  });
});

test('the CSV import banner goes when the payload is replaced', async ({ page }) => {
  const designer = new DesignerPage(page);
  const payload = new PayloadPage(page);

  await test.step('Import a CSV into the empty payload: nothing to ask', async () => {
    await designer.goto();
    await payload.waitForEditor();
    await payload.importFile(payloadFixture('leads.csv').path);
    await expect(payload.importResult).toContainText('as a JSON array of 3 rows');
  });

  await test.step('Replace the whole text by hand: the banner about the CSV goes', async () => {
    await payload.replaceText(MINE);
    await expect(payload.preview).toContainText(shows(1));
    await expect(payload.importResult).toBeHidden();
  });
});
