import { RunConsole } from './pages/run-console.ts';
import { companies, companySpec } from './support/company-rows.ts';
import { expect, test } from './support/fixtures.ts';

test('after a server restart, reloading the page as told brings the app back', async ({
  page,
  baseURL,
}) => {
  const console_ = new RunConsole(page);
  await console_.open();
  await console_.designSpec(companySpec(companies(2)));
  await console_.saveWorkflow('E2E session reload');
  await console_.runTest();
  await console_.expectStatus('completed');

  await test.step('The server restarts: the session the page holds no longer counts', async () => {
    // A restarted server makes a new session token; the browser still sends the old one.
    const url = new URL(baseURL ?? '');
    await page.context().addCookies([
      {
        name: `inlet_ui_${url.port}`,
        value: 'from-an-earlier-start',
        domain: url.hostname,
        path: '/',
      },
    ]);
  });

  await test.step('Reload (not a hard reload): the workflow, its run and history are back', async () => {
    await page.reload();
    await expect(console_.status).toBeVisible();
    await console_.expectStatus('completed');
    await expect(console_.historyRows()).toHaveCount(1);
    await expect(page.getByText(/The UI session has expired/)).toHaveCount(0);
  });
});
