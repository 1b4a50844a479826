import type { Locator, Page } from '@playwright/test';

/** The Inbox region: recorded run requests and the one opened, by role and accessible name. */
export class InboxPage {
  readonly region: Locator;
  readonly table: Locator;
  readonly details: Locator;
  readonly openAsSample: Locator;
  /** The recorded body (Monaco), its findings marked. */
  readonly body: Locator;
  readonly bodyEditor: Locator;
  readonly replay: Locator;
  readonly resetBody: Locator;
  readonly applyOverride: Locator;
  readonly replayWorkflow: Locator;
  readonly inferFromTraffic: Locator;
  readonly workflowFilter: Locator;
  readonly targetFilter: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Inbox', exact: true });
    this.table = this.region.getByRole('table');
    this.details = this.region.getByRole('region', { name: /^Request \d+/ });
    this.openAsSample = this.region.getByRole('button', { name: 'Open as sample' });
    this.body = this.details.getByRole('group', { name: 'Request body', exact: true });
    this.bodyEditor = this.details.getByRole('textbox', { name: 'Request body, JSON' });
    this.replay = this.details.getByRole('button', { name: 'Replay', exact: true });
    this.inferFromTraffic = this.region.getByRole('button', { name: 'Infer from traffic' });
    this.workflowFilter = this.region.getByRole('textbox', { name: 'Workflow', exact: true });
    this.targetFilter = this.region.getByRole('combobox', { name: 'Target', exact: true });
    this.resetBody = this.details.getByRole('button', { name: 'Reset to the recorded body' });
    this.applyOverride = this.details.getByRole('checkbox', {
      name: "Apply the console's override",
    });
    this.replayWorkflow = this.details.getByRole('textbox', { name: 'Replay to workflow' });
  }

  /** The table row of the request that went to `workflowId`, newest first. */
  row(workflowId: string): Locator {
    return this.table.getByRole('row').filter({ hasText: workflowId }).first();
  }

  /** Monaco's underlines of the markers on the body: the judge's findings, where they are. */
  bodyMarkers(severity: 'error' | 'warning'): Locator {
    return this.body.locator(`.squiggly-${severity}`);
  }

  /** Replaces the body in the replay editor: select all, delete, type (as a paste would). */
  async replaceBody(text: string): Promise<void> {
    await this.bodyEditor.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(text);
  }

  async open(row: Locator): Promise<void> {
    await row.getByRole('button', { name: /^Open request/ }).click();
  }
}
