import { expect, type Locator, type Page } from '@playwright/test';

/** The app's test-run console, by role and accessible name. */
export class RunConsole {
  readonly page: Page;
  readonly region: Locator;
  readonly target: Locator;
  readonly runButton: Locator;
  readonly cancelButton: Locator;
  readonly status: Locator;
  readonly results: Locator;
  readonly history: Locator;
  readonly override: Locator;
  readonly overrideEditor: Locator;
  readonly effectiveSpec: Locator;

  constructor(page: Page) {
    this.page = page;
    this.region = page.getByRole('region', { name: 'Test run' });
    this.target = page.getByRole('radiogroup', { name: 'Target' });
    this.runButton = this.region.getByRole('button', { name: 'Run test' });
    this.cancelButton = this.region.getByRole('button', { name: 'Cancel run' });
    this.status = this.region.getByRole('status', { name: 'Run status' });
    this.results = this.region.getByRole('region', { name: 'Results' });
    this.history = this.region.getByRole('region', { name: 'Run history' });
    this.override = this.region.getByRole('region', { name: 'Specs override' });
    this.overrideEditor = this.override.getByRole('textbox', { name: 'specs_override JSON' });
    this.effectiveSpec = this.region.getByRole('region', { name: 'Effective spec' });
  }

  /**
   * Replaces the override editor's text the way a user would: select all and paste (typing
   * would go through the editor's auto-closing brackets).
   */
  async typeOverride(text: string): Promise<void> {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await this.page.evaluate((value) => navigator.clipboard.writeText(value), text);
    await this.overrideEditor.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('ControlOrMeta+V');
    await expect(this.override.getByText('The override is not valid JSON')).toHaveCount(0);
  }

  /** Cells of the effective spec marked as changed by the override. */
  changedCells(): Locator {
    return this.effectiveSpec
      .getByRole('cell')
      .filter({ has: this.page.getByText('changed', { exact: true }) });
  }

  /** The live status's block rows (one list item per block). */
  blockItems(): Locator {
    return this.region
      .getByRole('list')
      .filter({ has: this.page.getByRole('progressbar') })
      .getByRole('listitem');
  }

  /** Opens the app: this project's server, or another one by absolute URL. */
  async open(url = '/'): Promise<void> {
    await this.page.goto(url);
    await expect(this.region).toBeVisible();
  }

  /** Designs a spec through the designer's own "Import spec" dialog. */
  async designSpec(spec: unknown): Promise<void> {
    await this.page.getByRole('button', { name: 'Import spec' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Import spec' });
    await dialog.getByLabel('Spec JSON to import').fill(JSON.stringify(spec, null, 2));
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(dialog).toBeHidden();
  }

  async chooseTarget(label: 'Local sandbox' | 'Sixtyfour'): Promise<void> {
    await this.target.getByRole('radio', { name: label }).check();
  }

  /** Saves the designed spec as a new workflow, webhook → the first enrichment offered. */
  async saveWorkflow(name: string): Promise<void> {
    await this.region.getByRole('button', { name: 'Save workflow' }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Save workflow to / });
    await dialog.getByLabel('Workflow name').fill(name);
    await expect(dialog.getByLabel(/^Block 1 /)).toBeVisible();
    await dialog.getByRole('button', { name: /^(Create|Update) workflow$/ }).click();
    await expect(dialog).toBeHidden();
    await expect(this.region.getByText(name, { exact: true })).toBeVisible();
  }

  /** Opens a workflow saved on the current target, as after a reload (which forgets it). */
  async openWorkflow(name: string): Promise<void> {
    await this.region.getByRole('button', { name: 'Open workflow', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Open a workflow from / });
    // The list renders only the rows in view: search, as a user with many workflows would.
    await dialog.getByRole('searchbox', { name: 'Search workflows' }).fill(name);
    await dialog.getByRole('button', { name: `Open ${name}`, exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(this.region.getByText(name, { exact: true })).toBeVisible();
  }

  async runTest(): Promise<void> {
    await expect(this.runButton).toBeEnabled();
    await this.runButton.click();
  }

  async expectStatus(
    word: 'queued' | 'running' | 'completed' | 'failed' | 'cancelled',
    timeout = 20_000,
  ) {
    await expect(this.status).toContainText(word, { timeout, ignoreCase: true });
  }

  /** Result rows as the table shows them (header excluded), each cell's text by column. */
  async resultRows(): Promise<Record<string, string>[]> {
    const table = this.results.getByRole('table');
    // A column the workflow added carries a "simulated" (or "added") mark after its name.
    const headers = (await table.getByRole('columnheader').allInnerTexts()).map((text) =>
      text.replace(/\s*(simulated|added)$/, ''),
    );
    const rows = table.getByRole('row');
    const count = await rows.count();
    const out: Record<string, string>[] = [];
    for (let index = 1; index < count; index += 1) {
      const cells = await rows.nth(index).getByRole('cell').allInnerTexts();
      out.push(
        Object.fromEntries(headers.map((header, column) => [header.trim(), cells[column] ?? ''])),
      );
    }
    return out;
  }

  /** The "Re-run" button of one history row. */
  rerunButton(row: Locator): Locator {
    return row.getByRole('button', { name: /^Re-run/ });
  }

  historyRows(): Locator {
    return this.history
      .getByRole('table')
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell') });
  }
}
