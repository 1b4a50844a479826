import type { Page } from '@playwright/test';
import { CommandPalettePage } from './pages/command-palette.ts';
import { DesignerPage } from './pages/designer-page.ts';
import { InboxPage } from './pages/inbox-page.ts';
import { PayloadPage } from './pages/payload-page.ts';
import { RunConsole } from './pages/run-console.ts';
import { WorkspacePage } from './pages/workspace-page.ts';
import { axeFailures } from './support/axe-audit.ts';
import { expect, test } from './support/fixtures.ts';

/** Soft, so one run lists the failures of every screen; the test fails if any screen has one. */
async function expectNoViolations(page: Page, label: string, scope?: string): Promise<void> {
  expect.soft(await axeFailures(page, scope), `axe failures in ${label}`).toEqual([]);
}

const PAYLOAD_WITH_ERRORS = JSON.stringify([
  { company_name: 'Acme', employee_count: 'five', website: 'https://acme.example' },
  { website: 'https://no-name.example' },
]);

for (const theme of ['light', 'dark'] as const) {
  test(`the main screens pass axe's WCAG A/AA rules and best practices (${theme} theme)`, async ({
    page,
  }) => {
    const designer = new DesignerPage(page);
    const payload = new PayloadPage(page);
    const console_ = new RunConsole(page);
    const inbox = new InboxPage(page);
    const palette = new CommandPalettePage(page);
    const workflowName = `A11y ${theme}`;

    await test.step(`Open the app and choose the ${theme} theme in the header`, async () => {
      await designer.goto();
      await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    });

    await test.step('Start from the example spec; a payload with errors', async () => {
      await designer.startFromExample();
      await payload.waitForEditor();
      await payload.replaceText(PAYLOAD_WITH_ERRORS);
      await expect(payload.summary).toContainText(/\d+ errors?/);
      await expect(payload.problems).toBeVisible();
    });

    await test.step('The save-workflow dialog', async () => {
      await console_.region.getByRole('button', { name: 'Save workflow' }).click();
      const dialog = page.getByRole('dialog', { name: /^Save workflow to / });
      await dialog.getByLabel('Workflow name').fill(workflowName);
      await expect(dialog.getByLabel(/^Block 1 /)).toBeVisible();
      await expectNoViolations(page, 'the save-workflow dialog', 'dialog[open]');
      await dialog.getByRole('button', { name: /^(Create|Update) workflow$/ }).click();
      await expect(dialog).toBeHidden();
    });

    await test.step('The workspace: spec, payload with problems, a finished run', async () => {
      await payload.replaceText(
        JSON.stringify([
          { company_name: 'Acme', website: 'https://acme.example' },
          { company_name: 'Globex', website: 'https://globex.example' },
        ]),
      );
      await expect(payload.summary).toContainText('0 errors');
      await console_.runTest();
      await console_.expectStatus('completed');
      await expect(console_.results.getByRole('table')).toBeVisible();
      // The errors back in the payload, so the problems list shows beside the results.
      await payload.replaceText(PAYLOAD_WITH_ERRORS);
      await expect(payload.problems).toBeVisible();
      await expectNoViolations(page, 'the workspace');
    });

    await test.step('The open-workflow dialog', async () => {
      await console_.region.getByRole('button', { name: 'Open workflow', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: /^Open a workflow from / });
      await dialog.getByRole('searchbox', { name: 'Search workflows' }).fill(workflowName);
      await expect(dialog.getByRole('button', { name: `Open ${workflowName}` })).toBeVisible();
      await expectNoViolations(page, 'the open-workflow dialog', 'dialog[open]');
      // In a filled search field the browser's first Escape clears it; the next one closes.
      await page.keyboard.press('Escape');
      await expect(dialog.getByRole('searchbox', { name: 'Search workflows' })).toHaveValue('');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    });

    await test.step('The inbox, a request opened', async () => {
      // The run above went through POST /workflows/run, so the inbox recorded it.
      await inbox.open(inbox.table.getByRole('row').filter({ hasText: workflowName }).first());
      await expect(inbox.details).toBeVisible();
      await expectNoViolations(page, 'the inbox', 'section.inbox');
    });

    await test.step('The command palette', async () => {
      await palette.open();
      await expectNoViolations(page, 'the command palette', 'dialog[open]');
      await page.keyboard.press('Escape');
      await expect(palette.dialog).toBeHidden();
    });
  });
}

test('at 1024×768 each tab of the workspace passes axe (light and dark)', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const designer = new DesignerPage(page);
  const payload = new PayloadPage(page);
  const workspace = new WorkspacePage(page);

  await test.step('The example spec and a payload with errors', async () => {
    await designer.goto();
    await designer.startFromExample();
    await workspace.tab('Payload').click();
    await payload.waitForEditor();
    await payload.replaceText(PAYLOAD_WITH_ERRORS);
    await expect(payload.problems).toBeVisible();
  });

  for (const theme of ['light', 'dark'] as const) {
    await test.step(`Every tab in the ${theme} theme`, async () => {
      await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      for (const tab of ['Spec', 'Payload', 'Run'] as const) {
        await workspace.tab(tab).click();
        await expect(workspace.tabPanel(tab)).toBeVisible();
        await expectNoViolations(page, `the ${tab} tab at 1024 px (${theme})`);
      }
    });
  }
});
