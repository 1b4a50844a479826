import { CRASH_POINTS } from '../runs/crash-point.ts';
import {
  runCrashScenario,
  seededRandom,
  type CrashScenario,
} from '../test-support/crash-harness.ts';

/*
 * `npm run bench:crash [-- --iterations 100 --seed 1]`: seeded crash scenarios (a named
 * INLET_CRASH_AT point, or a SIGKILL after a random delay), each followed by a restart and
 * the invariant checks. Exits 1 when any scenario breaks one; replay it with its seed.
 */

const flag = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  return Number.isFinite(value) ? value : fallback;
};

const iterations = flag('iterations', 100);
const firstSeed = flag('seed', 1);
const failures: string[] = [];
const started = Date.now();

for (let i = 0; i < iterations; i++) {
  const seed = firstSeed + i;
  const random = seededRandom(seed * 7919);
  const point = CRASH_POINTS[Math.floor(random() * (CRASH_POINTS.length + 2))];
  const scenario: CrashScenario =
    point === undefined
      ? { seed, killAfterMs: Math.floor(random() * 1_500) }
      : { seed, crashAt: point };
  const outcome = await runCrashScenario(scenario);
  const how = scenario.crashAt ?? `after ${scenario.killAfterMs ?? 0} ms`;
  const verdict =
    outcome.violations.length === 0 ? 'ok' : `FAILED: ${outcome.violations.join('; ')}`;
  console.log(`#${i + 1} seed ${seed}, killed ${how}: ${outcome.runs} runs, ${verdict}`);
  if (outcome.violations.length > 0) failures.push(`seed ${seed} (${how})`);
}

console.log(
  `${iterations - failures.length}/${iterations} scenarios kept every invariant in ${Math.round((Date.now() - started) / 1000)} s.`,
);
if (failures.length > 0) {
  console.log(`Failed: ${failures.join(', ')}`);
  process.exit(1);
}
