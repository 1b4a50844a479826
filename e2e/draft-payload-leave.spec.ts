import type { Page } from '@playwright/test';
import { DesignerPage } from './pages/designer-page.ts';
import { PayloadPage } from './pages/payload-page.ts';
import { expect, test } from './support/fixtures.ts';

const rows = (count: number): string =>
  JSON.stringify(
    Array.from({ length: count }, (_, index) => ({ email: `lead${String(index)}@example.com` })),
  );
/** The dataset preview names the payload on screen by its row count. */
const shows = (count: number): RegExp => new RegExp(`(^|\\D)${String(count)} rows? ·`);

/**
 * Does `action` in the page the moment `text` shows in the payload editor, in the same turn
 * of its event loop (a user leaving at once, on any machine): the judge's quiet time after
 * the keystroke cannot end first, as it could between two steps of a test.
 */
async function onceShown(
  page: Page,
  text: string,
  action: { selectDraft: string } | { reload: true },
): Promise<void> {
  const region = await new PayloadPage(page).region.elementHandle();
  const select = await new DesignerPage(page).draftSelect.elementHandle();
  await page.evaluate(
    ({ region, select, text, action }) => {
      const observer = new MutationObserver(() => {
        if (!region.textContent.includes(text)) return;
        observer.disconnect();
        if ('reload' in action) {
          location.reload();
          return;
        }
        if (!(select instanceof HTMLSelectElement)) throw new Error('No draft select');
        const option = [...select.options].find((each) => each.text === action.selectDraft);
        if (!option) throw new Error(`No draft ${action.selectDraft}`);
        select.value = option.value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      observer.observe(region, { subtree: true, childList: true, characterData: true });
    },
    { region, select, text, action },
  );
}

/*
 * The editor reports its text only when the judge reads it, a short quiet time after the last
 * keystroke. An edit made just before the draft is left or the page closes must be kept all
 * the same: these steps leave at once after typing, well inside that quiet time.
 */

test('a payload edit made just before switching drafts is kept in its draft', async ({ page }) => {
  const designer = new DesignerPage(page);
  const payload = new PayloadPage(page);

  await test.step('Two drafts; the first has a payload of one row', async () => {
    await designer.goto();
    await payload.waitForEditor();
    await payload.replaceText(rows(1));
    await expect(payload.preview).toContainText(shows(1));
    await page.getByRole('button', { name: 'New draft' }).click();
    const dialog = designer.dialog('New draft');
    await dialog.getByRole('textbox', { name: 'Draft name' }).fill('Second');
    await dialog.getByRole('button', { name: 'Create draft' }).click();
    await expect(designer.draftSelect.locator('option:checked')).toHaveText('Second');
  });

  await test.step('Back on the first, type two rows and switch away at once', async () => {
    await designer.chooseDraft('Untitled spec');
    await expect(payload.preview).toContainText(shows(1));
    await onceShown(page, 'lead1@', { selectDraft: 'Second' });
    await payload.replaceText(rows(2));
    await expect(designer.draftSelect.locator('option:checked')).toHaveText('Second');
  });

  await test.step('The first draft holds the two rows, here and after a reload', async () => {
    await designer.chooseDraft('Untitled spec');
    await expect(payload.preview).toContainText(shows(2));
    await expect(designer.draftStatus).toContainText('Saved');
    await page.reload();
    await expect(designer.draftSelect.locator('option:checked')).toHaveText('Untitled spec');
    await expect(payload.preview).toContainText(shows(2));
  });
});

test('a payload edit made just before a reload is kept', async ({ page }) => {
  const designer = new DesignerPage(page);
  const payload = new PayloadPage(page);
  await designer.goto();
  await payload.waitForEditor();
  await payload.replaceText(rows(1));
  await expect(payload.preview).toContainText(shows(1));
  await expect(designer.draftStatus).toContainText('Saved');

  const reloaded = page.waitForEvent('load');
  await onceShown(page, 'lead2@', { reload: true });
  await payload.replaceText(rows(3));
  await reloaded;
  await expect(payload.preview).toContainText(shows(3));
  await expect(designer.draftStatus).toContainText('Saved');
});
