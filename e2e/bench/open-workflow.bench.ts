import { expect, test, type Page } from '@playwright/test';
import { webhookWorkflow } from '../support/sandbox-api.ts';
import { BENCH_API_KEY } from './bench-key.ts';
import { markWindow, startTaskTrace, stopTaskTrace, type TaskWindow } from './task-cpu-trace.ts';

/*
 * The "Open workflow" dialog at BENCH_WORKFLOWS workflows (10,000 by default; issue #16:
 * each interaction under 100 ms of main-thread work). Measures the longest main-thread task,
 * in CPU time from a trace (wall-clock times grow with other processes' load on a shared
 * machine), for: opening the dialog until its rows show, a search until its matches show,
 * and scrolling to the end of the loaded rows until the next page is in.
 */

const COUNT = Number(process.env.BENCH_WORKFLOWS ?? 10_000);

const workflow = (index: number) =>
  webhookWorkflow(
    `Bench workflow ${String(index).padStart(5, '0')}`,
    { input_schema: { company_name: 'string' }, dataframe_type: 'COMPANY' },
    'Seeded for the Open dialog bench',
  );

async function seed(page: Page, apiKey: string): Promise<void> {
  for (let start = 0; start < COUNT; start += 100) {
    const batch = Array.from({ length: Math.min(100, COUNT - start) }, (_, i) => start + i);
    const answers = await Promise.all(
      batch.map((index) =>
        page.request.post('/workflows/create_workflow', {
          headers: { 'x-api-key': apiKey },
          data: workflow(index),
        }),
      ),
    );
    expect(answers.every((answer) => answer.ok())).toBe(true);
  }
}

test(`Open workflow dialog at ${COUNT} workflows`, async ({ page, browser }) => {
  await seed(page, BENCH_API_KEY);
  await page.goto('/');
  // Measure the dialog, not the app's start: wait until the app is up and its main thread idle.
  await expect(page.getByRole('button', { name: 'Open workflow', exact: true })).toBeEnabled();
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        requestIdleCallback(resolve, { timeout: 10_000 });
      }),
  );
  const windows: TaskWindow[] = [];
  const measure = async (name: string, act: () => Promise<void>) => {
    await markWindow(page, `bench:${name}:start`);
    await act();
    await markWindow(page, `bench:${name}:end`);
    windows.push({ start: `bench:${name}:start`, end: `bench:${name}:end` });
  };
  await startTaskTrace(browser, page);
  const dialog = page.getByRole('dialog', { name: /^Open a workflow from / });
  await measure('open', async () => {
    await page.getByRole('button', { name: 'Open workflow', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText(COUNT.toLocaleString());
  });
  await measure('search', async () => {
    await dialog.getByRole('searchbox', { name: 'Search workflows' }).fill('workflow 0999');
    await expect(dialog.getByRole('status')).toContainText('match');
  });
  await dialog.getByRole('searchbox', { name: 'Search workflows' }).fill('');
  await expect(dialog.getByRole('status')).toContainText('more load as you scroll');
  const scroller = dialog.getByRole('group', { name: 'Workflow list' });
  const rows = dialog.getByRole('table', { name: 'Workflows' });
  for (const page_ of [2, 3, 4]) {
    await measure(`scroll-${page_}`, async () => {
      await expect
        .poll(async () => {
          await scroller.evaluate((element) => {
            element.scrollTop = element.scrollHeight;
          });
          return Number(
            await rows.locator('tr[aria-rowindex]').last().getAttribute('aria-rowindex'),
          );
        })
        .toBeGreaterThan((page_ - 1) * 100);
    });
  }
  const results = await stopTaskTrace(browser, windows);
  const rendered = await rows.getByRole('row').count();
  console.log(`[bench] Open workflow dialog, ${COUNT} workflows, ${rendered} rows in the DOM:`);
  windows.forEach((window, index) => {
    const result = results[index];
    console.log(
      `[bench]   ${window.start.replace(/^bench:|:start$/g, '')}: longest task ${result?.cpuMs.toFixed(1) ?? '?'} ms CPU (${result?.wallMs.toFixed(1) ?? '?'} ms wall)`,
    );
  });
});
