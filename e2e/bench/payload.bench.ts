import { expect, test, type Browser, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DesignerPage } from '../pages/designer-page.ts';
import { PayloadPage } from '../pages/payload-page.ts';
import { startProfile, stopProfile } from './long-task-profile.ts';
import { BENCH_COLUMNS, benchPayload } from './payload-sample.ts';
import {
  markWindow,
  startTaskTrace,
  stopTaskTrace,
  type TaskWindow,
  type WindowLongest,
} from './task-cpu-trace.ts';

/*
 * Keystroke to markers, and main-thread freezes, for the sample payload at 10k and 100k
 * rows. Targets (issue #4): markers within 300 ms of the last keystroke; no main-thread
 * task over 50 ms at 10k; never frozen over 200 ms at 100k, importing included. Prints
 * min–max over the repetitions: BENCH_IMPORTS imports (each until the whole text is in the
 * editor and the preview shows the rows) and BENCH_RUNS keystrokes.
 *
 * Longest tasks are wall-clock times from the long-task API, as a user would feel them; that
 * API reports only tasks over 50 ms, so 0 means none. A light trace runs alongside and gives
 * the same windows' longest task in CPU time: on a shared machine wall-clock times grow
 * with the load of other processes, CPU times do not. BENCH_PROFILE=1 prints where the
 * long tasks' time goes instead (see long-task-profile.ts).
 */

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const IMPORTS = Number(process.env.BENCH_IMPORTS ?? 3);
/** BENCH_PROFILE=1: also print what ran in each long task (slows the page; figures differ). */
const PROFILE = process.env.BENCH_PROFILE === '1';
const JUDGED_MARK = 'inlet:payload-judged';
const EDITOR_LOAD_MEASURE = 'inlet:payload-editor-load';

type Probe = { latency: number; longest: number };
type ImportProbe = { longest: number; editorLoad: number | undefined };

/** The measured windows, marked on the page for the CPU-time trace. */
class Windows {
  readonly list: TaskWindow[] = [];
  readonly #page: Page;

  constructor(page: Page) {
    this.#page = page;
  }

  async open(name: string): Promise<void> {
    await markWindow(this.#page, `bench:${name}:start`);
  }

  async close(name: string): Promise<void> {
    await markWindow(this.#page, `bench:${name}:end`);
    this.list.push({ start: `bench:${name}:start`, end: `bench:${name}:end` });
  }
}

/** The CPU-time trace, unless the profiler's trace (BENCH_PROFILE=1) has the browser. */
async function startCpuTrace(browser: Browser, page: Page): Promise<void> {
  if (!PROFILE) await startTaskTrace(browser, page);
}

async function stopCpuTrace(
  browser: Browser,
  windows: Windows,
): Promise<Map<string, WindowLongest>> {
  const longest = new Map<string, WindowLongest>();
  if (PROFILE) return longest;
  const results = await stopTaskTrace(browser, windows.list);
  windows.list.forEach((window, index) => {
    const result = results[index];
    if (result) longest.set(window.start, result);
  });
  return longest;
}

declare global {
  interface Window {
    benchLongTasks: { start: number; duration: number }[];
    benchLastKey: number;
  }
}

async function installProbes(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.benchLongTasks = [];
    window.benchLastKey = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
    document.addEventListener(
      'keydown',
      () => {
        window.benchLastKey = performance.now();
      },
      { capture: true },
    );
  });
}

/** Longest main-thread task that ended at or after `from` (ms since navigation). */
const longestSince = (page: Page, from: number): Promise<number> =>
  page.evaluate(
    (since) =>
      Math.max(
        0,
        ...window.benchLongTasks
          .filter((task) => task.start + task.duration >= since)
          .map((task) => task.duration),
      ),
    from,
  );

/** Prints the long tasks of what `run` does, with their top functions (BENCH_PROFILE=1). */
async function profiled<T>(
  browser: Browser,
  page: Page,
  label: string,
  run: () => Promise<T>,
): Promise<T> {
  if (!PROFILE) return run();
  await startProfile(browser, page);
  const result = await run();
  const threshold = Number(process.env.BENCH_PROFILE_MS ?? 50);
  console.log(`[profile] ${label}:\n${(await stopProfile(browser, threshold)).join('\n')}`);
  return result;
}

/** Types one key and measures until the judge's markers for the new text are on the editor. */
async function keystroke(page: Page, key: string, windows: Windows, name: string): Promise<Probe> {
  await windows.open(name);
  await page.keyboard.press(key);
  const handle = await page.waitForFunction(
    (mark) => {
      const after = performance
        .getEntriesByName(mark)
        .filter((entry) => entry.startTime > window.benchLastKey);
      return after.length > 0 ? (after[0]?.startTime ?? 0) - window.benchLastKey : false;
    },
    JUDGED_MARK,
    { timeout: 60_000, polling: 'raf' },
  );
  const latency = Number(await handle.jsonValue());
  // Let the panels render what the judgement changed before reading the long tasks.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await windows.close(name);
  const since = await page.evaluate(() => window.benchLastKey);
  return { latency, longest: await longestSince(page, since) };
}

const range = (values: number[]): string =>
  values.length === 0
    ? 'n/a'
    : `${Math.round(Math.min(...values)).toString()}–${Math.round(Math.max(...values)).toString()} ms`;

async function openWithSpec(page: Page): Promise<PayloadPage> {
  const designer = new DesignerPage(page);
  const payload = new PayloadPage(page);
  await designer.goto();
  await payload.waitForEditor();
  for (const column of BENCH_COLUMNS) await designer.addColumn(column);
  await installProbes(page);
  return payload;
}

/** Duration of the newest editor load that started after `since`, if the text needed one. */
const editorLoadSince = (page: Page, since: number): Promise<number | undefined> =>
  page.evaluate(
    ({ name, from }) =>
      performance
        .getEntriesByName(name)
        .filter((entry) => entry.startTime >= from)
        .map((entry) => entry.duration)
        .at(-1),
    { name: EDITOR_LOAD_MEASURE, from: since },
  );

/**
 * Waits until the section headed by `titleId` shows `text` (and, with `absent`, no longer
 * shows it). A plain DOM read, polled: Playwright's role and text locators walk the page's
 * accessibility tree on the main thread, and the benchmark would time its own polling as
 * the app's long tasks (120–180 ms a role query under the profiler, 300 problems listed).
 */
async function waitForSection(
  page: Page,
  titleId: string,
  text: string,
  absent = false,
): Promise<void> {
  await page.waitForFunction(
    ({ id, wanted, negate }) => {
      const shown =
        document.querySelector(`[aria-labelledby="${id}"]`)?.textContent.includes(wanted) ?? false;
      return shown !== negate;
    },
    { id: titleId, wanted: text, negate: absent },
    { polling: 50, timeout: 120_000 },
  );
}

const PAYLOAD_SECTION = 'sample-payload-title';
const PREVIEW_SECTION = 'dataset-preview-title';

/** Imports the file and waits until its text is all in the editor and its rows are shown. */
async function importOnce(
  page: Page,
  payload: PayloadPage,
  file: string,
  rows: number,
  windows: Windows,
  name: string,
) {
  await windows.open(name);
  const started = await page.evaluate(() => performance.now());
  await payload.importFile(file);
  await waitForSection(page, PREVIEW_SECTION, `${rows.toLocaleString('en-US')} rows ·`);
  await waitForSection(page, PREVIEW_SECTION, 'person0@example.com');
  await waitForSection(page, PAYLOAD_SECTION, 'Loading into the editor…', true);
  // The frame after the last slice, so its rendering counts too.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await windows.close(name);
  return {
    longest: await longestSince(page, started),
    editorLoad: await editorLoadSince(page, started),
  };
}

async function measureImports(page: Page, payload: PayloadPage, rows: number, windows: Windows) {
  const file = path.join(tmpdir(), `inlet-bench-${String(rows)}.json`);
  const reset = path.join(tmpdir(), 'inlet-bench-1.json');
  writeFileSync(file, benchPayload(rows));
  writeFileSync(reset, benchPayload(1));
  const probes: ImportProbe[] = [];
  for (let run = 0; run < IMPORTS; run += 1) {
    // A one-row payload between imports, so each import replaces a small text and its
    // judgement is told from the previous one's.
    await payload.importFile(reset);
    await waitForSection(page, PREVIEW_SECTION, '1 row ·');
    probes.push(await importOnce(page, payload, file, rows, windows, `import-${String(run)}`));
  }
  return probes;
}

async function measureTyping(page: Page, payload: PayloadPage, windows: Windows): Promise<Probe[]> {
  // After the "{" of the first row: a space there keeps the JSON valid, so every run judges
  // the whole payload and finds the same problems.
  await payload.editor.focus();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  const probes: Probe[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const key = run % 2 === 0 ? 'Space' : 'Backspace';
    probes.push(await keystroke(page, key, windows, `key-${String(run)}`));
  }
  return probes;
}

/** Min–max CPU time of the longest task over the windows named `kind`-n. */
const cpuRange = (cpu: Map<string, WindowLongest>, kind: string): string =>
  range(
    [...cpu.entries()]
      .filter(([start]) => start.startsWith(`bench:${kind}-`))
      .map(([, longest]) => longest.cpuMs),
  );

const editorLoads = (probes: ImportProbe[]): number[] =>
  probes.flatMap((probe) => (probe.editorLoad === undefined ? [] : [probe.editorLoad]));

for (const rows of [10_000, 100_000]) {
  test(`sample payload with ${rows.toLocaleString('en-US')} rows`, async ({ browser, page }) => {
    const payload = await openWithSpec(page);
    const windows = new Windows(page);
    await startCpuTrace(browser, page);
    const imports = await profiled(browser, page, `import ${String(rows)}`, () =>
      measureImports(page, payload, rows, windows),
    );
    const probes = await profiled(browser, page, `typing ${String(rows)}`, () =>
      measureTyping(page, payload, windows),
    );
    const cpu = await stopCpuTrace(browser, windows);
    const line = [
      `[bench] ${rows.toLocaleString('en-US')} rows, ${String(IMPORTS)} imports, ${String(RUNS)} keystrokes:`,
      `keystroke → markers ${range(probes.map((probe) => probe.latency))};`,
      `longest main-thread task while judging ${range(probes.map((probe) => probe.longest))}`,
      `(CPU ${cpuRange(cpu, 'key')});`,
      `longest task while importing ${range(imports.map((probe) => probe.longest))}`,
      `(CPU ${cpuRange(cpu, 'import')});`,
      `text into the editor in ${range(editorLoads(imports))}`,
    ].join(' ');
    console.log(line);
    const measures = await page.evaluate(() =>
      ['inlet:payload-snapshot', 'inlet:payload-markers'].map((name) => {
        const durations = performance
          .getEntriesByName(name)
          .map((entry) => Math.round(entry.duration));
        return `${name} ${durations.slice(-5).join('/')} ms`;
      }),
    );
    console.log(`[bench] ${measures.join('; ')}`);
    test.info().annotations.push({ type: 'bench', description: line });
    expect(probes).toHaveLength(RUNS);
    expect(imports).toHaveLength(IMPORTS);
  });
}
