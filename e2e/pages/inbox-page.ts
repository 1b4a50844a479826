import type { Locator, Page } from '@playwright/test';

/** The Inbox region: recorded run requests and the one opened, by role and accessible name. */
export class InboxPage {
  readonly region: Locator;
  readonly table: Locator;
  readonly details: Locator;
  readonly openAsSample: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Inbox', exact: true });
    this.table = this.region.getByRole('table');
    this.details = this.region.getByRole('region', { name: /^Request \d+/ });
    this.openAsSample = this.region.getByRole('button', { name: 'Open as sample' });
  }

  /** The table row of the request that went to `workflowId`, newest first. */
  row(workflowId: string): Locator {
    return this.table.getByRole('row').filter({ hasText: workflowId }).first();
  }

  async open(row: Locator): Promise<void> {
    await row.getByRole('button', { name: /^Open request/ }).click();
  }
}
