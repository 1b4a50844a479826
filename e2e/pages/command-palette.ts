import { expect, type Locator, type Page } from '@playwright/test';

/** The command palette (Ctrl/Cmd+K) and the shortcut list (Ctrl/Cmd+/). */
export class CommandPalettePage {
  readonly dialog: Locator;
  readonly search: Locator;
  readonly commands: Locator;
  readonly shortcuts: Locator;
  readonly guide: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Command palette' });
    this.search = this.dialog.getByRole('combobox', { name: 'Search commands' });
    this.commands = this.dialog.getByRole('listbox', { name: 'Commands' });
    this.shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    this.guide = page.getByRole('region', { name: 'Getting started' });
  }

  async open(): Promise<void> {
    // On a cold first page the first Ctrl+K was once lost while the editor took focus (seen
    // once in CI-like runs, cause not found yet); the shortcut only ever opens, so pressing
    // again is what a user would do and cannot close it.
    await expect(async () => {
      await this.page.keyboard.press('ControlOrMeta+K');
      await expect(this.dialog).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 10_000 });
    await expect(this.search).toBeFocused();
  }

  /** Filters by `query` and runs the first command left, with Enter. */
  async run(query: string, label: string | RegExp): Promise<void> {
    await this.open();
    await this.search.fill(query);
    await expect(this.commands.getByRole('option').first()).toHaveText(label);
    await this.page.keyboard.press('Enter');
    await expect(this.dialog).toBeHidden();
  }
}
