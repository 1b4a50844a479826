import { readFile } from 'node:fs/promises';
import type { Request } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { RunConsole } from './pages/run-console.ts';
import { UPSTREAM_API_KEY, UPSTREAM_BASE } from './pages/run-servers.ts';

type Exchange = { url: string; text: string };

test.describe('Test run console against Sixtyfour through the proxy', () => {
  test('runs on the upstream while its key never reaches the browser', async ({
    page,
    context,
  }) => {
    const seen: Exchange[] = [];
    const pending: Promise<void>[] = [];
    // What the page sent, at once (`headers()` is synchronous, so a request the page cancels,
    // such as a Monaco worker fetch, cannot leave a promise hanging); the full headers and the
    // answer once the request has finished, when both are sure to be there.
    const recordRequest = (request: Request) => {
      seen.push({
        url: request.url(),
        text: `${request.url()}\n${JSON.stringify(request.headers())}\n${request.postData() ?? ''}`,
      });
    };
    const recordFinished = (request: Request) => {
      pending.push(
        (async () => {
          const response = await request.response();
          const [requestHeaders, responseHeaders, body] = await Promise.all([
            request.allHeaders(),
            response?.allHeaders() ?? {},
            response?.body().then(
              (bytes) => bytes.toString('utf8'),
              () => '',
            ) ?? '',
          ]);
          seen.push({
            url: request.url(),
            text: `${JSON.stringify(requestHeaders)}\n${JSON.stringify(responseHeaders)}\n${body}`,
          });
        })(),
      );
    };
    context.on('request', recordRequest);
    context.on('requestfinished', recordFinished);

    const console_ = new RunConsole(page);

    await test.step('Switch the target to Sixtyfour: the server holds the key', async () => {
      await console_.open();
      await console_.chooseTarget('Sixtyfour');
      await expect(page.getByText(/Live API · 127\.0\.0\.1:\d+ · server key/)).toBeVisible();
      await expect(page.getByLabel('Sixtyfour API key')).toHaveCount(0);
      await expect(console_.region.getByText('Live: Sixtyfour API')).toBeVisible();
    });

    await test.step('Design, save and run on the upstream', async () => {
      await console_.designSpec({
        input_schema: { email: { type: 'string', required: true }, full_name: 'string' },
        webhook_input: JSON.stringify([
          { email: 'ada@example.com', full_name: 'Ada Lovelace' },
          { email: 'alan@example.com', full_name: 'Alan Turing' },
        ]),
        dataframe_type: 'LEAD',
      });
      await console_.saveWorkflow('E2E through the proxy');
      await console_.runTest();
      await console_.expectStatus('completed');
      const rows = await console_.resultRows();
      expect(rows.map((row) => row.email)).toEqual(['ada@example.com', 'alan@example.com']);
    });

    await test.step('Download the CSV from the upstream link', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        console_.results.getByRole('button', { name: 'Download CSV' }).click(),
      ]);
      expect(await readFile(await download.path(), 'utf8')).toContain('alan@example.com');
    });

    await test.step('The copy hint names the Sixtyfour key, not the sandbox one', async () => {
      const hint = console_.region.getByText(/The copied x-api-key is masked/);
      await expect(hint).toContainText('use your Sixtyfour API key');
      await expect(hint).not.toContainText('sandbox-api-key');
    });

    await test.step('The run landed on the upstream server, not the local sandbox', async () => {
      const response = await page.request.get(`${UPSTREAM_BASE}/workflows/runs?limit=5`, {
        headers: { 'x-api-key': UPSTREAM_API_KEY },
      });
      const runs = (await response.json()) as { workflow_name: string; status: string }[];
      expect(runs).toContainEqual(
        expect.objectContaining({ workflow_name: 'E2E through the proxy', status: 'completed' }),
      );
    });

    await test.step('No request or response the page made carried the upstream key', async () => {
      context.off('request', recordRequest);
      context.off('requestfinished', recordFinished);
      await Promise.all(pending);
      expect(seen.some((exchange) => exchange.url.includes('/inlet/sixtyfour/workflows/run'))).toBe(
        true,
      );
      const leaks = seen.filter((exchange) => exchange.text.includes(UPSTREAM_API_KEY));
      expect(leaks.map((exchange) => exchange.url)).toEqual([]);
    });

    await test.step("Nor does the page's storage", async () => {
      const storage = await page.evaluate(() => {
        const dump = (store: Storage) =>
          Array.from({ length: store.length }, (_, index) => {
            const key = store.key(index) ?? '';
            return `${key}=${store.getItem(key) ?? ''}`;
          }).join('\n');
        return `${dump(window.localStorage)}\n${dump(window.sessionStorage)}\n${document.cookie}`;
      });
      expect(storage).not.toContain(UPSTREAM_API_KEY);
      const state = await context.storageState();
      expect(JSON.stringify(state)).not.toContain(UPSTREAM_API_KEY);
    });
  });
});
