import { DesignerPage } from './pages/designer-page.ts';
import { PayloadPage } from './pages/payload-page.ts';
import { RunConsole } from './pages/run-console.ts';
import { WorkspacePage } from './pages/workspace-page.ts';
import { companies, companySpec } from './support/company-rows.ts';
import { expect, test } from './support/fixtures.ts';

/**
 * The row above the payload editor holds its title, actions and "Judged against" status on
 * one line: no taller than one button plus less than a second one.
 */
async function expectPayloadHeaderOneLine(payload: PayloadPage): Promise<void> {
  const header = payload.region
    .getByRole('heading', { name: 'Sample payload', exact: true })
    .locator('xpath=..');
  await expect(header.getByRole('status', { name: 'Judged against' })).toBeVisible();
  const headerBox = await header.boundingBox();
  const buttonBox = await payload.importButton.boundingBox();
  if (!headerBox || !buttonBox) throw new Error('The payload header is not laid out.');
  expect(
    headerBox.height,
    `header ${headerBox.height} px high, a button ${buttonBox.height} px`,
  ).toBeLessThan(buttonBox.height * 2);
}

/**
 * The row under the payload editor holds the cursor, the size, the rows and the judge's time on
 * one line, none cut short; where a label is shortened, its title holds the whole text.
 */
async function expectPayloadFooterOneLine(payload: PayloadPage): Promise<void> {
  const footer = payload.cursor.locator('xpath=..');
  await expect(footer).toContainText(/Judged in \d+ ms/);
  const items = await footer.evaluate((row) =>
    [...row.children].map((item) => ({
      text: item.textContent,
      top: item.getBoundingClientRect().top,
      cut: item.scrollWidth > item.clientWidth,
    })),
  );
  expect(new Set(items.map((item) => item.top)).size, JSON.stringify(items)).toBe(1);
  expect(items.filter((item) => item.cut)).toEqual([]);
  const footerBox = await footer.boundingBox();
  const cursorBox = await payload.cursor.boundingBox();
  if (!footerBox || !cursorBox) throw new Error('The payload footer is not laid out.');
  expect(
    footerBox.height,
    `footer ${footerBox.height} px high, a line ${cursorBox.height} px`,
  ).toBeLessThan(cursorBox.height * 2);
  await expect(footer.getByTitle(/^Judged in \d+ ms$/)).toBeVisible();
  await expect(footer.getByTitle(/^[\d.]+ (bytes|KB|MB) of 10\.0 MB$/)).toBeVisible();
  await expect(footer.getByTitle(/^[\d,]+ of 100,000 rows$/)).toBeVisible();
}

test('at 1280×800 the spec, the payload editor and "Run test" are all in view', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const designer = new DesignerPage(page);
  const payload = new PayloadPage(page);
  const run = new RunConsole(page);
  const workspace = new WorkspacePage(page);

  await test.step('Open the app and start from the example spec', async () => {
    await designer.goto();
    await designer.startFromExample();
  });

  await test.step('The example fills the empty sample payload, judged at once', async () => {
    await expect(payload.summary).toContainText('0 errors');
    await expect(payload.summary).not.toContainText('No payload yet');
  });

  await test.step('The columns table, the payload editor and "Run test" are within the viewport', async () => {
    await expect(designer.blockSpec.getByRole('table')).toBeInViewport();
    await expect(payload.editor).toBeInViewport();
    await expect(run.runButton).toBeInViewport();
    await workspace.expectNoPageScroll();
  });

  await test.step('Every type select and column name shows whole, even the longest type', async () => {
    await designer.columnRows
      .nth(2)
      .getByRole('combobox', { name: 'Type' })
      .selectOption('list[integer]');
    const cut = await designer.blockSpec
      .getByRole('table')
      .locator('select, input[type="text"], input:not([type])')
      .evaluateAll((controls) => {
        const context = document.createElement('canvas').getContext('2d');
        if (!context) throw new Error('No canvas');
        return controls.flatMap((control) => {
          if (!(control instanceof HTMLSelectElement || control instanceof HTMLInputElement))
            return [];
          const text =
            control instanceof HTMLSelectElement
              ? (control.selectedOptions[0]?.text ?? '')
              : control.value;
          const style = getComputedStyle(control);
          context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const room =
            control.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          const needed = context.measureText(text).width;
          return needed > room && control.getAttribute('aria-label') !== 'Description'
            ? [`${text}: ${Math.round(needed)} px in ${Math.round(room)}`]
            : [];
        });
      });
    expect(cut).toEqual([]);
  });

  await test.step('The payload toolbar is one line', async () => {
    const toolbar = payload.region.getByRole('toolbar', { name: 'Sample payload actions' });
    const tops = await toolbar
      .getByRole('button')
      .evaluateAll((buttons) => buttons.map((button) => button.getBoundingClientRect().top));
    expect(tops.length).toBeGreaterThan(1);
    expect(new Set(tops).size, `button tops ${tops.join(', ')}`).toBe(1);
  });

  await test.step('The payload pane header (title, actions, status) is one line', async () => {
    await expectPayloadHeaderOneLine(payload);
  });

  await test.step('The payload editor footer (cursor, size, rows, judge time) is one line', async () => {
    await expectPayloadFooterOneLine(payload);
  });

  await test.step('"Copied" shows without moving the button', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const copy = designer.blockView.getByRole('button', { name: 'Copy block' });
    await copy.scrollIntoViewIfNeeded();
    const before = await copy.boundingBox();
    await copy.click();
    await expect(designer.blockView.getByText('Copied')).toBeVisible();
    expect(await copy.boundingBox()).toEqual(before);
  });

  await test.step('The spec pane resizes by keyboard, and the size survives a reload', async () => {
    const before = await workspace.separatorValue(workspace.specSeparator);
    await workspace.specSeparator.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(workspace.specSeparator).toHaveAttribute('aria-valuenow', String(before - 4));
    await page.keyboard.press('Shift+ArrowDown');
    await workspace.payloadSeparator.focus();
    await page.keyboard.press('Shift+ArrowUp');
    const payloadSize = await workspace.separatorValue(workspace.payloadSeparator);
    await page.reload();
    await expect(workspace.specSeparator).toHaveAttribute('aria-valuenow', String(before - 4));
    await expect(workspace.payloadSeparator).toHaveAttribute('aria-valuenow', String(payloadSize));
  });
});

test('at 1280×800 a run just started comes into view, and so does one opened from history', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const run = new RunConsole(page);
  await run.open();
  await run.designSpec(companySpec(companies(3)));
  await run.saveWorkflow('E2E in view');

  await test.step('Judged against the saved workflow, the payload header is one line', async () => {
    const payload = new PayloadPage(page);
    await expect(page.getByRole('status', { name: 'Judged against' })).toContainText('E2E in view');
    await expectPayloadHeaderOneLine(payload);
  });

  await test.step('"Run test": the run status scrolls into view and ends completed', async () => {
    await run.runTest();
    await expect(run.status).toBeInViewport();
    await run.expectStatus('completed');
  });

  await test.step('A run opened from the history comes into view too', async () => {
    await run.runTest();
    await expect(run.historyRows()).toHaveCount(2);
    await run.runButton.scrollIntoViewIfNeeded();
    await expect(run.status).not.toBeInViewport();
    await run
      .historyRows()
      .last()
      .getByRole('button', { name: /^Open run started/ })
      .click();
    await expect(run.status).toBeInViewport();
  });
});

test('at 1024×768 the panes are tabs and nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const designer = new DesignerPage(page);
  const payload = new PayloadPage(page);
  const run = new RunConsole(page);
  const workspace = new WorkspacePage(page);

  await test.step('Open the app: the spec tab is showing', async () => {
    await designer.goto();
    await designer.blockSpec.getByRole('button', { name: 'Start from an example' }).click();
    await expect(workspace.tab('Spec')).toHaveAttribute('aria-selected', 'true');
    await expect(workspace.tabPanel('Spec')).toBeVisible();
    await expect(designer.blockSpec.getByRole('table')).toBeInViewport();
    await expect(workspace.specSeparator).toHaveCount(0);
  });

  await test.step('No horizontal scroll on any tab', async () => {
    await workspace.expectNoPageScroll();
    await workspace.tab('Payload').click();
    await expect(payload.editor).toBeInViewport();
    await expectPayloadFooterOneLine(payload);
    await workspace.expectNoPageScroll();
    // Arrow keys move between the tabs, as in any tab list.
    await workspace.tab('Payload').focus();
    await page.keyboard.press('ArrowRight');
    await expect(workspace.tab('Run')).toBeFocused();
    await expect(run.runButton).toBeInViewport();
    await expect(payload.editor).toBeHidden();
    await workspace.expectNoPageScroll();
  });
});

test('"More actions" in the payload toolbar is a menu run by keyboard', async ({ page }) => {
  const designer = new DesignerPage(page);
  const payload = new PayloadPage(page);
  const menu = payload.region.getByRole('menu', { name: 'More actions' });
  const item = (name: string) => menu.getByRole('menuitem', { name });

  await test.step('A payload to act on', async () => {
    await designer.goto();
    await payload.waitForEditor();
    await payload.replaceText('[{"company_name": "Menu Co"}]');
    await expect(payload.summary).toContainText('1 advisory column');
  });

  await test.step('ArrowDown opens it on the first item; arrows, Home and End move', async () => {
    await expect(payload.moreActions).toHaveAttribute('aria-expanded', 'false');
    await payload.moreActions.focus();
    await page.keyboard.press('ArrowDown');
    await expect(payload.moreActions).toHaveAttribute('aria-expanded', 'true');
    await expect(item('Export JSON')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(item('Save as webhook_input')).toBeFocused();
    await page.keyboard.press('End');
    await expect(item('Load webhook_input')).toBeFocused();
    // The spec has no webhook_input yet: the item is there, focusable, and disabled.
    await expect(item('Load webhook_input')).toBeDisabled();
    await page.keyboard.press('ArrowDown');
    await expect(item('Export JSON')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(item('Load webhook_input')).toBeFocused();
    await page.keyboard.press('Home');
    await expect(item('Export JSON')).toBeFocused();
    await page.keyboard.press('l');
    await expect(item('Load webhook_input')).toBeFocused();
  });

  await test.step('Escape closes it and focus goes back to the button', async () => {
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(payload.moreActions).toBeFocused();
    await expect(payload.moreActions).toHaveAttribute('aria-expanded', 'false');
  });

  await test.step('Enter opens it; Enter on an item does it and closes the menu', async () => {
    await page.keyboard.press('Enter');
    await expect(item('Export JSON')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(menu).toBeHidden();
    await expect(payload.moreActions).toBeFocused();
    await expect
      .poll(async () => JSON.stringify(await designer.webhookBlock()))
      .toContain('Menu Co');
  });

  await test.step('Now there is a webhook_input to load; a click elsewhere closes the menu', async () => {
    await payload.moreActions.click();
    await expect(item('Load webhook_input')).toBeEnabled();
    // The pane's title: the menu, open under the header's last button, covers the summary.
    await payload.region.getByRole('heading', { name: 'Sample payload', exact: true }).click();
    await expect(menu).toBeHidden();
  });
});
