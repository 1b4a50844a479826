import { expect, type Locator, type Page } from '@playwright/test';
import type { FieldType } from '@core/spec/field-type.ts';

export type ColumnInput = {
  name: string;
  type?: FieldType;
  required?: boolean;
  description?: string;
};

/** The spec designer as a user sees it: by roles and names only. */
export class DesignerPage {
  readonly blockSpec: Locator;
  readonly specJson: Locator;
  readonly blockView: Locator;
  readonly addColumnButton: Locator;
  readonly columnRows: Locator;
  readonly dataframeType: Locator;
  readonly specJsonEditor: Locator;
  readonly specJsonStatus: Locator;
  readonly draftSelect: Locator;
  readonly draftStatus: Locator;

  constructor(readonly page: Page) {
    this.blockSpec = page.getByRole('region', { name: 'Block spec', exact: true });
    this.specJson = page.getByRole('region', { name: 'Spec JSON', exact: true });
    this.blockView = page.getByRole('region', { name: 'Webhook block', exact: true });
    this.addColumnButton = this.blockSpec.getByRole('button', { name: 'Add column' });
    this.columnRows = this.blockSpec
      .getByRole('row')
      .filter({ has: page.getByRole('textbox', { name: 'Column name' }) });
    this.dataframeType = this.blockSpec.getByRole('radiogroup', { name: 'Dataframe type' });
    this.specJsonEditor = this.specJson.getByRole('textbox', { name: 'Spec JSON editor' });
    this.specJsonStatus = this.specJson.getByText(/In step with the form|Line \d+, column \d+/);
    this.draftSelect = page.getByRole('combobox', { name: 'Draft', exact: true });
    this.draftStatus = page.getByRole('status', { name: 'Draft status' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.blockSpec).toBeVisible();
    // Monaco loads lazily; the editor's input appears once it is ready.
    await expect(this.specJsonEditor).toBeAttached();
  }

  /** "Start from an example": the example's three columns (and its rows, in an empty payload). */
  async startFromExample(): Promise<void> {
    await this.blockSpec.getByRole('button', { name: 'Start from an example' }).click();
    await expect(this.columnRows).toHaveCount(3);
  }

  row(index: number): Locator {
    return this.columnRows.nth(index);
  }

  nameInput(index: number): Locator {
    return this.row(index).getByRole('textbox', { name: 'Column name' });
  }

  descriptionInput(index: number): Locator {
    return this.row(index).getByRole('textbox', { name: 'Description' });
  }

  /** Removes a column; the table then offers to undo it until the next local add. */
  async removeColumn(index: number): Promise<void> {
    const count = await this.columnRows.count();
    await this.row(index).getByRole('button', { name: 'Remove column' }).click();
    await expect(this.columnRows).toHaveCount(count - 1);
  }

  /** The note after the table that offers to bring a removed column back. */
  undoRemoval(columnName: string): Locator {
    return this.blockSpec.getByText(`Removed “${columnName}”.`);
  }

  async addColumn(column: ColumnInput): Promise<void> {
    const count = await this.columnRows.count();
    await this.addColumnButton.click();
    await expect(this.columnRows).toHaveCount(count + 1);
    const row = this.row(count);
    await expect(row.getByRole('textbox', { name: 'Column name' })).toBeFocused();
    await this.fillRow(count, column);
  }

  async fillRow(index: number, column: ColumnInput): Promise<void> {
    const row = this.row(index);
    await row.getByRole('textbox', { name: 'Column name' }).fill(column.name);
    if (column.type) await row.getByRole('combobox', { name: 'Type' }).selectOption(column.type);
    if (column.required !== undefined)
      await row.getByRole('checkbox', { name: 'Required' }).setChecked(column.required);
    if (column.description !== undefined)
      await row.getByRole('textbox', { name: 'Description' }).fill(column.description);
  }

  async columnNames(): Promise<string[]> {
    const rows = await this.columnRows.all();
    return Promise.all(
      rows.map((row) => row.getByRole('textbox', { name: 'Column name' }).inputValue()),
    );
  }

  /** The complete block object as the "Webhook block" view shows it. */
  async webhookBlock(): Promise<unknown> {
    const text = await this.blockView.locator('pre').textContent();
    return JSON.parse(text ?? '') as unknown;
  }

  async expectBlockSpecs(expected: unknown): Promise<void> {
    await expect
      .poll(async () => ((await this.webhookBlock()) as { specs: unknown }).specs)
      .toEqual(expected);
  }

  /**
   * Replaces the JSON editor's text the way a user would: select all and paste. (Typing a
   * whole document would go through the editor's auto-closing brackets and indentation.)
   */
  async replaceSpecJson(text: string): Promise<void> {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await this.page.evaluate((value) => navigator.clipboard.writeText(value), text);
    await this.specJsonEditor.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('ControlOrMeta+V');
  }

  /** Types at the end of the JSON editor's text, key by key. */
  async typeAtEndOfSpecJson(text: string): Promise<void> {
    await this.specJsonEditor.focus();
    await this.page.keyboard.press('ControlOrMeta+End');
    await this.page.keyboard.type(text);
  }

  async chooseDraft(name: string): Promise<void> {
    await this.draftSelect.selectOption({ label: name });
    await expect(this.draftSelect.locator('option:checked')).toHaveText(name);
  }

  async expectSaved(): Promise<void> {
    await expect(this.page.getByText('Saved in this browser')).toBeVisible();
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }
}
