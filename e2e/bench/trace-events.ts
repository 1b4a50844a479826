/** The parts of a Chromium trace (Playwright's `browser.stopTracing()`) the benchmark reads. */
export type TraceEvent = {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread time: what the task took on the CPU, without time the thread was not running. */
  tdur?: number;
  id?: string;
  args?: {
    name?: string;
    beginData?: {
      dirtyObjects?: number;
      totalObjects?: number;
      stackTrace?: { functionName?: string; url?: string; lineNumber?: number }[];
    };
    data?: {
      startTime?: number;
      cpuProfile?: {
        nodes?: {
          id: number;
          parent?: number;
          callFrame: {
            functionName?: string;
            url?: string;
            lineNumber?: number;
            columnNumber?: number;
          };
        }[];
        samples?: number[];
      };
      timeDeltas?: number[];
    };
  };
};

export const readTrace = (buffer: Buffer): TraceEvent[] =>
  (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;

/** The page's main thread: of the threads named CrRendererMain, the one that ran the most. */
export function mainThreadOf(events: TraceEvent[]): { pid: number; tid: number } | undefined {
  const busy = new Map<string, { pid: number; tid: number; time: number }>();
  for (const event of events) {
    if (event.name !== 'RunTask' || event.ph !== 'X') continue;
    const key = `${String(event.pid)}:${String(event.tid)}`;
    const entry = busy.get(key) ?? { pid: event.pid, tid: event.tid, time: 0 };
    entry.time += event.dur ?? 0;
    busy.set(key, entry);
  }
  const mains = new Set(
    events
      .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${String(event.pid)}:${String(event.tid)}`),
  );
  return [...busy.entries()]
    .filter(([key]) => mains.has(key))
    .map(([, entry]) => entry)
    .sort((a, b) => b.time - a.time)[0];
}
