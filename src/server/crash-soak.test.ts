import { describe, expect, it } from 'vitest';
import { CRASH_POINTS } from './runs/crash-point.ts';
import { runCrashScenario } from './test-support/crash-harness.ts';

// The short version of `npm run bench:crash`: one kill at each named point, one at random.
describe('SIGKILL at named points, then a restart', () => {
  it.each(CRASH_POINTS.map((point, index) => ({ point, seed: index + 1 })))(
    'keeps every invariant when killed at $point',
    async ({ point, seed }) => {
      const outcome = await runCrashScenario({ seed, crashAt: point });
      expect(outcome.crashed).toBe(true);
      expect(outcome.violations).toEqual([]);
      expect(outcome.runs).toBeGreaterThan(0);
    },
    60_000,
  );

  it('keeps every invariant when killed after a random delay', async () => {
    const outcome = await runCrashScenario({ seed: 99, killAfterMs: 150 });
    expect(outcome.violations).toEqual([]);
  }, 60_000);
});
