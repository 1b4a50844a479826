import { companies, companySpec } from './support/company-rows.ts';
import { expect, test } from './support/fixtures.ts';
import { RunConsole } from './pages/run-console.ts';
import { SANDBOX_API_KEY, UPSTREAM_BASE } from './pages/run-servers.ts';

test('a run whose delivery failed says failed and still offers the results it stored', async ({
  page,
  request,
}) => {
  const console_ = new RunConsole(page);
  const name = 'E2E delivery refused';

  await test.step('A workflow whose outgoing_webhook posts where it is refused (401)', async () => {
    // Another Inlet on loopback, without its key: every delivery answers 401.
    const answer = await request.post('/workflows/create_workflow', {
      headers: { 'x-api-key': SANDBOX_API_KEY },
      data: {
        workflow_name: name,
        workflow_description: 'Delivers to a receiver that refuses',
        workflow_definition: {
          blocks: [
            {
              block_id: 'webhook_1',
              sequence_number: 1,
              block_type: 'source',
              block_name: 'webhook',
              specs: companySpec(companies(2)),
            },
            {
              block_id: 'deliver',
              sequence_number: 2,
              block_type: 'transform',
              block_name: 'outgoing_webhook',
              specs: { url: `${UPSTREAM_BASE}/workflows/run` },
            },
          ],
          edges: [{ from_block_id: 'webhook_1', to_block_id: 'deliver' }],
        },
      },
    });
    expect(answer.status(), await answer.text()).toBe(200);
  });

  await test.step('Run it from the console: it fails at delivery', async () => {
    await console_.open();
    await console_.openWorkflow(name);
    await console_.runTest();
    await console_.expectStatus('failed');
  });

  await test.step('The results it stored before delivering are shown and downloadable', async () => {
    await expect(console_.results.getByText(/failed after its results were stored/)).toBeVisible();
    const rows = await console_.resultRows();
    expect(rows.map((row) => row.company_name)).toEqual(['Company 1', 'Company 2']);
    await expect(console_.results.getByRole('button', { name: 'Download CSV' })).toBeEnabled();
  });
});
