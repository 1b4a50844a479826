import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DesignerPage } from './pages/designer-page.ts';
import { InboxPage } from './pages/inbox-page.ts';
import { PayloadPage } from './pages/payload-page.ts';
import { RunConsole } from './pages/run-console.ts';
import { SANDBOX_API_KEY, UPSTREAM_API_KEY, UPSTREAM_BASE } from './pages/run-servers.ts';
import { expect, test } from './support/fixtures.ts';
import { z } from 'zod';

const run = promisify(execFile);
const HEADERS = { 'x-api-key': SANDBOX_API_KEY, 'content-type': 'application/json' };

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

/** Creates WORKFLOW under `name` through the sandbox API, as a script would; gives its id. */
async function createWorkflow(baseURL: string | undefined, name: string): Promise<string> {
  const created = await fetch(`${baseURL ?? ''}/workflows/create_workflow`, {
    method: 'POST',
    headers: HEADERS,
    body: JSON.stringify({ ...WORKFLOW, workflow_name: name }),
  });
  expect(created.status).toBe(200);
  return z.object({ id: z.string() }).parse(await created.json()).id;
}

/** POSTs rows to the workflow's run endpoint, as a CRM would; gives the status answered. */
async function sendRows(baseURL: string | undefined, workflowId: string, rows: unknown[]) {
  const answer = await fetch(
    `${baseURL ?? ''}/workflows/run?workflow_id=${encodeURIComponent(workflowId)}`,
    { method: 'POST', headers: HEADERS, body: JSON.stringify({ webhook_payload: rows }) },
  );
  return answer.status;
}

test('a refused request sent from outside the app shows in the Inbox with its cause', async ({
  page,
  baseURL,
}) => {
  const inbox = new InboxPage(page);
  const payload = new PayloadPage(page);
  let workflowId = '';

  await test.step('Open the app: the Inbox is there', async () => {
    await page.goto('/');
    await expect(inbox.region).toBeVisible();
  });

  await test.step('A script sends a row without the required company_name', async () => {
    workflowId = await createWorkflow(baseURL, WORKFLOW.workflow_name);
    expect(await sendRows(baseURL, workflowId, [{ website: 'inbox-e2e.example' }])).toBe(400);
  });

  await test.step('It appears in the Inbox, refused for a missing required column', async () => {
    const row = inbox.row(workflowId);
    await expect(row).toContainText('400');
    await expect(row).toContainText('missing required column');
    await inbox.open(row);
  });

  await test.step('Its row names the workflow, the id it was sent to beneath', async () => {
    const workflowCell = inbox.row(workflowId).getByRole('cell', { name: WORKFLOW.workflow_name });
    await expect(workflowCell).toBeVisible();
    await expect(workflowCell).toContainText(workflowId);
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

test('a refused request replayed unchanged is refused again; fixed, it starts a run', async ({
  page,
  baseURL,
}) => {
  const inbox = new InboxPage(page);
  const console_ = new RunConsole(page);
  let workflowId = '';

  await test.step('A script sends a row without the required company_name', async () => {
    await page.goto('/');
    workflowId = await createWorkflow(baseURL, 'E2E inbox replay');
    expect(await sendRows(baseURL, workflowId, [{ website: 'replay-e2e.example' }])).toBe(400);
    await inbox.open(inbox.row(workflowId));
  });

  await test.step('Replayed unchanged, it is refused with the server’s words', async () => {
    await expect(inbox.details.getByText('Local sandbox', { exact: true })).toBeVisible();
    await expect(inbox.resetBody).toBeDisabled();
    await inbox.replay.click();
    const refusal = inbox.details.getByRole('alert');
    await expect(refusal).toContainText('Replay refused (400)');
    await expect(refusal).toContainText('company_name');
  });

  await test.step('Copy as curl: key masked; run as sent, it is refused the same way', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await inbox.details.getByRole('button', { name: 'Copy as curl' }).click();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain('x-api-key: YOUR_SANDBOX_API_KEY');
    expect(text).not.toContain(SANDBOX_API_KEY);
    const command = `${text.replace('YOUR_SANDBOX_API_KEY', SANDBOX_API_KEY)} -w '\n%{http_code}'`;
    const { stdout } = await run('sh', ['-c', command]);
    expect(stdout).toContain('company_name');
    expect(stdout.trim().endsWith('400')).toBe(true);
  });

  await test.step('Fixed in the editor, the replay starts a run', async () => {
    await inbox.replaceBody(
      JSON.stringify({
        webhook_payload: [{ company_name: 'Replay Co', website: 'replay-e2e.example' }],
      }),
    );
    await expect(inbox.resetBody).toBeEnabled();
    await inbox.replay.click();
    await expect(inbox.details.getByRole('status')).toContainText(/Started run \S+/);
  });

  await test.step('The run console follows it to completed', async () => {
    await inbox.details.getByRole('button', { name: 'Follow in the run console' }).click();
    await console_.expectStatus('completed');
  });

  await test.step('The replay is itself in the Inbox, accepted', async () => {
    await expect(inbox.row(workflowId)).toContainText('200');
  });

  await test.step('Reset brings back the recorded body', async () => {
    await inbox.resetBody.click();
    await expect(inbox.body).toContainText('replay-e2e.example');
    await expect(inbox.body).not.toContainText('Replay Co');
  });
});

test("a refused request replayed with the console's override starts a run", async ({
  page,
  baseURL,
}) => {
  const inbox = new InboxPage(page);
  const console_ = new RunConsole(page);
  const name = 'E2E inbox override';
  let workflowId = '';

  await test.step('A script sends a row without the required company_name', async () => {
    await console_.open();
    workflowId = await createWorkflow(baseURL, name);
    expect(await sendRows(baseURL, workflowId, [{ website: 'override-e2e.example' }])).toBe(400);
  });

  await test.step('Without a console override, the checkbox is off and says why', async () => {
    await inbox.open(inbox.row(workflowId));
    await expect(inbox.applyOverride).toBeDisabled();
    await expect(inbox.applyOverride).not.toBeChecked();
    await expect(inbox.applyOverride).toHaveAccessibleDescription(
      'The run console has no override.',
    );
  });

  await test.step('The console opens the workflow, its override makes company_name optional', async () => {
    await console_.openWorkflow(name);
    await console_.typeOverride(
      JSON.stringify({ input_schema: { company_name: 'string', website: 'string' } }),
    );
  });

  await test.step('The checkbox is on for this workflow, off for another', async () => {
    await expect(inbox.applyOverride).toBeEnabled();
    await expect(inbox.applyOverride).toBeChecked();
    await expect(inbox.applyOverride).toHaveAccessibleDescription(/added to the body/);
    await inbox.replayWorkflow.fill('another-workflow');
    await expect(inbox.applyOverride).toBeDisabled();
    await expect(inbox.applyOverride).toHaveAccessibleDescription(
      `The console's override is for workflow ${workflowId}, not this one.`,
    );
    await inbox.replayWorkflow.fill(workflowId);
    await expect(inbox.applyOverride).toBeChecked();
  });

  await test.step('Copy as curl carries the override, as Replay will', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await inbox.details.getByRole('button', { name: 'Copy as curl' }).click();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain('"specs_override"');
    expect(text).toContain('override-e2e.example');
  });

  await test.step('Replayed with the override, the request starts a run', async () => {
    await inbox.replay.click();
    await expect(inbox.details.getByRole('status')).toContainText(/Started run \S+/);
    await expect(inbox.details.getByRole('alert')).toHaveCount(0);
  });

  await test.step('The replay is in the Inbox, accepted', async () => {
    const row = inbox.row(workflowId);
    await expect(row).toContainText('200');
    await expect(row).not.toContainText('missing required column');
  });
});

test('"Infer from traffic" proposes columns from the rows a workflow received', async ({
  page,
  baseURL,
}) => {
  const inbox = new InboxPage(page);
  const designer = new DesignerPage(page);
  const payload = new PayloadPage(page);
  const dialog = payload.inferDialog();
  let workflowId = '';

  await test.step('Clients send three requests, one of them refused', async () => {
    await designer.goto();
    workflowId = await createWorkflow(baseURL, 'E2E inbox traffic');
    const send = (rows: unknown[]) => sendRows(baseURL, workflowId, rows);
    await send([{ company_name: 'A', employees: 10 }]);
    await send([{ company_name: 'B', employees: 20, region: 'EU' }]);
    expect(await send([{ website: 'c.example', employees: 30 }])).toBe(400);
  });

  await test.step('The sample payload has a row whose number is text', async () => {
    await payload.waitForEditor();
    await payload.replaceText('[{"company_name": "Z", "employees": "15", "region": "EU"}]');
    await expect(payload.summary).toContainText('3 advisory columns');
  });

  await test.step('Filtered to the workflow, the dialog shows presence across requests', async () => {
    await expect(inbox.inferFromTraffic).toBeDisabled();
    await inbox.workflowFilter.fill(workflowId);
    await inbox.inferFromTraffic.click();
    await expect(dialog).toContainText('3 rows of 3 recorded requests');
    await expect(payload.inferRow(dialog, 'employees')).toContainText('3 of 3 (100%)');
    await expect(payload.inferRow(dialog, 'employees')).toContainText('integer');
    await expect(payload.inferRow(dialog, 'region')).toContainText('1 of 3 (33%)');
  });

  await test.step('Adding them puts the columns into the spec designer', async () => {
    await dialog.getByRole('button', { name: /^Add \d+ columns?$/ }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => designer.columnNames()).toContain('employees');
    expect(await designer.columnNames()).toContain('region');
  });

  await test.step('The sample payload is converted to the chosen types, as for a pasted one', async () => {
    // "15" was text: had it stayed so, the judge would warn that employees is not an integer.
    await expect(payload.summary).toContainText('0 errors · 0 warnings · 0 advisory columns');
  });
});

test('with Sixtyfour as the target, Replay goes through the proxy, shown as live', async ({
  page,
  baseURL,
}) => {
  const inbox = new InboxPage(page);
  const console_ = new RunConsole(page);
  let upstreamId = '';

  await test.step('A workflow that exists only upstream; a request for it comes to the sandbox', async () => {
    const created = await fetch(`${UPSTREAM_BASE}/workflows/create_workflow`, {
      method: 'POST',
      headers: { 'x-api-key': UPSTREAM_API_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ ...WORKFLOW, workflow_name: 'E2E inbox upstream' }),
    });
    expect(created.status).toBe(200);
    upstreamId = ((await created.json()) as { id: string }).id;
    const refused = await fetch(
      `${baseURL ?? ''}/workflows/run?workflow_id=${encodeURIComponent(upstreamId)}`,
      {
        method: 'POST',
        headers: HEADERS,
        body: JSON.stringify({ webhook_payload: [{ company_name: 'Up Co' }] }),
      },
    );
    expect(refused.status).toBe(404);
  });

  await test.step('Target Sixtyfour: the request shows the live target', async () => {
    await console_.open();
    await console_.chooseTarget('Sixtyfour');
    await inbox.open(inbox.row(upstreamId));
    await expect(inbox.details.getByText('Live: Sixtyfour API', { exact: true })).toBeVisible();
  });

  await test.step('Replay starts the run upstream, where the workflow is', async () => {
    await inbox.replay.click();
    await expect(inbox.details.getByRole('status')).toContainText(/Started run \S+ on Sixtyfour/);
  });
});
