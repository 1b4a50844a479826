import { expect, type Page, test } from '@playwright/test';
import { RunConsole } from './pages/run-console.ts';
import { companies, companySpec } from './support/company-rows.ts';
import { OwnServer } from './support/own-server.ts';

const server = new OwnServer();

test.beforeAll(() => server.start());

test.afterAll(() => server.kill());

/**
 * The page on the spec's own server, a workflow saved, a run of a few seconds started and
 * running; `pageErrors` collects the page's uncaught errors.
 */
async function startLongRun(page: Page, workflowName: string) {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const console_ = new RunConsole(page);
  await console_.open(`${server.base}/`);
  await console_.designSpec(companySpec(companies(300)));
  await console_.saveWorkflow(workflowName);
  await console_.runTest();
  await console_.expectStatus('running');
  return { console_, pageErrors };
}

// The server goes away under the page, and Chromium logs every failed request as a console
// error, so this spec uses Playwright's own `test` and checks uncaught page errors itself.
test('while the server is down the run status says it is not updating', async ({ page }) => {
  test.setTimeout(120_000);

  const { console_, pageErrors } = await test.step('Start a run of a few seconds', () =>
    startLongRun(page, 'E2E server down'));

  await test.step('The server dies: the status is the last known, its clock stopped', async () => {
    await server.kill();
    await expect(console_.region.getByText("Could not read the run's status")).toBeVisible();
    await expect(console_.status).toContainText('last known, not updating');
    const frozen = (await console_.status.textContent()) ?? '';
    // A live clock moves each second; this one must not move over three.
    for (let second = 0; second < 3; second += 1) {
      await new Promise((settle) => setTimeout(settle, 1_000));
      expect((await console_.status.textContent()) ?? '').toBe(frozen);
    }
  });

  await test.step('It restarts: the page renews its session by itself, and follows the run on', async () => {
    await server.start();
    // No reload: what the page holds (typed text, open dialogs) stays as it is.
    await console_.expectStatus('completed', 60_000);
    await expect(console_.status).not.toContainText('not updating');
    await expect(console_.region.getByText("Could not read the run's status")).toHaveCount(0);
    await expect(page.getByText(/The UI session has expired/)).toHaveCount(0);
    await expect(console_.historyRows().first()).toContainText('completed');
  });

  expect(pageErrors).toEqual([]);
});

test('a cancel that does not reach the server leaves the run cancellable, not "Cancelling…"', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { console_, pageErrors } = await startLongRun(page, 'E2E cancel unsent');

  await test.step('The server dies; Cancel run fails, and says so', async () => {
    await server.kill();
    await expect(console_.status).toContainText('last known, not updating');
    await console_.cancelButton.click();
    await expect(console_.region.getByText('Could not cancel the run')).toBeVisible();
  });

  await test.step('Nothing was cancelled: no "Cancelling…", and Cancel run can be tried again', async () => {
    await expect(console_.status).not.toContainText('Cancelling');
    await expect(console_.cancelButton).toBeEnabled();
  });

  await test.step('Back up and reloaded, the run was not cancelled: it completes', async () => {
    await server.start();
    await page.reload();
    await console_.expectStatus('completed', 60_000);
  });

  expect(pageErrors).toEqual([]);
});
