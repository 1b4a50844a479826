import { expect, test } from './support/fixtures.ts';
import { RunConsole } from './pages/run-console.ts';
import { SANDBOX_HEADERS, webhookWorkflow } from './support/sandbox-api.ts';

const COUNT = 450;
const PREFIX = 'E2E many';
const SPECS = { input_schema: { company_name: 'string' }, dataframe_type: 'COMPANY' };

test.describe('Open workflow with hundreds of workflows', () => {
  test('pages from the server, renders only rows in view, searches on the server', async ({
    page,
  }) => {
    await test.step(`Store ${COUNT} workflows through the API`, async () => {
      for (let start = 0; start < COUNT; start += 50) {
        await Promise.all(
          Array.from({ length: 50 }, (_, offset) =>
            page.request.post('/workflows/create_workflow', {
              headers: SANDBOX_HEADERS,
              data: webhookWorkflow(`${PREFIX} ${String(start + offset).padStart(3, '0')}`, SPECS),
            }),
          ),
        );
      }
    });

    const console_ = new RunConsole(page);
    const listRequests: URL[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/workflows') listRequests.push(url);
    });
    await console_.open();
    await console_.region.getByRole('button', { name: 'Open workflow', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /^Open a workflow from / });
    const list = dialog.getByRole('table', { name: 'Workflows' });

    await test.step('The first page loads; only the rows in view are in the page', async () => {
      await expect(dialog.getByRole('status')).toContainText('more load as you scroll');
      const rows = await list.getByRole('row').count();
      expect(rows).toBeGreaterThan(5);
      expect(rows).toBeLessThan(60);
      expect(listRequests[0]?.searchParams.get('limit')).toBe('100');
      // Every match is counted for assistive technology, loaded or not.
      const total = Number(await list.getAttribute('aria-rowcount'));
      expect(total).toBeGreaterThan(COUNT);
    });

    await test.step('Scrolling to the end loads the next pages, still few rows rendered', async () => {
      const scroller = dialog.getByRole('group', { name: 'Workflow list' });
      const oldest = list.getByRole('button', { name: `Open ${PREFIX} 000`, exact: true });
      // Each scroll to the end brings the next page in, until the oldest workflow shows.
      await expect
        .poll(async () => {
          await scroller.evaluate((element) => {
            element.scrollTop = element.scrollHeight;
          });
          return oldest.count();
        })
        .toBe(1);
      await expect
        .poll(() => listRequests.filter((url) => url.searchParams.get('offset') !== '0').length)
        .toBeGreaterThanOrEqual(3);
      await expect(
        list.getByRole('button', { name: `Open ${PREFIX} 000`, exact: true }),
      ).toBeVisible();
      expect(await list.getByRole('row').count()).toBeLessThan(60);
    });

    await test.step('A search asks the server and shows its matches', async () => {
      await dialog.getByRole('searchbox', { name: 'Search workflows' }).fill(`${PREFIX} 12`);
      await expect(dialog.getByRole('status')).toContainText(`10 workflows match “${PREFIX} 12”`);
      expect(listRequests.some((url) => url.searchParams.get('q') === `${PREFIX} 12`)).toBe(true);
      await expect(list.getByRole('button', { name: /^Open / })).toHaveCount(10);
    });

    await test.step('Open one from the results', async () => {
      await list.getByRole('button', { name: `Open ${PREFIX} 123`, exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(console_.region.getByText(`${PREFIX} 123`, { exact: true })).toBeVisible();
    });
  });
});
