export type Timing = {
  median: number;
  min: number;
  max: number;
  runs: number;
  /** Median CPU time of the process (all threads) per run: steadier on a busy machine. */
  cpuMedian: number;
};

export type Contender = {
  name: string;
  run: (text: string) => unknown;
  /** At most this many timed runs (for a slow baseline); defaults to every round. */
  maxRuns?: number;
};

const median = (sorted: readonly number[]): number => {
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
};

/**
 * Times every contender on the same text, `rounds` times, taking turns each round so that
 * load on the machine and heap growth fall on all of them alike. `collect` (a full GC when
 * the runtime exposes it) runs before each timed call.
 */
export function measureTogether(
  text: string,
  contenders: readonly Contender[],
  rounds: number,
  collect: () => void,
): Timing[] {
  const times = contenders.map((): number[] => []);
  const cpuTimes = contenders.map((): number[] => []);
  for (const contender of contenders) contender.run(text); // warm-up: compile the hot paths
  for (let round = 0; round < rounds; round += 1) {
    for (let index = 0; index < contenders.length; index += 1) {
      // Rotate the order each round so no contender always follows the same one.
      const which = (index + round) % contenders.length;
      const contender = contenders[which];
      if (contender === undefined || round >= (contender.maxRuns ?? rounds)) continue;
      collect();
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      contender.run(text);
      times[which]?.push(performance.now() - start);
      const cpu = process.cpuUsage(cpuStart);
      cpuTimes[which]?.push((cpu.user + cpu.system) / 1000);
    }
  }
  return times.map((runs, index) => {
    const sorted = [...runs].sort((a, b) => a - b);
    const cpuSorted = [...(cpuTimes[index] ?? [])].sort((a, b) => a - b);
    return {
      cpuMedian: median(cpuSorted),
      median: median(sorted),
      min: sorted[0] ?? 0,
      max: sorted.at(-1) ?? 0,
      runs: sorted.length,
    };
  });
}
