import type { ImportFormat } from './conversion.ts';

/**
 * The format of an imported file: its extension first, then its content (a paste or a
 * file named otherwise). NDJSON is told from JSON by a second line that starts an object
 * right after a first line that is a whole object.
 */
export function detectFormat(fileName: string, text: string): ImportFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'csv' || extension === 'tsv') return 'csv';
  if (extension === 'ndjson' || extension === 'jsonl') return 'ndjson';
  if (extension === 'json') return 'json';
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('[')) return 'json';
  if (trimmed.startsWith('{')) {
    const lines = trimmed.split(/\r?\n/).filter((line) => line.trim() !== '');
    const [first, second] = lines;
    if (first !== undefined && second !== undefined && second.trimStart().startsWith('{')) {
      try {
        JSON.parse(first);
        return 'ndjson';
      } catch {
        return 'json';
      }
    }
    return 'json';
  }
  return 'csv';
}
