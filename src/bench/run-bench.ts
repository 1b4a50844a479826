// node:v8 and node:vm expose the garbage collector between timed runs.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { judgePayloadText } from '../core/judge/judge-payload.ts';
import { createAjvBaseline, createZodBaseline } from './baselines.ts';
import { BENCH_SPEC, generatePayload } from './generate-payload.ts';
import { measureTogether, type Contender, type Timing } from './measure.ts';

/** Rounds per size: enough for a steady median, few enough for about two minutes in all. */
const SIZES = [
  { rows: 1_000, rounds: 61 },
  { rows: 10_000, rounds: 21 },
  { rows: 100_000, rounds: 9 },
] as const;

function exposeGc(): () => void {
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === 'function') return () => void Reflect.apply(exposed, undefined, []);
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  return typeof gc === 'function' ? () => void Reflect.apply(gc, undefined, []) : () => undefined;
}

/** Full judge: parse, judge, and the source range of every reported finding. */
const judge = (text: string): number => {
  const judgement = judgePayloadText(text, BENCH_SPEC);
  return judgement.findings.length;
};

const contenders: Contender[] = [
  {
    name: 'JSON.parse',
    run: (text) => {
      const value: unknown = JSON.parse(text);
      return value;
    },
  },
  { name: 'judge (parse + judge + ranges)', run: judge },
  { name: 'ajv allErrors + jsonc parseTree', run: createAjvBaseline(BENCH_SPEC), maxRuns: 5 },
  { name: 'zod 4 safeParse (all issues)', run: createZodBaseline(BENCH_SPEC) },
];

const pad = (text: string, width: number): string => text.padStart(width);
const ms = (value: number): string => (value < 10 ? value.toFixed(2) : value.toFixed(0));

function printTable(rows: number, megabytes: number, timings: readonly Timing[]): void {
  const floor = timings[0]?.median ?? 1;
  const cpuFloor = timings[0]?.cpuMedian ?? 1;
  console.log(`\n${rows.toLocaleString('en-US')} rows, ${megabytes.toFixed(1)} MB of text`);
  console.log(
    `${'method'.padEnd(34)}${pad('median ms', 11)}${pad('min–max ms', 16)}${pad('× parse', 9)}${pad('CPU × parse', 13)}`,
  );
  timings.forEach((timing, index) => {
    const name = contenders[index]?.name ?? '';
    const range = `${ms(timing.min)}–${ms(timing.max)}`;
    const ratio = (timing.median / floor).toFixed(2);
    const cpuRatio = (timing.cpuMedian / cpuFloor).toFixed(2);
    console.log(
      `${name.padEnd(34)}${pad(ms(timing.median), 11)}${pad(range, 16)}${pad(ratio, 9)}${pad(cpuRatio, 13)}`,
    );
  });
}

const collect = exposeGc();
console.log(
  `Node ${process.version}; medians of interleaved runs, a full GC before each. "× parse" is wall time; "CPU × parse" uses process CPU time, steadier when the machine is busy.`,
);
const summary: string[] = [];
for (const { rows, rounds } of SIZES) {
  const payload = generatePayload(rows);
  const judgement = judgePayloadText(payload.text, BENCH_SPEC);
  const timings = measureTogether(payload.text, contenders, rounds, collect);
  printTable(rows, payload.text.length / 1e6, timings);
  console.log(
    `  ${String(payload.badRows)} bad rows; judge: ${judgement.verdict}, ${String(judgement.findings.length)} findings kept of ${String(judgement.totals.errors + judgement.totals.warnings + judgement.totals.infos)}`,
  );
  const [parse, full, ajv, zod] = timings.map((timing) => timing.median);
  if (parse !== undefined && full !== undefined && ajv !== undefined && zod !== undefined) {
    summary.push(
      `${rows.toLocaleString('en-US')} rows: judge ${(full / parse).toFixed(2)}× parse (target ≤ 2 at 100k), ${full < ajv && full < zod ? 'faster than both baselines' : 'NOT faster than both baselines'}`,
    );
  }
}
console.log(`\n${summary.join('\n')}`);
