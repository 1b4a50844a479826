import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/payload/', import.meta.url));

/** A sample file's path and text (tests compute where things sit in it). */
export function payloadFixture(name: string): { path: string; text: string } {
  const file = path.join(FIXTURES, name);
  return { path: file, text: readFileSync(file, 'utf8') };
}

/** The sample payload and the dataset preview, as a user sees them: roles and names only. */
export class PayloadPage {
  readonly region: Locator;
  readonly editor: Locator;
  readonly summary: Locator;
  readonly problems: Locator;
  /** The problems panel: the severity filter, the grouped list and the group fixes. */
  readonly problemsRegion: Locator;
  readonly preview: Locator;
  readonly importButton: Locator;
  readonly inferButton: Locator;
  /** The toolbar's menu button holding Export JSON, Save as / Load webhook_input. */
  readonly moreActions: Locator;
  readonly importResult: Locator;
  readonly cursor: Locator;
  /** Shown under the editor while a large text goes in (the editor is read-only meanwhile). */
  readonly editorLoading: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Sample payload', exact: true });
    this.editor = this.region.getByRole('textbox', { name: 'Sample payload, JSON' });
    this.summary = this.region.getByRole('status', { name: 'Validation summary' });
    this.problemsRegion = this.region.getByRole('region', { name: 'Problems' });
    this.problems = this.problemsRegion.getByRole('list', { name: 'Problems' });
    this.preview = page.getByRole('region', { name: 'Dataset preview', exact: true });
    this.importButton = this.region.getByRole('button', { name: 'Import payload' });
    this.inferButton = this.region.getByRole('button', { name: 'Infer columns' });
    this.moreActions = this.region.getByRole('button', { name: 'More actions' });
    this.importResult = this.region.getByRole('status', { name: 'Import result' });
    this.cursor = this.region.getByText(/^Ln \d+, Col \d+$/);
    this.editorLoading = this.region.getByText('Loading into the editor…');
  }

  /** Opens "More actions" and chooses one of its items, by mouse as a user would. */
  async chooseMoreAction(
    name: 'Export JSON' | 'Save as webhook_input' | 'Load webhook_input',
  ): Promise<void> {
    await this.moreActions.click();
    const menu = this.region.getByRole('menu', { name: 'More actions' });
    await menu.getByRole('menuitem', { name }).click();
    await expect(menu).toBeHidden();
  }

  async waitForEditor(): Promise<void> {
    await expect(this.editor).toBeAttached();
  }

  /** Imports a file the way a user does: the button opens the file chooser. */
  async importFile(filePath: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.importButton.click();
    await (await chooser).setFiles(filePath);
  }

  /**
   * Replaces the editor's text: focus, select all, delete, then type it in one go. Inserting
   * over the selection directly leaves a few characters of the old text behind in Monaco
   * (its textarea diff keeps a common suffix), which a user's paste does not do.
   */
  async replaceText(text: string): Promise<void> {
    await this.editor.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    if (text !== '') await this.page.keyboard.insertText(text);
  }

  /** One group of the problems list ("employees of the wrong type in 30 rows"). */
  problemGroup(label: string | RegExp): Locator {
    return this.problems.getByRole('listitem').filter({ hasText: label }).first();
  }

  /**
   * Opens the editor's quick fixes where the cursor is (Ctrl+.) and picks one by its title.
   * Monaco's menu is a listbox of options named "<title>, Quick Fix".
   */
  async applyQuickFix(title: string | RegExp): Promise<void> {
    await this.editor.focus();
    await this.page.keyboard.press('ControlOrMeta+.');
    const menu = this.page.getByRole('listbox', { name: 'Action Widget' });
    await menu.getByRole('option', { name: title }).click();
    await expect(menu).toBeHidden();
  }

  /** The "Infer columns" dialog. */
  inferDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Infer columns' });
  }

  /** One proposed column's row in the "Infer columns" table, found by its row header. */
  inferRow(dialog: Locator, column: string): Locator {
    return dialog.getByRole('row').filter({
      has: this.page.getByRole('rowheader', { name: new RegExp(`^${column}\\b`) }),
    });
  }

  problem(name: string | RegExp): Locator {
    return this.problems.getByRole('button', { name });
  }

  previewRow(rowNumber: number): Locator {
    return this.preview.getByRole('row').filter({
      has: this.page.getByRole('rowheader', { name: String(rowNumber), exact: true }),
    });
  }

  /** 1-based line of the first occurrence of `needle` in `text`. */
  static lineOf(text: string, needle: string): number {
    const at = text.indexOf(needle);
    if (at < 0) throw new Error(`"${needle}" is not in the fixture`);
    return text.slice(0, at).split('\n').length;
  }
}
