import { DesignerPage } from './pages/designer-page.ts';
import { PayloadPage } from './pages/payload-page.ts';
import { RunConsole } from './pages/run-console.ts';
import { expect, test } from './support/fixtures.ts';

test('at 1280×800 a long problems list scrolls on its own; the payload editor keeps its height', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const designer = new DesignerPage(page);
  const payload = new PayloadPage(page);
  const run = new RunConsole(page);

  await designer.goto();
  await designer.startFromExample();
  // Each row sends a column of its own that the spec lacks: one problem group per row.
  const rows = Array.from({ length: 200 }, (_, index) => ({
    company_name: `Company ${index + 1}`,
    [`extra_${index + 1}`]: 'x',
  }));
  await payload.replaceText(JSON.stringify(rows));
  await expect(payload.summary).toContainText('200 rows');

  const sizes = await payload.problems.evaluate((list) => {
    // The list's own scroll box: the nearest ancestor that scrolls.
    let scroller = list.parentElement;
    while (scroller && getComputedStyle(scroller).overflowY !== 'auto') {
      scroller = scroller.parentElement;
    }
    const editor = document
      .querySelector('[aria-label="Sample payload, JSON"]')
      ?.closest('.monaco-editor');
    return {
      listHeight: list.getBoundingClientRect().height,
      scrollerHeight: scroller?.getBoundingClientRect().height ?? 0,
      scrollerIsPane: scroller?.classList.contains('pane') ?? false,
      editorHeight: editor?.getBoundingClientRect().height ?? Number.POSITIVE_INFINITY,
    };
  });
  // The list is taller than its box, which scrolls, and the editor did not grow to the list.
  expect(sizes.scrollerIsPane).toBe(false);
  expect(sizes.listHeight).toBeGreaterThan(sizes.scrollerHeight);
  expect(sizes.editorHeight).toBeLessThan(800);
  await expect(payload.editor).toBeInViewport();
  await expect(run.runButton).toBeInViewport();
});
