import type { Locator, Page } from '@playwright/test';

/** The Inbox region: recorded run requests and the one opened, by role and accessible name. */
export class InboxPage {
  readonly region: Locator;
  readonly table: Locator;
  readonly details: Locator;
  readonly openAsSample: Locator;
  /** The recorded body (Monaco), its findings marked. */
  readonly body: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Inbox', exact: true });
    this.table = this.region.getByRole('table');
    this.details = this.region.getByRole('region', { name: /^Request \d+/ });
    this.openAsSample = this.region.getByRole('button', { name: 'Open as sample' });
    this.body = this.details.getByRole('group', { name: 'Request body', exact: true });
  }

  /** The table row of the request that went to `workflowId`, newest first. */
  row(workflowId: string): Locator {
    return this.table.getByRole('row').filter({ hasText: workflowId }).first();
  }

  /** Monaco's underlines of the markers on the body: the judge's findings, where they are. */
  bodyMarkers(severity: 'error' | 'warning'): Locator {
    return this.body.locator(`.squiggly-${severity}`);
  }

  async open(row: Locator): Promise<void> {
    await row.getByRole('button', { name: /^Open request/ }).click();
  }
}
