import { expect, type Locator, type Page } from '@playwright/test';

/** The workspace's panes, their separators and (on narrow screens) their tabs. */
export class WorkspacePage {
  readonly specSeparator: Locator;
  readonly payloadSeparator: Locator;
  readonly tabs: Locator;

  constructor(readonly page: Page) {
    this.specSeparator = page.getByRole('separator', { name: 'Resize the spec pane' });
    this.payloadSeparator = page.getByRole('separator', {
      name: 'Resize the payload and run panes',
    });
    this.tabs = page.getByRole('tablist', { name: 'Workspace panes' });
  }

  tab(name: 'Spec' | 'Payload' | 'Run'): Locator {
    return this.tabs.getByRole('tab', { name, exact: true });
  }

  /** The tab panel a tab controls (named by the tab). */
  tabPanel(name: 'Spec' | 'Payload' | 'Run'): Locator {
    return this.page.getByRole('tabpanel', { name, exact: true });
  }

  async separatorValue(separator: Locator): Promise<number> {
    return Number(await separator.getAttribute('aria-valuenow'));
  }

  /** The page's own scroll extent beyond the viewport, across and down. */
  async pageOverflow(): Promise<{ x: number; y: number }> {
    return this.page.evaluate(() => ({
      x: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      y: document.documentElement.scrollHeight - document.documentElement.clientHeight,
    }));
  }

  async expectNoPageScroll(): Promise<void> {
    await expect.poll(() => this.pageOverflow()).toEqual({ x: 0, y: 0 });
  }
}
