import { expect, test } from './support/fixtures.ts';
import { InboxPage } from './pages/inbox-page.ts';
import { RunConsole } from './pages/run-console.ts';

test('with the console on Sixtyfour, the inbox says it shows the sandbox and switches', async ({
  page,
}) => {
  const console_ = new RunConsole(page);
  const inbox = new InboxPage(page);

  await test.step('Run on Sixtyfour through the proxy', async () => {
    await console_.open();
    await console_.chooseTarget('Sixtyfour');
    await console_.designSpec({
      input_schema: { email: { type: 'string', required: true } },
      webhook_input: JSON.stringify([{ email: 'inbox-live@example.com' }]),
      dataframe_type: 'LEAD',
    });
    await console_.saveWorkflow('E2E live inbox');
    await console_.runTest();
    await console_.expectStatus('completed');
  });

  await test.step('The inbox says whose requests it shows, and offers the live ones', async () => {
    await expect(inbox.targetFilter).toHaveValue('sandbox');
    await expect(
      inbox.region.getByText(
        'The run console sends runs to Sixtyfour; these are the sandbox’s requests.',
      ),
    ).toBeVisible();
    await inbox.region.getByRole('button', { name: 'Show the requests sent to Sixtyfour' }).click();
    await expect(inbox.targetFilter).toHaveValue('live');
    await expect(
      inbox.region.getByText('Every POST /workflows/run Inlet sent to Sixtyfour, with its answer.'),
    ).toBeVisible();
    await expect(
      inbox.table.getByRole('row').filter({ has: page.getByRole('cell') }),
    ).not.toHaveCount(0);
  });

  await test.step('Back on the sandbox, the note points the other way', async () => {
    await console_.chooseTarget('Local sandbox');
    await inbox.region.getByRole('button', { name: 'Show the sandbox’s requests' }).click();
    await expect(inbox.targetFilter).toHaveValue('sandbox');
    await expect(
      inbox.region.getByText('Every POST /workflows/run the sandbox answered.'),
    ).toBeVisible();
  });
});
