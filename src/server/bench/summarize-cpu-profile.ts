import { readFileSync } from 'node:fs';
import { z } from 'zod';

/*
 * `npx tsx src/server/bench/summarize-cpu-profile.ts <file.cpuprofile> [--from s] [--to s] [--top n]`:
 * the functions with the most self time, and the most inclusive time, in a profile written by
 * `node --cpu-prof --cpu-prof-dir=<dir> --import tsx src/server/bench/run-load-bench.ts …`
 * (one file per thread: the event loop's, the run intake's, autocannon's). `--from`/`--to`
 * keep only the samples between those seconds after the profile's start, so the executor
 * draining its backlog after a case does not hide what the case itself cost. It also prints the
 * busy samples per second, which shows where a case starts and ends.
 */

const profileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
      children: z.array(z.number()).optional(),
    }),
  ),
  startTime: z.number(),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});
type ProfileNode = z.infer<typeof profileSchema>['nodes'][number];

const argValue = (name: string): string | undefined => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const file = process.argv[2];
if (file === undefined || file.startsWith('--')) {
  throw new Error('Name a .cpuprofile file: summarize-cpu-profile.ts <file> [--from s] [--to s]');
}
const fromS = Number(argValue('from') ?? 0);
const toS = Number(argValue('to') ?? Number.POSITIVE_INFINITY);
const top = Number(argValue('top') ?? 30);

const profile = profileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parentOf.set(child, node.id);
const label = (node: ProfileNode): string => {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName === '' ? '(anonymous)' : functionName} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
};

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
const busyPerSecond = new Map<number, number>();
const add = (map: Map<string | number, number>, key: string | number) =>
  map.set(key, (map.get(key) ?? 0) + 1);
let at = profile.startTime;
let kept = 0;
profile.samples.forEach((id, index) => {
  at += profile.timeDeltas[index] ?? 0;
  const seconds = (at - profile.startTime) / 1e6;
  const node = byId.get(id);
  if (node === undefined) return;
  if (node.callFrame.functionName !== '(idle)') add(busyPerSecond, Math.floor(seconds));
  if (seconds < fromS || seconds > toS) return;
  kept++;
  add(self, label(node));
  // Each function once per sample, however often it recurses.
  const seen = new Set<string>();
  for (
    let current: number | undefined = id;
    current !== undefined;
    current = parentOf.get(current)
  ) {
    const frame = byId.get(current);
    if (frame === undefined) break;
    const name = label(frame);
    if (!seen.has(name)) add(inclusive, name);
    seen.add(name);
  }
});

const percent = (count: number) => `${((100 * count) / Math.max(1, kept)).toFixed(1).padStart(5)}%`;
const ranked = (map: Map<string, number>) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, count]) => `${percent(count)} ${name}`)
    .join('\n');
console.log(
  `Busy samples per second: ${[...busyPerSecond].map(([second, count]) => `${second}:${count}`).join(' ')}`,
);
console.log(`${kept} samples between ${fromS} s and ${toS} s.\n\nSelf time:\n${ranked(self)}`);
console.log(`\nInclusive time:\n${ranked(inclusive)}`);
