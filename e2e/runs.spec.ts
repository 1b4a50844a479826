import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { companies, companySpec } from './support/company-rows.ts';
import { expect, test } from './support/fixtures.ts';
import Papa from 'papaparse';
import { DesignerPage } from './pages/designer-page.ts';
import { RunConsole } from './pages/run-console.ts';
import { SANDBOX_API_KEY } from './pages/run-servers.ts';

const run = promisify(execFile);

test.describe('Test run console on the local sandbox', () => {
  test('design, save, run, follow to completion, see and download the results', async ({
    page,
  }) => {
    const console_ = new RunConsole(page);
    // Every run request's Idempotency-Key, to show each click (re-runs too) sends a fresh one.
    const idempotencyKeys: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/workflows/run') {
        idempotencyKeys.push(request.headers()['idempotency-key'] ?? '');
      }
    });

    await test.step('Open the app on the sandbox, the default target', async () => {
      await console_.open();
      await expect(console_.target.getByRole('radio', { name: 'Local sandbox' })).toBeChecked();
    });

    await test.step('Design a COMPANY spec with three sample rows', async () => {
      await console_.designSpec(companySpec(companies(3)));
    });

    await test.step('Running needs a saved workflow', async () => {
      await expect(console_.runButton).toBeDisabled();
      await expect(
        console_.region.getByText('Runs start from a workflow saved on the target.'),
      ).toBeVisible();
    });

    await test.step('Save the workflow', async () => {
      await console_.saveWorkflow('E2E companies');
    });

    await test.step('Fire a test run that also saves JSON', async () => {
      await console_.region.getByRole('checkbox', { name: 'Also save JSON' }).check();
      await console_.runTest();
      await console_.expectStatus('completed');
      await expect(console_.cancelButton).toBeHidden();
      const bar = console_.region.getByRole('progressbar', { name: 'company_enrichment progress' });
      await expect(bar).toHaveAttribute('aria-valuenow', '3');
    });

    await test.step('See the rows in the results table, as text', async () => {
      await expect(console_.results.getByRole('table')).toBeVisible();
      const rows = await console_.resultRows();
      expect(rows.map((row) => row.company_name)).toEqual(['Company 1', 'Company 2', 'Company 3']);
      expect(rows[0]?.employee_count).toMatch(/^\d+$/);
      await expect(
        console_.results.getByRole('columnheader', { name: /^employee_count\s*simulated$/ }),
      ).toBeVisible();
    });

    await test.step('Download the CSV and read its rows', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        console_.results.getByRole('button', { name: 'Download CSV' }).click(),
      ]);
      // Named after the workflow and the run, so downloads of several runs can be told apart.
      expect(download.suggestedFilename()).toMatch(/^e2e-companies-run-[0-9a-z]{8}\.csv$/);
      const text = await readFile(await download.path(), 'utf8');
      const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
        header: true,
        skipEmptyLines: true,
      });
      expect(parsed.errors).toEqual([]);
      expect(parsed.data.map((row) => row.company_name)).toEqual([
        'Company 1',
        'Company 2',
        'Company 3',
      ]);
      expect(parsed.data.map((row) => row.website)).toEqual(companies(3).map((row) => row.website));
    });

    await test.step('Download the JSON, saved because the run asked for it', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        console_.results.getByRole('button', { name: 'Download JSON' }).click(),
      ]);
      const rows = JSON.parse(await readFile(await download.path(), 'utf8')) as {
        company_name: string;
      }[];
      expect(rows.map((row) => row.company_name)).toEqual(['Company 1', 'Company 2', 'Company 3']);
    });

    await test.step('The history lists the run, and a second one after a re-run', async () => {
      await expect(console_.historyRows()).toHaveCount(1);
      await expect(console_.historyRows().first()).toContainText('completed');
      await console_.history.getByRole('button', { name: /^Re-run/ }).click();
      await expect(console_.historyRows()).toHaveCount(2);
      await console_.expectStatus('completed');
      await expect(console_.historyRows().nth(1)).toContainText('completed');
      await expect(console_.historyRows().first()).toContainText('3 → 3');
    });

    await test.step('Open the older run from the history', async () => {
      await console_
        .historyRows()
        .nth(1)
        .getByRole('button', { name: /^Open run/ })
        .click();
      await expect(console_.historyRows().nth(1)).toHaveAttribute('aria-current', 'true');
      await console_.expectStatus('completed');
      await expect(console_.results.getByRole('table')).toBeVisible();
    });

    await test.step('After a reload, re-run the oldest run: the sandbox kept its request', async () => {
      // A reload forgets what this tab sent; only the sandbox's copy of the request is left.
      await page.reload();
      await console_.openWorkflow('E2E companies');
      await expect(console_.historyRows()).toHaveCount(2);
      await expect(console_.status).toBeHidden();
      const [request] = await Promise.all([
        page.waitForRequest((sent) => new URL(sent.url()).pathname === '/workflows/run'),
        console_.rerunButton(console_.historyRows().nth(1)).click(),
      ]);
      // The first run sent no payload (it ran the spec's webhook_input): the re-run sends the
      // rows that run processed, and its "Also save JSON".
      expect(request.postDataJSON()).toEqual({ webhook_payload: companies(3) });
      expect(new URL(request.url()).searchParams.get('save_json')).toBe('true');
    });

    await test.step('The re-run completes with the same rows, as a new run', async () => {
      await expect(console_.historyRows()).toHaveCount(3);
      await expect(console_.historyRows().first()).toHaveAttribute('aria-current', 'true');
      await console_.expectStatus('completed');
      await expect(console_.historyRows().first()).toContainText('3 → 3');
      const rows = await console_.resultRows();
      expect(rows.map((row) => row.company_name)).toEqual(['Company 1', 'Company 2', 'Company 3']);
      expect(rows.map((row) => row.website)).toEqual(companies(3).map((row) => row.website));
      await expect(console_.results.getByRole('button', { name: 'Download JSON' })).toBeEnabled();
      expect(idempotencyKeys).toHaveLength(3);
      expect(new Set(idempotencyKeys).size).toBe(3);
      expect(idempotencyKeys.every((key) => /^[0-9a-f-]{36}$/.test(key))).toBe(true);
    });
  });

  test('the open workflow is remembered across a reload, and forgotten once deleted', async ({
    page,
  }) => {
    const console_ = new RunConsole(page);
    const name = 'E2E remembered';

    await test.step('Design and save a workflow', async () => {
      await console_.open();
      await console_.designSpec(companySpec(companies(2)));
      await console_.saveWorkflow(name);
    });

    await test.step('After a reload it is open again, ready to run', async () => {
      await page.reload();
      await expect(console_.region.getByText(name, { exact: true })).toBeVisible();
      await console_.runTest();
      await console_.expectStatus('completed');
      await expect(console_.historyRows()).toHaveCount(1);
    });

    const workflowId = await test.step('Delete it on the sandbox behind the app', async () => {
      // A script with the sandbox key (the page never holds it).
      const apiKey = SANDBOX_API_KEY;
      const listed = await page.request.get('/workflows', { headers: { 'x-api-key': apiKey } });
      const workflows = (await listed.json()) as { id: string; name: string }[];
      const id = workflows.find((workflow) => workflow.name === name)?.id ?? '';
      const deleted = await page.request.post(
        `/workflows/delete_workflow?workflow_id=${encodeURIComponent(id)}`,
        { headers: { 'x-api-key': apiKey } },
      );
      expect(deleted.ok()).toBe(true);
      return id;
    });

    await test.step('The next reload says quietly that it is gone, and forgets it', async () => {
      await page.reload();
      await expect(
        console_.region.getByRole('status').filter({ hasText: 'no longer exists' }),
      ).toContainText(`The workflow last open here (${workflowId}) no longer exists`);
      await expect(console_.region.getByText('None saved to Local sandbox yet')).toBeVisible();
      await page.reload();
      await expect(console_.region.getByText('None saved to Local sandbox yet')).toBeVisible();
      await expect(console_.region.getByText('no longer exists')).toHaveCount(0);
    });
  });

  test('each draft keeps its own workflow, run and override', async ({ page }) => {
    const console_ = new RunConsole(page);
    const designer = new DesignerPage(page);
    const name = 'E2E first draft';
    await console_.open();
    await console_.designSpec(companySpec(companies(2)));
    const firstDraft = (await designer.draftSelect.locator('option:checked').textContent()) ?? '';

    await test.step('Save, run, then start an override in the first draft', async () => {
      await console_.saveWorkflow(name);
      await console_.runTest();
      await console_.expectStatus('completed');
      await console_.override.getByRole('textbox', { name: 'specs_override JSON' }).focus();
      await page.keyboard.insertText('{"webhook_input": ""}');
      await expect(console_.override).toContainText('1 key differs from the stored spec.');
    });

    await test.step('A new draft starts with no workflow, run or override', async () => {
      await page.getByRole('button', { name: 'New draft' }).click();
      const dialog = designer.dialog('New draft');
      await dialog.getByRole('textbox', { name: 'Draft name' }).fill('Second');
      await dialog.getByRole('button', { name: 'Create draft' }).click();
      await expect(dialog).toBeHidden();
      await expect(console_.region.getByText('None saved to Local sandbox yet')).toBeVisible();
      await expect(console_.status).toHaveCount(0);
      await expect(console_.region.getByText(name, { exact: true })).toHaveCount(0);
    });

    await test.step('Back in the first draft its workflow, run and override are as left', async () => {
      await designer.chooseDraft(firstDraft);
      await expect(console_.region.getByText(name, { exact: true })).toBeVisible();
      // The override and the followed run are part of the draft (issue 12).
      await console_.expectStatus('completed');
      await expect(console_.override).toContainText('1 key differs from the stored spec.');
      await expect(console_.historyRows()).toHaveCount(1);
      await console_.runTest();
      await console_.expectStatus('completed');
    });
  });

  test('cancel a run while it is running', async ({ page }) => {
    const console_ = new RunConsole(page);
    await console_.open();

    await test.step('Design and save a workflow with 600 rows (12 s a block at 20 ms a row)', async () => {
      await console_.designSpec(companySpec(companies(600)));
      await console_.saveWorkflow('E2E long run');
    });

    await test.step('Fire the run and wait until rows are being processed', async () => {
      await console_.runTest();
      await console_.expectStatus('running');
      // The source block paces rows too, so it is the one moving first.
      const bar = console_.region.getByRole('progressbar', { name: 'webhook progress' });
      await expect(bar).toHaveAttribute('aria-valuemax', '600');
      await expect(bar).not.toHaveAttribute('aria-valuenow', '0');
    });

    await test.step('Cancel it: the status ends as cancelled, mid-run', async () => {
      await console_.cancelButton.click();
      await console_.expectStatus('cancelled');
      const bar = console_.region.getByRole('progressbar', { name: 'webhook progress' });
      const processed = Number(await bar.getAttribute('aria-valuenow'));
      expect(processed).toBeGreaterThan(0);
      expect(processed).toBeLessThan(600);
      await expect(
        console_.region.getByRole('progressbar', { name: 'company_enrichment progress' }),
      ).toHaveAttribute('aria-valuenow', '0');
      await expect(console_.results).toBeHidden();
      await expect(console_.historyRows().first()).toContainText('cancelled');
    });

    await test.step('No block says running: the stopped one failed, the next never ran', async () => {
      await expect(console_.blockItems()).toHaveCount(2);
      await expect(console_.blockItems().filter({ hasText: 'running' })).toHaveCount(0);
      await expect(console_.blockItems().first()).toContainText('failed');
      await expect(console_.blockItems().first()).toContainText('Run cancelled.');
      await expect(console_.blockItems().nth(1)).toContainText('not run');
      await page.reload();
      await console_.expectStatus('cancelled');
      await expect(console_.blockItems().filter({ hasText: 'running' })).toHaveCount(0);
    });
  });

  test('the preflight stops a payload the API would reject, and says where', async ({ page }) => {
    const console_ = new RunConsole(page);
    await console_.open();

    await test.step('Design a spec whose sample misses a required column in row 2', async () => {
      await console_.designSpec({
        input_schema: { email: { type: 'string', required: true }, name: 'string' },
        webhook_input: JSON.stringify([{ email: 'a@example.com', name: 'A' }, { name: 'B' }]),
        dataframe_type: 'LEAD',
      });
      await console_.saveWorkflow('E2E rejected');
    });

    await test.step('Run: nothing is sent, the preflight says why and where', async () => {
      let runRequests = 0;
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/workflows/run') runRequests += 1;
      });
      await console_.runTest();
      const alert = console_.region.getByRole('alert').filter({ hasText: 'Not sent.' });
      await expect(alert).toContainText('Row 2');
      await expect(alert).toContainText('email');
      await expect(console_.status).toBeHidden();
      expect(runRequests).toBe(0);
    });

    await test.step("Send anyway: the server's own answer is shown", async () => {
      await console_.region.getByRole('button', { name: 'Send anyway' }).click();
      const refused = console_.region
        .getByRole('alert')
        .filter({ hasText: 'The API refused the run' });
      await expect(refused).toContainText('(400)');
      await expect(refused).toContainText('email');
      await expect(console_.status).toBeHidden();
    });
  });

  test('the copied curl command starts a run on the sandbox', async ({
    page,
    context,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: baseURL ?? '',
    });
    const console_ = new RunConsole(page);
    await console_.open();
    await console_.designSpec(companySpec(companies(2)));
    await console_.saveWorkflow('E2E curl');

    const command = await test.step('Copy as curl: the sandbox key is never in it', async () => {
      await console_.region.getByRole('button', { name: 'Copy as curl' }).click();
      const text = await page.evaluate(() => navigator.clipboard.readText());
      expect(text).toMatch(/^curl /);
      expect(text).toContain('x-api-key: YOUR_SANDBOX_API_KEY');
      expect(text).not.toContain(SANDBOX_API_KEY);
      // Beside the buttons: the key is masked, and where the real one is.
      await expect(console_.region.getByText(/The copied x-api-key is masked/)).toContainText(
        'sandbox-api-key',
      );
      // The page holds no key to reveal.
      await expect(
        console_.region.getByRole('checkbox', { name: 'Show the API key in copied requests' }),
      ).toHaveCount(0);
      // The user puts in the key from the data directory, as the snippet asks.
      return text.replace('YOUR_SANDBOX_API_KEY', SANDBOX_API_KEY);
    });

    await test.step('Execute it in a shell: the sandbox starts a run', async () => {
      const { stdout } = await run('sh', ['-c', command]);
      const started = JSON.parse(stdout) as { status: string; job_id: string; workflow_id: string };
      expect(started.status).toBe('queued');
      const apiKey = /x-api-key: ([^'\s]+)/.exec(command)?.[1] ?? '';
      await expect
        .poll(async () => {
          const response = await page.request.get(`/workflows/runs/${started.job_id}/live_status`, {
            headers: { 'x-api-key': apiKey },
          });
          return ((await response.json()) as { overall_status: string }).overall_status;
        })
        .toBe('completed');
    });
  });
});
