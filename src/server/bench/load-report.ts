import type { Result } from 'autocannon';
import type { CpuSample } from './thread-cpu.ts';

/** One case of one round: autocannon's result and the CPU the process spent meanwhile. */
export type Measured = { name: string; result: Result; cpu: CpuSample };

export const BASELINE = 'bare Fastify, same body (baseline)';
export const RUN = 'POST /workflows/run, 100 rows';
export const LIVE = 'GET /workflows/runs/{id}/live_status';

const ratio = (value: number, of: number | undefined): number | undefined =>
  of !== undefined && of > 0 ? value / of : undefined;
const fixed = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(2));
const perRequest = (ms: number | undefined, result: Result) =>
  ms === undefined || result.requests.total === 0
    ? '–'
    : String(Math.round((ms * 1000) / result.requests.total));

/** The table of one round, every ratio against that round's baseline. */
export function printRound(round: Measured[]): void {
  const baseline = round.find((measured) => measured.name === BASELINE)?.result;
  console.log(
    '| case | req/s | × baseline | p50 ms | × baseline | p99 ms | × baseline | non-2xx | errors | CPU µs/request | event loop µs/request |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { name, result, cpu } of round) {
    const { requests, latency } = result;
    console.log(
      `| ${name} | ${Math.round(requests.average)} | ${fixed(ratio(requests.average, baseline?.requests.average))} | ${latency.p50} | ${fixed(ratio(latency.p50, baseline?.latency.p50))} | ${latency.p99} | ${fixed(ratio(latency.p99, baseline?.latency.p99))} | ${result.non2xx} | ${result.errors + result.timeouts} | ${perRequest(cpu.processMs, result)} | ${perRequest(cpu.mainMs, result)} |`,
    );
  }
}

const range = (values: number[], digits: number) => {
  if (values.length === 0) return '–';
  const low = Math.min(...values).toFixed(digits);
  const high = Math.max(...values).toFixed(digits);
  return low === high ? low : `${low}–${high}`;
};

/**
 * The targets, over every round: each ratio is taken within its own round (the baseline
 * measured minutes apart would mix in the machine's other load), then shown as min–max.
 */
export function printTargets(rounds: Measured[][]): void {
  const ratios = (name: string) =>
    rounds.flatMap((round) => {
      const of = round.find((measured) => measured.name === BASELINE)?.result.requests.average;
      const value = round.find((measured) => measured.name === name)?.result.requests.average;
      const r = value === undefined ? undefined : ratio(value, of);
      return r === undefined ? [] : [r];
    });
  const p99s = (name: string) =>
    rounds.flatMap((round) => {
      const found = round.find((measured) => measured.name === name);
      return found ? [found.result.latency.p99] : [];
    });
  console.log(
    `Targets${rounds.length > 1 ? `, min–max over ${rounds.length} rounds` : ''}: run ≥ 0.50 × baseline req/s (${range(ratios(RUN), 2)}), live status ≥ 0.70 (${range(ratios(LIVE), 2)}), p99 < 50 ms (run ${range(p99s(RUN), 0)}, live ${range(p99s(LIVE), 0)}).`,
  );
}
