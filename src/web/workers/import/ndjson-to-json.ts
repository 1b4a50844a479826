import { type ConversionResult, plural, rowsToJsonText } from './conversion.ts';
import { errorMessage } from '@core/error-message.ts';

/** NDJSON (one JSON value a line; blank lines skipped) as one JSON array. */
export function ndjsonToJson(text: string): ConversionResult {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\n|\r/);
  const rows: unknown[] = [];
  let blank = 0;
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') {
      blank += 1;
      continue;
    }
    try {
      rows.push(JSON.parse(line));
    } catch (error) {
      const reason = errorMessage(error);
      return {
        ok: false,
        message: `Line ${index + 1} of the NDJSON file is not valid JSON (${reason}). Each line must hold one JSON object.`,
      };
    }
  }
  if (rows.length === 0) return { ok: false, message: 'The NDJSON file holds no rows.' };
  const notes = [`Read ${plural(rows.length, 'row')} from NDJSON, one a line.`];
  // A trailing newline is normal; only blank lines in between are worth saying.
  const inner = blank - (lines.at(-1)?.trim() === '' ? 1 : 0);
  if (inner > 0) notes.push(`Skipped ${plural(inner, 'blank line')}.`);
  return { ok: true, text: rowsToJsonText(rows), rowCount: rows.length, notes };
}
