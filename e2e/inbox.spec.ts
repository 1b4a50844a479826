import { InboxPage } from './pages/inbox-page.ts';
import { PayloadPage } from './pages/payload-page.ts';
import { SANDBOX_API_KEY } from './pages/run-servers.ts';
import { expect, test } from './support/fixtures.ts';

/** A workflow whose webhook block requires company_name, created as a script would. */
const WORKFLOW = {
  workflow_name: 'E2E inbox',
  workflow_description: 'Receives requests from outside the app',
  workflow_definition: {
    blocks: [
      {
        block_id: 'webhook_1',
        sequence_number: 1,
        block_type: 'source',
        block_name: 'webhook',
        specs: {
          input_schema: { company_name: { type: 'string', required: true }, website: 'string' },
          dataframe_type: 'COMPANY',
        },
      },
    ],
    edges: [],
  },
};

test('a refused request sent from outside the app shows in the Inbox with its cause', async ({
  page,
  baseURL,
}) => {
  const inbox = new InboxPage(page);
  const payload = new PayloadPage(page);
  const headers = { 'x-api-key': SANDBOX_API_KEY, 'content-type': 'application/json' };
  let workflowId = '';

  await test.step('Open the app: the Inbox is there', async () => {
    await page.goto('/');
    await expect(inbox.region).toBeVisible();
  });

  await test.step('A script sends a row without the required company_name', async () => {
    const created = await fetch(`${baseURL ?? ''}/workflows/create_workflow`, {
      method: 'POST',
      headers,
      body: JSON.stringify(WORKFLOW),
    });
    expect(created.status).toBe(200);
    workflowId = ((await created.json()) as { id: string }).id;
    const refused = await fetch(
      `${baseURL ?? ''}/workflows/run?workflow_id=${encodeURIComponent(workflowId)}`,
      {
        method: 'POST',
        headers,
        body: JSON.stringify({ webhook_payload: [{ website: 'inbox-e2e.example' }] }),
      },
    );
    expect(refused.status).toBe(400);
  });

  await test.step('It appears in the Inbox, refused for a missing required column', async () => {
    const row = inbox.row(workflowId);
    await expect(row).toContainText('400');
    await expect(row).toContainText('missing required column');
    await inbox.open(row);
  });

  await test.step('Opened, it shows the masked key, the body and the answer', async () => {
    await expect(inbox.details.getByRole('table', { name: 'Request headers' })).toContainText(
      'x-api-key[masked]',
    );
    await expect(inbox.body).toContainText('inbox-e2e.example');
    await expect(inbox.details.getByLabel('Answer')).toContainText('company_name');
    await expect(inbox.details.getByRole('list', { name: 'Findings' })).toContainText(
      'company_name',
    );
  });

  await test.step('The body opens in the editor with the missing column marked', async () => {
    await expect(inbox.bodyMarkers('error').first()).toBeVisible();
  });

  await test.step('"Open as sample" puts its payload into the payload editor', async () => {
    await inbox.openAsSample.click();
    await expect(payload.preview).toContainText('inbox-e2e.example');
  });
});
