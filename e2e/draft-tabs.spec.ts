import type { Page } from '@playwright/test';
import { DesignerPage } from './pages/designer-page.ts';
import { expect, test } from './support/fixtures.ts';

/** Two pages on one draft: A adds a column, then B (opened before that) edits a description. */
async function editInTurn(pageA: Page, pageB: Page) {
  const a = new DesignerPage(pageA);
  const b = new DesignerPage(pageB);

  await test.step('Tab A starts a draft with one column', async () => {
    await a.goto();
    await a.addColumn({ name: 'email' });
    await expect(a.draftStatus).toContainText('Saved');
  });

  await test.step('Tab B opens the same draft', async () => {
    await b.goto();
    expect(await b.columnNames()).toEqual(['email']);
    await expect(b.draftStatus).toContainText('Saved');
  });

  await test.step('Tab A adds a column: tab B is told at once', async () => {
    await a.addColumn({ name: 'company' });
    await expect(a.draftStatus).toContainText('Saved');
    await expect(b.draftStatus).toContainText('Changed in another tab');
  });

  await test.step('Tab B edits a description: kept on screen, not saved over A', async () => {
    await b.descriptionInput(0).fill('Work email');
    await expect(b.draftStatus).toContainText('Changed in another tab');
    await expect(b.draftStatus).not.toContainText('Saved');
    await b.draftStatus.getByRole('button', { name: 'Show the difference' }).click();
    await expect(b.draftStatus.getByRole('listitem')).toHaveText([
      'Column “email”: string, “Work email” here; string there.',
      'Column “company”: only in the other tab.',
    ]);
  });

  return { a, b };
}

test('two tabs on one draft: B keeps its version as a new draft, A’s stays', async ({
  page,
  context,
}) => {
  const { b } = await editInTurn(page, await context.newPage());

  await test.step('Tab B keeps its version as a new draft', async () => {
    await b.draftStatus.getByRole('button', { name: 'Keep mine as a new draft' }).click();
    await expect(b.draftStatus).toContainText('Saved');
    await expect(b.draftSelect.locator('option:checked')).toHaveText('Untitled spec (mine)');
    expect(await b.columnNames()).toEqual(['email']);
    await expect(b.descriptionInput(0)).toHaveValue('Work email');
  });

  await test.step('A fresh tab finds both versions: nothing was lost', async () => {
    const fresh = new DesignerPage(await context.newPage());
    await fresh.goto();
    await fresh.chooseDraft('Untitled spec');
    expect(await fresh.columnNames()).toEqual(['email', 'company']);
    await fresh.chooseDraft('Untitled spec (mine)');
    await expect(fresh.descriptionInput(0)).toHaveValue('Work email');
  });
});

test('two tabs on one draft: B takes theirs and shows what is stored', async ({
  page,
  context,
}) => {
  const { b } = await editInTurn(page, await context.newPage());

  await test.step('Tab B takes the version from tab A', async () => {
    await b.draftStatus.getByRole('button', { name: 'Take theirs' }).click();
    await expect(b.draftStatus).toContainText('Saved');
    expect(await b.columnNames()).toEqual(['email', 'company']);
    await expect(b.descriptionInput(0)).toHaveValue('');
  });

  await test.step('B edits on from there: A hears of it, and a fresh tab has it all', async () => {
    await b.descriptionInput(1).fill('Employer');
    await expect(b.draftStatus).toContainText('Saved');
    const a = new DesignerPage(page);
    await expect(a.draftStatus).toContainText('Changed in another tab');
    await a.draftStatus.getByRole('button', { name: 'Take theirs' }).click();
    await expect(a.descriptionInput(1)).toHaveValue('Employer');
    const fresh = new DesignerPage(await context.newPage());
    await fresh.goto();
    expect(await fresh.columnNames()).toEqual(['email', 'company']);
    await expect(fresh.descriptionInput(1)).toHaveValue('Employer');
  });
});
