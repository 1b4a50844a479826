import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The header's Sixtyfour key field, shown when the server holds no key of its own, and the
 * page's storage, to see where a typed key is (and is not) kept.
 */
export class SixtyfourKey {
  readonly page: Page;
  /** A password input has no ARIA role, so it is found by its label. */
  readonly field: Locator;
  readonly remember: Locator;

  constructor(page: Page) {
    this.page = page;
    this.field = page.getByLabel('Sixtyfour API key', { exact: true });
    this.remember = page.getByRole('checkbox', { name: 'Remember in this tab' });
  }

  async type(key: string): Promise<void> {
    await this.field.fill(key);
    await expect(this.field).toHaveValue(key);
  }

  /** Every item of the page's localStorage or sessionStorage, as `name=value` lines. */
  async storage(which: 'local' | 'session'): Promise<string> {
    // Runs in the page: evaluate() serialises the function, so it must stand alone.
    return this.page.evaluate((area) => {
      const store = area === 'local' ? window.localStorage : window.sessionStorage;
      return Array.from({ length: store.length }, (_, index) => {
        const name = store.key(index) ?? '';
        return `${name}=${store.getItem(name) ?? ''}`;
      }).join('\n');
    }, which);
  }
}
