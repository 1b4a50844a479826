import { readFileSync } from 'node:fs';

/** CPU time of this process so far, in ms: all threads, and the main thread (the event loop). */
export type CpuSample = { processMs: number; mainMs: number | undefined };

/** Clock ticks a second in /proc/…/stat (USER_HZ), 100 on every Linux the bench meets. */
const TICKS_PER_SECOND = 100;

/** The main thread's user + system time from /proc (Linux), undefined elsewhere. */
function mainThreadMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // The fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}

export function sampleCpu(): CpuSample {
  const usage = process.cpuUsage();
  return { processMs: (usage.user + usage.system) / 1000, mainMs: mainThreadMs() };
}
