import type { Browser, Page } from '@playwright/test';
import { readTrace, type TraceEvent } from './trace-events.ts';

/*
 * The longest task of a measured window by wall clock and by CPU time. The long-task API
 * the benchmark reads gives wall-clock time only, and on a shared machine a task can take
 * three times its CPU time when another process holds the cores. A light trace (one event
 * per task) gives each task's thread time as well, so a noisy run can be told from slow
 * code. The windows are bounded by user-timing marks set from the benchmark.
 */

export type TaskWindow = { start: string; end: string };
export type WindowLongest = { wallMs: number; cpuMs: number };

export async function startTaskTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
}

/** Marks a window's edge on the page (a user-timing mark, which the trace records). */
export async function markWindow(page: Page, name: string): Promise<void> {
  await page.evaluate((mark) => performance.mark(mark), name);
}

const findMark = (events: TraceEvent[], name: string): TraceEvent | undefined =>
  events.find((event) => event.name === name && event.cat?.includes('blink.user_timing'));

/** A task of the page's event loop, as the 'toplevel' category records it. */
const TASK = 'ThreadControllerImpl::RunTask';

/** Stops the trace; per window, the longest main-thread task that overlapped it. */
export async function stopTaskTrace(
  browser: Browser,
  windows: TaskWindow[],
): Promise<(WindowLongest | undefined)[]> {
  const events = readTrace(await browser.stopTracing());
  return windows.map(({ start, end }) => {
    // The marks are set on the page's main thread: its tasks are the ones to read.
    const first = findMark(events, start);
    const last = findMark(events, end);
    if (!first || !last) return undefined;
    const from = first.ts;
    const to = last.ts;
    const tasks = events.filter(
      (event) =>
        event.pid === first.pid &&
        event.tid === first.tid &&
        event.name === TASK &&
        event.ph === 'X',
    );
    const overlapping = tasks.filter((task) => task.ts <= to && task.ts + (task.dur ?? 0) >= from);
    return {
      wallMs: Math.max(0, ...overlapping.map((task) => (task.dur ?? 0) / 1000)),
      cpuMs: Math.max(0, ...overlapping.map((task) => (task.tdur ?? 0) / 1000)),
    };
  });
}
