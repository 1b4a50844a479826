import type { Browser, Page } from '@playwright/test';
import { mainThreadOf, readTrace, type TraceEvent } from './trace-events.ts';

/*
 * Where the main thread's long tasks go, from a Chromium trace: each top-level task on the
 * page's main thread that took longer than the threshold on the CPU (BENCH_PROFILE_MS,
 * 50 ms by default), longest first, with the functions that took its time
 * (self time, from the V8 sampling profiler recorded into the same trace). Opt-in
 * (BENCH_PROFILE=1): the profiler slows the page down, so the bench's figures from a
 * profiled run are not comparable with an unprofiled one. The first task of each profile,
 * spent in V8.InvokeApiInterruptCallbacks with hardly a sample, is the profiler starting.
 */

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
];

type Frame = { name: string; parent?: number };

export async function startProfile(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, { categories: CATEGORIES });
}

const shortUrl = (url: string): string => url.replace(/^.*\/assets\//, '').replace(/^.*\//, '');

/**
 * A task's CPU time (thread time) where the trace has it, else its wall-clock time: on a
 * shared machine the wall clock counts time the thread waited for a core.
 */
const cpuOf = (event: TraceEvent): number => event.tdur ?? event.dur ?? 0;

/** Stops the trace and returns one line per long task, longest first, with its top functions. */
export async function stopProfile(browser: Browser, thresholdMs = 50, top = 8): Promise<string[]> {
  const traceEvents = readTrace(await browser.stopTracing());
  const main = mainThreadOf(traceEvents);
  if (!main) return ['no renderer main thread in the trace'];

  const tasks = traceEvents
    .filter(
      (event) =>
        event.pid === main.pid &&
        event.tid === main.tid &&
        event.name === 'RunTask' &&
        event.ph === 'X' &&
        cpuOf(event) > thresholdMs * 1000,
    )
    .sort((a, b) => cpuOf(b) - cpuOf(a));

  // The sampling profile of that thread: nodes (call tree) and timed samples.
  const frames = new Map<number, Frame>();
  const samples: { ts: number; node: number }[] = [];
  // One profile per thread (workers have their own): keep the main thread's.
  const profiles = traceEvents.filter(
    (event) => event.name === 'Profile' && event.pid === main.pid && event.tid === main.tid,
  );
  const profileIds = new Set(profiles.map((event) => event.id));
  const clock = new Map<string | undefined, number>();
  for (const event of profiles) clock.set(event.id, event.args?.data?.startTime ?? event.ts);
  for (const event of traceEvents) {
    if (event.name !== 'ProfileChunk' || event.pid !== main.pid || !profileIds.has(event.id))
      continue;
    const data = event.args?.data;
    for (const node of data?.cpuProfile?.nodes ?? []) {
      const { functionName, url = '', lineNumber = 0, columnNumber = 0 } = node.callFrame;
      const place = url
        ? ` ${shortUrl(url)}:${String(lineNumber + 1)}:${String(columnNumber + 1)}`
        : '';
      const name = `${functionName || '(anonymous)'}${place}`;
      frames.set(node.id, {
        name: name.trim(),
        ...(node.parent === undefined ? {} : { parent: node.parent }),
      });
    }
    let ts = clock.get(event.id) ?? 0;
    const ids = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    ids.forEach((node, index) => {
      ts += deltas[index] ?? 0;
      samples.push({ ts, node });
    });
    clock.set(event.id, ts);
  }
  samples.sort((a, b) => a.ts - b.ts);

  const lines: string[] = [];
  for (const task of tasks) {
    const start = task.ts;
    const end = task.ts + (task.dur ?? 0);
    const inTask = samples.filter((sample) => sample.ts >= start && sample.ts <= end);
    const self = new Map<string, number>();
    const total = new Map<string, number>();
    for (let index = 0; index < inTask.length; index += 1) {
      const sample = inTask[index];
      if (!sample) continue;
      const next = inTask[index + 1]?.ts ?? end;
      const ms = (next - sample.ts) / 1000;
      const leaf = frames.get(sample.node);
      if (!leaf) continue;
      self.set(leaf.name, (self.get(leaf.name) ?? 0) + ms);
      const seen = new Set<string>();
      for (
        let id: number | undefined = sample.node;
        id !== undefined;
        id = frames.get(id)?.parent
      ) {
        const frame = frames.get(id);
        if (!frame || seen.has(frame.name)) continue;
        seen.add(frame.name);
        total.set(frame.name, (total.get(frame.name) ?? 0) + ms);
      }
    }
    const list = (map: Map<string, number>): string =>
      [...map.entries()]
        .filter(([name]) => !/^\((root|program|idle)\)/.test(name))
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([name, ms]) => `    ${ms.toFixed(1).padStart(7)} ms  ${name}`)
        .join('\n');
    // What the browser itself did in the task (layout, style, paint, GC, script entry points).
    const phases = new Map<string, number>();
    for (const event of traceEvents) {
      if (
        event.pid !== main.pid ||
        event.tid !== main.tid ||
        event.ph !== 'X' ||
        event === task ||
        event.ts < start ||
        event.ts > end
      )
        continue;
      phases.set(event.name, (phases.get(event.name) ?? 0) + (event.dur ?? 0) / 1000);
    }
    // Layouts over a few milliseconds: how much of the page they laid out, and, when script
    // forced them, where.
    const layouts = traceEvents
      .filter(
        (event) =>
          event.pid === main.pid &&
          event.tid === main.tid &&
          event.name === 'Layout' &&
          event.ts >= start &&
          event.ts <= end &&
          (event.dur ?? 0) > 3000,
      )
      .map((event) => {
        const begin = event.args?.beginData;
        const caller = begin?.stackTrace?.[0];
        const forced = caller
          ? ` forced by ${caller.functionName || '(anonymous)'} ${shortUrl(caller.url ?? '')}:${String((caller.lineNumber ?? 0) + 1)}`
          : '';
        return `    ${((event.dur ?? 0) / 1000).toFixed(1).padStart(7)} ms  Layout of ${String(begin?.dirtyObjects ?? '?')}/${String(begin?.totalObjects ?? '?')} objects${forced}`;
      });
    lines.push(
      [
        `  task of ${((task.dur ?? 0) / 1000).toFixed(0)} ms, ${task.tdur === undefined ? '?' : (task.tdur / 1000).toFixed(0)} ms on the CPU (${String(inTask.length)} samples)`,
        `   trace events (inclusive, may nest):\n${list(phases)}`,
        ...(layouts.length > 0 ? [`   layouts:\n${layouts.join('\n')}`] : []),
        `   self:\n${list(self)}`,
        `   total:\n${list(total)}`,
      ].join('\n'),
    );
  }
  return lines.length > 0 ? lines : [`  no task over ${String(thresholdMs)} ms`];
}
