/**
 * How much JavaScript the built index.html makes the browser fetch before the first paint:
 * its module scripts and the module preloads Vite writes for their static imports, gzip'd
 * (level 9, as a static host's pre-compressed files would be). Chunks loaded on demand
 * (Monaco, dialogs, the run console) are listed apart. Run by `npm run bench:bundle` after a
 * build; the goal is at most 120 kB gzip up front.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const GOAL_KB = 120;
const dist = path.resolve(process.argv[2] ?? 'dist');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');

const attribute = (tag: string, name: string): string | undefined =>
  new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1];
const upFront = new Set<string>();
for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/g)) {
  const isModule = tag.startsWith('<script') && attribute(tag, 'type') === 'module';
  const isPreload = tag.startsWith('<link') && attribute(tag, 'rel') === 'modulepreload';
  const url = isModule ? attribute(tag, 'src') : isPreload ? attribute(tag, 'href') : undefined;
  if (url?.endsWith('.js')) upFront.add(url.replace(/^\//, ''));
}

const gzipKb = (file: string): number =>
  gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length / 1024;
const assets = readdirSync(path.join(dist, 'assets'))
  .filter((name) => name.endsWith('.js'))
  .map((name) => `assets/${name}`);
const rows = assets.map((file) => ({ file, kb: gzipKb(file), upFront: upFront.has(file) }));
const initial = rows.filter((row) => row.upFront);
const total = initial.reduce((sum, row) => sum + row.kb, 0);

console.log('Loaded by index.html before the first paint (gzip -9):');
for (const row of initial.sort((a, b) => b.kb - a.kb)) {
  console.log(`  ${row.kb.toFixed(1).padStart(7)} kB  ${row.file}`);
}
const lazy = rows.filter((row) => !row.upFront).sort((a, b) => b.kb - a.kb);
console.log(`On demand: ${lazy.length} chunks, the largest:`);
for (const row of lazy.slice(0, 8)) {
  console.log(`  ${row.kb.toFixed(1).padStart(7)} kB  ${row.file}`);
}
// The workspace chunk is imported by the entry as soon as it runs (main.tsx): not before the
// first paint, but before the user can work. Said apart, so the figure above is not read as
// all the page needs.
const workspace = rows.filter((row) => /^assets\/app-[\w-]+\.js$/.test(row.file));
for (const row of workspace) {
  console.log(
    `Workspace chunk, fetched as soon as the entry runs: ${row.kb.toFixed(1)} kB (${row.file}); entry + workspace ${(total + row.kb).toFixed(1)} kB.`,
  );
}
console.log(
  `\nInitial JS: ${total.toFixed(1)} kB gzip (goal ≤ ${GOAL_KB} kB): ${total <= GOAL_KB ? 'met' : 'not met'}.`,
);
