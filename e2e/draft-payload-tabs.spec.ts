import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { benchPayload } from './bench/payload-sample.ts';
import { DesignerPage } from './pages/designer-page.ts';
import { PayloadPage } from './pages/payload-page.ts';
import { expect, test } from './support/fixtures.ts';

const rows = (count: number): string =>
  JSON.stringify(
    Array.from({ length: count }, (_, index) => ({ email: `lead${String(index)}@example.com` })),
  );
/** The dataset preview names the payload on screen by its row count (1, 2 or 3 here). */
const shows = (count: number): RegExp => new RegExp(`(^|\\D)${String(count)} rows? ·`);

/** Two pages on one draft: A changes the payload, then B (opened before) edits it too. */
async function editPayloadInTurn(pageA: Page, pageB: Page) {
  const a = { designer: new DesignerPage(pageA), payload: new PayloadPage(pageA) };
  const b = { designer: new DesignerPage(pageB), payload: new PayloadPage(pageB) };

  await test.step('Tab A types a payload of one row: saved once on screen is stored', async () => {
    await a.designer.goto();
    await a.payload.waitForEditor();
    await a.payload.replaceText(rows(1));
    await expect(a.payload.preview).toContainText(shows(1));
    await expect(a.designer.draftStatus).toContainText('Saved');
  });

  await test.step('Tab B opens the same draft with that payload', async () => {
    await b.designer.goto();
    await b.payload.waitForEditor();
    await expect(b.payload.preview).toContainText(shows(1));
    await expect(b.designer.draftStatus).toContainText('Saved');
  });

  await test.step('Tab A changes the payload: tab B is told at once', async () => {
    await a.payload.replaceText(rows(2));
    await expect(a.payload.preview).toContainText(shows(2));
    await expect(a.designer.draftStatus).toContainText('Saved');
    await expect(b.designer.draftStatus).toContainText('Changed in another tab');
  });

  await test.step('Tab B edits its payload too: kept on screen, not saved over A', async () => {
    await b.payload.replaceText(rows(3));
    await expect(b.payload.preview).toContainText(shows(3));
    await expect(b.designer.draftStatus).toContainText('Changed in another tab');
    await expect(b.designer.draftStatus).not.toContainText('Saved');
    await b.designer.draftStatus.getByRole('button', { name: 'Show the difference' }).click();
    await expect(b.designer.draftStatus.getByRole('listitem')).toHaveText([
      'Sample payload: edited here and changed there.',
    ]);
  });

  return { a, b };
}

test('two tabs edit one draft’s payload: B keeps its payload as a new draft, A’s stays', async ({
  page,
  context,
}) => {
  const { b } = await editPayloadInTurn(page, await context.newPage());

  await test.step('Tab B keeps its version as a new draft, payload included', async () => {
    await b.designer.draftStatus.getByRole('button', { name: 'Keep mine as a new draft' }).click();
    await expect(b.designer.draftSelect.locator('option:checked')).toHaveText(
      'Untitled spec (mine)',
    );
    await expect(b.payload.preview).toContainText(shows(3));
    await expect(b.designer.draftStatus).toContainText('Saved');
  });

  await test.step('A fresh tab finds both payloads: nothing was lost', async () => {
    const freshPage = await context.newPage();
    const designer = new DesignerPage(freshPage);
    const payload = new PayloadPage(freshPage);
    await designer.goto();
    await designer.chooseDraft('Untitled spec');
    await expect(payload.preview).toContainText(shows(2));
    await designer.chooseDraft('Untitled spec (mine)');
    await expect(payload.preview).toContainText(shows(3));
    await expect(designer.draftStatus).toContainText('Saved');
  });
});

test('two tabs edit one draft’s payload: B takes theirs and shows the stored payload', async ({
  page,
  context,
}) => {
  const { a, b } = await editPayloadInTurn(page, await context.newPage());

  await test.step('Tab B takes the version from tab A, payload included', async () => {
    await b.designer.draftStatus.getByRole('button', { name: 'Take theirs' }).click();
    await expect(b.payload.preview).toContainText(shows(2));
    await expect(b.designer.draftStatus).toContainText('Saved');
  });

  await test.step('B edits on from there: A hears of it and takes B’s payload', async () => {
    await b.payload.replaceText(rows(1));
    await expect(b.payload.preview).toContainText(shows(1));
    await expect(b.designer.draftStatus).toContainText('Saved');
    await expect(a.designer.draftStatus).toContainText('Changed in another tab');
    await a.designer.draftStatus.getByRole('button', { name: 'Take theirs' }).click();
    await expect(a.payload.preview).toContainText(shows(1));
  });
});

test('a draft saved before payloads were part of drafts opens with its payload', async ({
  page,
}) => {
  const designer = new DesignerPage(page);
  const payload = new PayloadPage(page);

  await test.step('The browser holds a draft in the old format, its payload beside it', async () => {
    await designer.goto();
    await page.evaluate((text) => {
      localStorage.clear();
      sessionStorage.clear();
      const draft = {
        id: 'old-draft',
        name: 'Old leads',
        model: { columns: [], dataframe_type: 'LEAD' },
        createdAt: 1,
        updatedAt: 1,
      };
      localStorage.setItem(
        'inlet.drafts.v2.doc.old-draft',
        JSON.stringify({ revision: 5, value: draft }),
      );
      localStorage.setItem('inlet.payload.v1.old-draft', text);
    }, rows(2));
  });

  await test.step('It opens with its payload, saved; and again after a reload', async () => {
    await page.reload();
    await expect(designer.draftSelect.locator('option:checked')).toHaveText('Old leads');
    await expect(payload.preview).toContainText(shows(2));
    await expect(designer.draftStatus).toContainText('Saved');
    await page.reload();
    await expect(payload.preview).toContainText(shows(2));
  });

  await test.step('An edit to it is kept like any other', async () => {
    await payload.replaceText(rows(3));
    await expect(payload.preview).toContainText(shows(3));
    await expect(designer.draftStatus).toContainText('Saved');
    await page.reload();
    await expect(payload.preview).toContainText(shows(3));
  });
});

test('a payload too large for localStorage is kept in the draft across a reload', async ({
  page,
}, testInfo) => {
  const designer = new DesignerPage(page);
  const payload = new PayloadPage(page);
  // 10,000 rows, about 3 MB: past what localStorage takes, so it goes to IndexedDB.
  const file = testInfo.outputPath('big-payload.json');
  await writeFile(file, benchPayload(10_000));

  await test.step('Import it: saved once it is stored', async () => {
    await designer.goto();
    await payload.waitForEditor();
    await payload.importFile(file);
    await expect(payload.preview).toContainText('10,000 rows');
    await expect(designer.draftStatus).toContainText('Saved');
  });

  await test.step('Reload: the draft opens with it', async () => {
    await page.reload();
    await expect(payload.preview).toContainText('10,000 rows');
    await expect(designer.draftStatus).toContainText('Saved');
  });
});
